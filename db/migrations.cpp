#include "db/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.h"

namespace gl::db {

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

void migrate(SQLite::Database& db, int target) {
  if (target < 0) target = latestSchemaVersion();
  int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > latestSchemaVersion())
    throw Error(Error::Kind::Rejected,
                N_("This ledger was written by a newer GridLedger (schema {found}, this program knows {known}); "
                   "update the program"),
                {{"found", std::to_string(current)}, {"known", std::to_string(latestSchemaVersion())}},
                db.getFilename());
  for (const auto& m : migrations()) {
    if (m.version <= current || m.version > target) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

}  // namespace gl::db
