// The ledger's schema migrations: db/migrations/NNNN_name.sql, embedded at build time and applied by
// the shared runner (src/sqlite/migrate.h).
#pragma once

#include <string>
#include <vector>

#include "sqlite/migrate.h"

namespace gl::db {

using sqlite::Migration;

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// Applies every migration above the file's user_version up to `target` (default: the latest).
// A file from a newer program (user_version above the latest known) is refused, never downgraded.
void migrate(SQLite::Database& db, int target = -1);

}  // namespace gl::db
