// Internal to gl_db: what one open ledger holds (its connection, clocks, cached statements).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/date.h"
#include "core/hlc.h"
#include "core/uuid.h"
#include "sqlite/checkpointer.h"
#include "db/connection.h"

namespace gl::db {

// Statements are found by their text without copying it into a string first (a literal's lookup
// would otherwise allocate on every call of a per-row statement).
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};

struct LedgerState {
  std::filesystem::path path;
  std::unique_ptr<SQLite::Database> db;
  core::HlcClock clock;
  core::UuidV7Generator uuids;
  std::string siteUuid;
  std::string actor;
  std::optional<core::Date> today;  // fixed by tests; else the local date
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>> statements;
  // Set while a bulk write writes rows on a thread of its own (db/internal/bulk_inserts.h): statement() first
  // waits for it, so the connection is never used from two threads at once.
  std::function<void()> beforeStatement;
  std::unique_ptr<sqlite::Checkpointer> checkpoints;  // after `db`: stops before the connection closes
  // Why this connection may not be used any more (SQLite's foreign-key checks could not be turned
  // back on); empty while it is sound. Every later API call refuses (withState).
  std::string unusable;

  LedgerState(std::filesystem::path p, std::unique_ptr<SQLite::Database> d);

  // A prepared statement for `sql`, reset and with its bindings cleared (prepared statements only).
  SQLite::Statement& statement(std::string_view sql);
  core::Date currentDate() const { return today ? *today : core::localToday(); }
  // Resets every cached statement, so that none keeps a read snapshot open after an API call
  // (under WAL a stepped, unreset statement would hide other connections' commits).
  void resetAll();
};

// Resets the cached statements when an API call ends, however it ends.
struct StatementsReset {
  LedgerState& state;
  ~StatementsReset() { state.resetAll(); }
};

std::int64_t systemMillis();

// Rebuilds the search index in a transaction of its own when a migration marked it stale (the terms a
// new version derives from rows: docs/data-model.md); nothing when it is current.
void rebuildSearchIndexIfStale(LedgerState& state);

// Keeps the live-row count of a table (row_count) as rows are written: +1 for a row that became live.
void addLiveRows(LedgerState& state, int table, std::int64_t delta);

// SQLite's own foreign-key checks off for the writes of this scope (a bulk import, a pulled page),
// back on however they end. The pragma has no effect inside a transaction, so it goes around one.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(LedgerState& state);
  ~ForeignKeysOff();
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  LedgerState& s_;
};

// Runs one API call: SQLite failures become gl::Error, and cached statements are reset afterwards.
[[noreturn]] void refuseUnusable(const LedgerState& state);

template <typename Fn>
auto withState(LedgerState& state, Fn&& fn) -> decltype(fn()) {
  if (!state.unusable.empty()) refuseUnusable(state);
  StatementsReset reset{state};
  return guarded(state.path.string(), std::forward<Fn>(fn));
}

}  // namespace gl::db
