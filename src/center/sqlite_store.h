// Internal to gridcenter: the SQLite store (center_store.h). One connection behind one mutex: SQLite
// has one writer anyway, and a push's transaction is what orders the sequence. Every cell written gets
// the next sequence number, so the numbers follow commit order and a pulled page may end anywhere.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "center/center_store.h"
#include "core/policy.h"
#include "sqlite/checkpointer.h"

namespace gl::center {

class SqliteStore final : public CenterStore {
 public:
  SqliteStore(const std::string& dir, bool create, SqliteTuning tuning = {});

  void initialize(const std::string& county, const std::string& name) override;
  std::string county() const override { return county_; }
  void putAccount(const Account& account) override;
  std::optional<Account> account(const std::string& name) override;
  bool reserveAttempt(const std::string& name, int limit, std::int64_t nowMs, std::int64_t lockUntilMs) override;
  void attemptSucceeded(const std::string& name) override;
  bool setDisabled(const std::string& name, bool disabled) override;
  void addToken(const std::string& tokenHash, const std::string& name, std::int64_t expiresMs) override;
  std::optional<std::string> tokenAccount(const std::string& tokenHash, std::int64_t nowMs) override;
  std::optional<std::string> replay(const std::string& site, const std::string& batch,
                                    const std::string& bodyHash) override;
  std::string push(const Account& who, const sync::PushRequest& request, const std::string& bodyHash,
                   core::HlcClock& clock, std::int64_t nowMs) override;
  sync::PullResponse pull(const Account& who, std::int64_t since, std::size_t limit,
                          const std::string& site, const std::optional<std::string>& grid, bool digests) override;
  std::vector<Conflict> conflicts(const Account& who) override;
  bool restore(const Account& who, std::int64_t conflictId, core::HlcClock& clock) override;
  bool mergeDuplicate(const Account& who, const std::string& keep, const std::string& drop,
                      core::HlcClock& clock) override;
  bool markDistinct(const Account& who, const std::string& a, const std::string& b) override;
  core::Hlc lastClock() override;
  void upkeep() override;

 private:
  // A push, row by row (sqlite_sync.cpp): decide every cell by the merge rule, check the scope, write.
  struct RowPush {
    std::vector<const core::SyncCell*> cells;
    std::vector<core::SyncCell> lost;
    std::vector<Conflict> conflicts;
    std::map<std::string, const core::SyncCell*> latest;  // the winning incoming cell per column
    core::Cells derived;                                   // what the record rules add, under kCenterSite
  };
  void pushRow(const Account& who, const std::string& id, RowPush& row, core::HlcClock& clock, std::int64_t nowMs,
               sync::PushResponse& out, std::set<Place>& dirty);
  void decideRow(const std::string& id, bool known, RowPush& row, sync::PushResponse& out);
  // The record rules on the row as it will stand (sqlite_rules.cpp, core/pushed_row_rules.h): refused
  // cells leave row.latest, derived ones go to row.derived. False when the whole row is refused.
  bool ruleRow(const std::string& id, bool known, RowPush& row, std::int64_t nowMs, sync::PushResponse& out);
  // Refuses `cell` for `reason`; `answer`: with the value the store holds for it, which only an account
  // that reads the row may be told (docs/security.md).
  void refuseCell(const core::SyncCell& cell, std::string_view reason, sync::PushResponse& out, bool answer = true);
  std::optional<core::Policy> policyByCode(const std::string& code);
  void recordConflict(const Conflict& k, core::Table table, const std::string& id, const Account& who,
                      std::int64_t nowMs);
  struct Stored {
    core::Value value;
    core::Hlc hlc;
    std::string site;
  };
  SQLite::Statement& statement(const std::string& sql);
  // The statements a push or pull runs for every cell: kept by slot, not found by hashing their text.
  enum class Hot { RecentCell, MainCell, Place, DropRecent, WriteRecent, WriteMain, Count };
  SQLite::Statement& hot(Hot slot, const char* sql);
  std::array<SQLite::Statement*, static_cast<std::size_t>(Hot::Count)> hot_{};
  // A cell's current version: from `recent` if it is there, else from `cell`.
  std::optional<Stored> cell(const std::string& row, const std::string& column);
  std::optional<std::pair<core::Table, Place>> placeOf(const std::string& row);
  Place computePlace(core::Table table, const std::string& row, std::string* parent);
  // Writes one cell under the next sequence number: into `recent` when the transaction's cells fit
  // under tuning_.recentCap there (beginWrite), else into `cell` itself.
  // `maybeRecent`: false for a row the store has never held: no older version of its cells can be
  // waiting in `recent` to hide a write into `cell`.
  void writeCell(const core::SyncCell& c, bool maybeRecent = true);
  // At the start of every writing transaction of about `cells` cells: chooses where they go.
  void beginWrite(std::size_t cells);
  // Moves up to `limit` cells of `recent` into `cell`, in one transaction; returns how many.
  std::size_t fold(std::size_t limit);
  // Every request takes the store's lock through here, noting the time when it asks and when it lets
  // go: the upkeep folds only after none has come for tuning_.quietMs, and stops between chunks once
  // one comes (even one still waiting for the lock).
  struct RequestLock {
    std::atomic<std::int64_t>& last;
    std::unique_lock<std::mutex> lock;
    ~RequestLock();
  };
  RequestLock lockRequest();
  static std::int64_t steadyMs();
  // A row's place changed: it and what hangs on it move, the row is listed as an exit for readers of
  // the old place, and its subtree is sent whole again to readers of the new one.
  void movePlace(const std::string& row, const Place& before, const Place& after);
  void noteDuplicates(const std::string& resident, const core::Value& idNumber);
  // A place whose rows changed: its digest is recomputed when a pull next asks for it.
  void markDirty(const Place& place);
  std::vector<std::pair<std::string, core::GridDigest>> digests(const Account& who);
  // The open duplicate pairs as a reader who reads the rows `reads` says may see them (sqlite_pull.cpp).
  std::vector<std::pair<std::string, std::string>> openPairs(const std::function<bool(const std::string&)>& reads);
  std::int64_t nextSeq() { return ++seq_; }
  // The open pair (a, b) in either order, if both residents are the account's to change.
  bool openPairInScope(const Account& who, const std::string& a, const std::string& b);
  // The sequence counter is kept in memory and stored with each transaction; a rolled-back one reloads it.
  void saveSeq();
  // At the end of every writing transaction: the sequence counter and the server's last HLC.
  void saveClocks(const core::HlcClock& clock);
  void loadSeq();
  std::int64_t seq_ = 0;
  // `recent` stays small: a push that would take it past tuning_.recentCap cells writes into `cell`
  // (each batch of a county's first push, 400,000 cells, and pushes while the fold is behind), and the
  // fold moves kFoldChunk cells a transaction once no request has come for tuning_.quietMs.
  SqliteTuning tuning_;
  static constexpr std::size_t kFoldChunk = 2000;
  std::int64_t recentCount_ = -1;  // cells in `recent`, counted again when -1; an update counts as one more
  bool intoRecent_ = true;
  std::atomic<std::int64_t> lastRequestMs_{steadyMs()};  // steady clock; a server just started waits too

  std::mutex mutex_;
  SQLite::Database db_;
  std::string county_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::unique_ptr<sqlite::Checkpointer> checkpoints_;  // after `db_`: stops before the connection closes
};

}  // namespace gl::center
