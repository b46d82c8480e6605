// Internal to gl_db: writing cells that came from the data center into the ledger by the merge rule.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/internal/ledger_state.h"
#include "db/internal/search_index.h"
#include "db/sync_ledger.h"

namespace gl::db {

// Collects remote cells row by row and writes each row once in finish(). A cell is written when it
// beats what the ledger holds (core::wins) and the local cell is not waiting to be sent (the push
// settles that one at the data center, which keeps the loser as a conflict). Runs inside the
// caller's transaction.
class RemoteApply {
 public:
  // `force`: every cell is written whatever the ledger holds (a refused cell put back as the data center has it).
  explicit RemoteApply(LedgerState& state, bool force = false);
  void add(const SyncCell& cell);
  ApplyStats finish();

 private:
  struct Local {
    std::int64_t seq = 0;
    std::int64_t hlc = 0;
    int site = 0;
    std::string siteUuid;
    bool operator==(const Local&) const = default;
  };
  // The row's change-log entries by column ('' = the row's own stamp), in one query.
  std::map<std::string, Local> localClocks(const std::string& row);
  int siteNumber(const std::string& uuid);
  const std::string& siteUuid(int n);
  void writeRow(core::Table table, const std::string& id, const std::vector<SyncCell>& cells);
  // The cells of a row that win, one per column (core/merge.h); counts the others as kept.
  std::vector<const SyncCell*> winnersOf(const core::TableSpec& spec, const std::vector<SyncCell>& cells,
                                         const std::map<std::string, Local>& clocks);
  // The UPDATE of a row's winning cells, bound.
  SQLite::Statement& updateStatement(const core::TableSpec& spec, const std::string& id,
                                     const std::vector<const SyncCell*>& winners, bool live);
  // A row the ledger does not have yet; returns its rowid.
  std::int64_t insertRow(const core::TableSpec& spec, const std::string& id, const core::Cells& next, bool live);
  // The winners' entries in the change log (one for a new row written under one stamp).
  void stamp(core::Table table, const std::string& id, const std::vector<const SyncCell*>& winners,
             const std::map<std::string, Local>& clocks, bool newRow);

  LedgerState& s_;
  bool force_;
  std::int64_t acked_;
  SearchIndex index_;
  std::vector<std::pair<core::Table, std::string>> order_;
  std::map<std::string, std::vector<SyncCell>> rows_;
  std::unordered_map<std::string, int> sites_;
  std::unordered_map<int, std::string> uuids_;
  std::map<int, std::int64_t> liveDelta_;  // per table: rows that became live minus those that stopped
  ApplyStats stats_;
};

// Removes rows that left the ledger's scope, with everything that hangs on them, without logging
// them as changes (they still exist at the data center).
std::int64_t removeOutOfScope(LedgerState& state, const std::vector<ScopeExit>& exits, std::set<int>& touched);
// Recounts the live rows of the given tables and the pending change-log entries.
void recount(LedgerState& state, const std::set<int>& tables);
void refreshPending(LedgerState& state);

}  // namespace gl::db
