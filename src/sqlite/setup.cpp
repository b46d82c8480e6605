#include "sqlite/setup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "core/error.h"

namespace gl::sqlite {

void configureSqlite() {
  static const int configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // only before SQLite starts
    return sqlite3_initialize();
  }();
  (void)configured;
}

void requireForeignKeys(SQLite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  if (db.execAndGet("PRAGMA foreign_keys").getInt() != 1)
    throw Error(Error::Kind::Internal, N_("SQLite's foreign-key checks could not be turned on"));
}

}  // namespace gl::sqlite
