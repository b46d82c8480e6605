// Opening a ledger file with the pragmas every connection needs, and the boundary where SQLite's
// exceptions become gl::Error (docs/style.md §3: wrapped at this boundary, keeping the extended code).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.h"

namespace gl::db {

// WAL, foreign keys on, a busy timeout; the file must exist unless `create`.
std::unique_ptr<SQLite::Database> openConnection(const std::filesystem::path& path, bool create);

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
