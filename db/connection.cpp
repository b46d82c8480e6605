#include "db/connection.h"

#include <sqlite3.h>

#include "sqlite/private_file.h"
#include "sqlite/setup.h"

namespace gl::db {

std::unique_ptr<SQLite::Database> openConnection(const std::filesystem::path& path, bool create) {
  sqlite::configureSqlite();
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    throw Error(Error::Kind::BadInput, N_("No ledger at {path}; create one with “gridctl init”"),
                {{"path", path.string()}});
  if (create && path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (create || std::filesystem::exists(path, ec)) sqlite::keepPrivate(path);
  return guarded(path.string(), [&] {
    // One connection per thread (docs/style.md §4), so SQLite's own per-call mutex is not needed.
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (create ? SQLite::OPEN_CREATE : 0);
    auto db = std::make_unique<SQLite::Database>(path.string(), flags, 5000);
    // A file that is not SQLite fails here, on the first read, rather than later.
    db->exec("PRAGMA journal_mode = WAL");
    // NORMAL under WAL survives a killed process; the county data center holds the durable copy.
    db->exec("PRAGMA synchronous = NORMAL");
    sqlite::requireForeignKeys(*db);
    db->exec("PRAGMA cache_size = -65536");
    db->exec("PRAGMA temp_store = MEMORY");
    // A log that grew during a long write shrinks back when it is next rewound.
    db->exec("PRAGMA journal_size_limit = 67108864");
    return db;
  });
}

void rethrowSqlite(const SQLite::Exception& e, const std::string& context) {
  int code = e.getErrorCode();
  std::vector<MessageArg> args{{"detail", e.what()}, {"code", std::to_string(e.getExtendedErrorCode())}};
  switch (code) {
    case SQLITE_FULL:
      throw Error(Error::Kind::Environment, N_("The disk is full; nothing was saved ({detail})"), args, context);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(Error::Kind::Environment,
                  N_("The ledger is busy in another program; try again ({detail})"), args, context);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      throw Error(Error::Kind::Environment, N_("Cannot read or write the ledger file: {detail}"), args, context);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      throw Error(Error::Kind::BadInput, N_("This file is not a GridLedger ledger or is damaged: {detail}"), args,
                  context);
    case SQLITE_CONSTRAINT:
      throw Error(Error::Kind::BadInput, N_("The change breaks a rule of the ledger: {detail}"), args, context);
    default:
      throw Error(Error::Kind::Internal, N_("Ledger error {code}: {detail}"), args, context);
  }
}

}  // namespace gl::db
