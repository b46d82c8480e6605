// Schema migrations: db/migrations/NNNN_name.sql, embedded at build time, applied in order, each in
// its own transaction, with PRAGMA user_version recording the last one applied.
#pragma once

#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace gl::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// Applies every migration above the file's user_version up to `target` (default: the latest).
// A file from a newer program (user_version above the latest known) is refused, never downgraded.
void migrate(SQLite::Database& db, int target = -1);

}  // namespace gl::db
