// A connection is sound or refused (db/connection.h): SQLite's foreign-key checks are on, or the
// connection is not used again.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>

#include <filesystem>

#include "core/error.h"
#include "db/connection.h"
#include "db/internal/ledger_state.h"
#include "temp_ledger.h"

namespace {

int foreignKeys(SQLite::Database& db) { return db.execAndGet("PRAGMA foreign_keys").getInt(); }

}  // namespace

TEST_CASE("a new connection has its foreign-key checks on, read back rather than assumed") {
  gl::test::TempDir dir;
  auto db = gl::db::openConnection(dir.path / "c.gridledger", true);
  CHECK(foreignKeys(*db) == 1);
}

TEST_CASE("checks that cannot be turned back on leave the connection refused, not silently unchecked") {
  gl::test::TempDir dir;
  const auto file = dir.path / "c.gridledger";
  gl::db::LedgerState state(file, gl::db::openConnection(file, true));

  SUBCASE("turned back on: the connection goes on") {
    { gl::db::ForeignKeysOff off(state); CHECK(foreignKeys(*state.db) == 0); }
    CHECK(foreignKeys(*state.db) == 1);
    CHECK(state.unusable.empty());
    CHECK(gl::db::withState(state, [&] { return 7; }) == 7);
  }
  SUBCASE("a transaction left open makes SQLite ignore the pragma: every later call is refused") {
    {
      gl::db::ForeignKeysOff off(state);
      state.db->exec("BEGIN");
    }
    CHECK(foreignKeys(*state.db) == 0);
    CHECK_FALSE(state.unusable.empty());
    bool ran = false;
    try {
      gl::db::withState(state, [&] { ran = true; });
      FAIL("an unusable connection was used");
    } catch (const gl::Error& e) {
      CHECK(e.kind() == gl::Error::Kind::Environment);
      CHECK(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    CHECK_FALSE(ran);
    state.db->exec("ROLLBACK");
  }
}

namespace {
unsigned modeOf(const std::filesystem::path& p) {
  return static_cast<unsigned>(std::filesystem::status(p).permissions() & std::filesystem::perms::all);
}
}  // namespace

TEST_CASE("a ledger and its log are readable by their owner alone, whatever the umask, and a wider one is narrowed") {
  gl::test::TempDir dir;
  const auto file = dir.path / "c.gridledger";
  auto old = ::umask(0);  // the loosest a desktop could have
  {
    auto db = gl::db::openConnection(file, true);
    db->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    CHECK(modeOf(file) == 0600);
    CHECK(modeOf(file.string() + "-wal") == 0600);
  }
  ::umask(old);
  std::filesystem::permissions(file, std::filesystem::perms(0644));  // as ledgers before this were made
  gl::db::openConnection(file, false);
  CHECK(modeOf(file) == 0600);
}
