// Versioned schema migrations for a SQLite file: numbered .sql files (NNNN_name.sql) embedded at build
// time by embed_migrations.cmake, applied in order, each in its own IMMEDIATE transaction, with PRAGMA
// user_version recording the last one applied. The ledger (db/migrations) and the data center's store
// (src/center/migrations) each have their list.
#pragma once

#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace gl::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// The last version of a list (0 for none).
int latestVersion(const std::vector<Migration>& list);

// Applies every migration of `list` above the file's user_version up to `target` (-1: the latest).
// A file from a newer program (user_version above the latest known) is refused with `newerMsgid`
// (Rejected; arguments {found} and {known}), never downgraded.
void migrate(SQLite::Database& db, const std::vector<Migration>& list, const char* newerMsgid, int target = -1);

}  // namespace gl::sqlite
