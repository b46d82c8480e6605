// The ledger's side of sync (docs/sync-protocol.md §5–§6): the pending cells of the change log as the
// push sends them, the batch kept byte for byte until acknowledged, and pulled pages applied by the
// merge rule (the larger HLC wins, site id breaks ties) in one transaction each.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/hlc.h"
#include "core/scope.h"
#include "core/schema.h"
#include "core/sync_cell.h"

namespace gl::db {

class Ledger;

// The cells, refusals and scope exits of the wire (core/sync_cell.h).
using SyncCell = core::SyncCell;
using Refusal = core::Refusal;
using ScopeExit = core::ScopeExit;

struct SyncAccount {
  std::string server, account, token, role, scope;
  std::int64_t cursor = 0;
  std::int64_t clockOffsetMs = 0;
  std::string lastSync;
};

struct Outbox {
  std::string batch;
  std::string body;
  std::int64_t upTo = 0;
};

struct ApplyStats {
  std::int64_t applied = 0;  // cells written
  std::int64_t kept = 0;     // cells whose local value is newer or not yet sent
  std::int64_t removed = 0;  // rows removed by scope exits
};

class SyncLedger {
 public:
  explicit SyncLedger(Ledger& ledger);

  SyncAccount account() const;
  void saveAccount(const SyncAccount& account);  // server, account, token, role, scope
  void forgetToken();
  std::string siteId() const;

  // Merges the data center's clock into the ledger's (every response carries it) and keeps the
  // measured offset between the data center's wall clock and this PC's.
  void receiveServerClock(core::Hlc server);

  std::int64_t pendingCount() const;
  // Pending change-log entries in commit order, at most `limit`, as cells (a new row sends every
  // column under its one stamp); `upTo` receives the last entry's seq.
  std::vector<SyncCell> pendingCells(std::size_t limit, std::int64_t& upTo) const;
  std::optional<Outbox> outbox() const;
  void storeOutbox(const Outbox& outbox);
  // The data center refused the outbox unread: it goes, and its entries stay pending for a new batch.
  void dropOutbox();
  // The data center acknowledged the outbox: one transaction records its refusals (with the value
  // refused), puts back what the data center holds for them (`current`), applies the cells that beat
  // ours there, moves the acknowledged seq and drops the outbox.
  void acknowledge(std::int64_t upTo, const std::vector<Refusal>& refused, const std::vector<SyncCell>& winners,
                   const std::vector<SyncCell>& current = {});
  // After "clock ahead" refusals: restarts the ledger's clock at the data center's and stamps every
  // pending entry again on it, in the same order (an edit is never dropped). Returns the entries moved.
  std::int64_t restampPending(core::Hlc serverClock);

  // A pulled page in one transaction, then the cursor moves to `cursor`. `authoritative`: the data
  // center's values replace the ledger's whatever their clocks (repairing a grid whose digest differs).
  ApplyStats applyPage(const std::vector<SyncCell>& cells, const std::vector<ScopeExit>& exits, std::int64_t cursor,
                       bool authoritative = false);
  // This ledger's digest of every grid it holds rows of (core::GridDigest; "" = households of no grid).
  std::map<std::string, core::GridDigest> gridDigests() const;
  // The rows of one grid (households and what hangs on them).
  std::vector<ScopeExit> rowsOfGrid(const std::string& gridCode) const;
  // Removes rows the data center does not have, with what hangs on them, without logging changes.
  std::int64_t removeRows(const std::vector<ScopeExit>& rows);
  void resetCursor();
  // After the account's scope shrank: removes every household (with what hangs on it) whose grid the
  // scope does not cover, as a scope exit does. Returns the rows removed.
  std::int64_t pruneOutside(const core::Scope& scope);
  void setDuplicates(const std::vector<std::pair<std::string, std::string>>& pairs);
  std::vector<std::pair<std::string, std::string>> duplicates() const;
  std::vector<Refusal> refusals() const;
  void clearRefusals();

 private:
  Ledger& ledger_;
};

}  // namespace gl::db
