#include "sqlite/migrate.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.h"

namespace gl::sqlite {

int latestVersion(const std::vector<Migration>& list) { return list.empty() ? 0 : list.back().version; }

void migrate(SQLite::Database& db, const std::vector<Migration>& list, const char* newerMsgid, int target) {
  const int latest = latestVersion(list);
  if (target < 0) target = latest;
  int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > latest)
    throw Error(Error::Kind::Rejected, newerMsgid,
                {{"found", std::to_string(current)}, {"known", std::to_string(latest)}}, db.getFilename());
  for (const auto& m : list) {
    if (m.version <= current || m.version > target) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

}  // namespace gl::sqlite
