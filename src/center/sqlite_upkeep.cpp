// The SQLite store's upkeep beside the requests: recent cells folded into `cell` while the data center
// is idle.
#include <chrono>

#include "center/sqlite_store.h"

namespace gl::center {

std::int64_t SqliteStore::steadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

SqliteStore::RequestLock::~RequestLock() { last = steadyMs(); }  // before the member unlocks

SqliteStore::RequestLock SqliteStore::lockRequest() {
  lastRequestMs_ = steadyMs();
  return RequestLock{lastRequestMs_, std::unique_lock(mutex_)};
}

void SqliteStore::beginWrite(std::size_t cells) {
  if (recentCount_ < 0) {
    auto& count = statement("SELECT count(*) FROM recent");
    recentCount_ = count.executeStep() ? count.getColumn(0).getInt64() : 0;
    count.reset();
  }
  intoRecent_ = recentCount_ + static_cast<std::int64_t>(cells) <= tuning_.recentCap;
}

std::size_t SqliteStore::fold(std::size_t limit) {
  std::lock_guard lock(mutex_);
  // A request that held the lock until now (or took it between chunks) ends the quiet.
  if (steadyMs() - lastRequestMs_ < tuning_.quietMs) return 0;
  auto& any = statement("SELECT EXISTS (SELECT 1 FROM recent)");
  bool some = any.executeStep() && any.getColumn(0).getInt() != 0;
  any.reset();
  if (!some) {
    recentCount_ = 0;
    return 0;
  }
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  // The first `limit` cells in key order: the pages of `cell` they land on are neighbours.
  auto& last = statement("SELECT row, col FROM recent ORDER BY row, col LIMIT 1 OFFSET ?");
  last.bind(1, static_cast<std::int64_t>(limit) - 1);
  bool bounded = last.executeStep();
  std::string row = bounded ? last.getColumn(0).getString() : std::string();
  std::string col = bounded ? last.getColumn(1).getString() : std::string();
  last.reset();
  const char* upTo = bounded ? " WHERE (row, col) <= (?, ?)" : " WHERE 1";
  auto& move = statement(std::string("INSERT INTO cell (row, col, tbl, val, hlc, site, seq) "
                                     "SELECT row, col, tbl, val, hlc, site, seq FROM recent") +
                         upTo +
                         " ORDER BY row, col ON CONFLICT (row, col) DO UPDATE SET tbl = excluded.tbl, "
                         "val = excluded.val, hlc = excluded.hlc, site = excluded.site, seq = excluded.seq");
  auto& drop = statement(std::string("DELETE FROM recent") + upTo);
  for (auto* st : {&move, &drop}) {
    if (bounded) {
      st->bind(1, row);
      st->bind(2, col);
    }
  }
  move.exec();
  auto moved = static_cast<std::size_t>(drop.exec());
  tx.commit();
  recentCount_ = -1;
  return moved;
}

void SqliteStore::upkeep() {
  // Between chunks the lock is free, so a request that comes meanwhile waits for one chunk at most;
  // after a fifth of a second the caller gets its thread back (a stop may be waiting).
  std::int64_t start = steadyMs();
  while (steadyMs() - lastRequestMs_ >= tuning_.quietMs && steadyMs() - start < 200 && fold(kFoldChunk) > 0) {
  }
}

}  // namespace gl::center
