// Opening a ledger file with the pragmas every connection needs, and the boundary where SQLite's
// exceptions become gl::Error (docs/development.md §3: wrapped at this boundary, keeping the extended code).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.h"

namespace gl::db {

// Process-wide SQLite settings, before the first connection (openConnection calls it; so does any
// program that opens SQLite itself): no memory statistics, which take a global mutex on every
// allocation.
void configureSqlite();

// WAL, foreign keys on, a busy timeout; the file must exist unless `create`.
std::unique_ptr<SQLite::Database> openConnection(const std::filesystem::path& path, bool create);

// Turns SQLite's foreign-key checks on and reads them back: the pragma is silently ignored inside a
// transaction, so a connection that did not take it throws (Internal) instead of writing unchecked.
void requireForeignKeys(SQLite::Database& db);

// Converts a SQLite failure into the project's error kinds: disk full, locked, I/O and permission
// problems are Environment (retryable); constraint failures are BadInput; the rest Internal.
[[noreturn]] void rethrowSqlite(const SQLite::Exception& e, const std::string& context);

template <typename Fn>
auto guarded(const std::string& context, Fn&& fn) -> decltype(fn()) {
  try {
    return std::forward<Fn>(fn)();
  } catch (const SQLite::Exception& e) {
    rethrowSqlite(e, context);
  }
}

}  // namespace gl::db
