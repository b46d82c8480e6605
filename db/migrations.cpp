#include "db/migrations.h"

#include "core/error.h"

namespace gl::db {

int latestSchemaVersion() { return sqlite::latestVersion(migrations()); }

void migrate(SQLite::Database& db, int target) {
  sqlite::migrate(db, migrations(),
                  N_("This ledger was written by a newer GridLedger (schema {found}, this program knows {known}); "
                     "update the program"),
                  target);
}

}  // namespace gl::db
