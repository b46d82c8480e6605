#include <doctest/doctest.h>

#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.h"
#include "db/migrations.h"
#include "temp_ledger.h"
#include "db/figure_queries.h"

using gl::db::Ledger;
using gl::test::TempDir;

namespace {

bool tableExists(SQLite::Database& db, const std::string& name) {
  SQLite::Statement st(db, "SELECT 1 FROM sqlite_master WHERE name = ?");
  st.bind(1, name);
  return st.executeStep();
}

// A row that the schema at `version` can hold, so upgrading must carry it over.
void insertRowFor(SQLite::Database& db, int version) {
  if (version >= 1)
    db.exec("INSERT INTO region (id, code, name, level) VALUES ('r1', '370322', '高青县', 'county')");
  if (version >= 2)
    db.exec("INSERT INTO household (id, address) VALUES ('h1', '田镇街道幸福社区1号楼1单元101室')");
  if (version >= 3)
    db.exec("INSERT INTO campaign (id, name, scope, start_on) VALUES ('c1', '冬季排查', '370322', '2022-11-01')");
  // From version 4 the program keeps live-row counts as it writes; a ledger it wrote has them.
  if (version >= 4) db.exec("UPDATE row_count SET live = 1 WHERE tbl IN (1, 4, 9)");
}

}  // namespace

TEST_CASE("migrations are numbered from 1 without gaps") {
  const auto& list = gl::db::migrations();
  REQUIRE_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i].version == static_cast<int>(i) + 1);
  CHECK(gl::db::latestSchemaVersion() == static_cast<int>(list.size()));
}

TEST_CASE("an empty file is migrated to the latest schema with every table") {
  TempDir dir;
  auto ledger = Ledger::open(dir.path / "new.gridledger", Ledger::Mode::CreateNew);
  CHECK(ledger->schemaVersion() == gl::db::latestSchemaVersion());
  SQLite::Database db((dir.path / "new.gridledger").string());
  for (auto name : {"region", "grid", "worker", "household", "resident", "quarantine", "health_check", "visit",
                    "campaign", "policy", "clock", "sync_state", "site", "audit", "search_term", "household_address"})
    CHECK_MESSAGE(tableExists(db, name), name);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a ledger at every earlier version upgrades and keeps its rows") {
  for (int from = 1; from < gl::db::latestSchemaVersion(); ++from) {
    CAPTURE(from);
    TempDir dir;
    auto path = dir.path / "old.gridledger";
    {
      SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      gl::db::migrate(db, from);
      CHECK(db.execAndGet("PRAGMA user_version").getInt() == from);
      insertRowFor(db, from);
    }
    auto ledger = Ledger::open(path);
    CHECK(ledger->schemaVersion() == gl::db::latestSchemaVersion());
    CHECK(ledger->get(gl::core::Table::Region, "r1").has_value());
    if (from >= 2) CHECK(ledger->get(gl::core::Table::Household, "h1").has_value());
    if (from >= 3) CHECK(ledger->get(gl::core::Table::Campaign, "c1").has_value());
    // The figures count the carried-over rows, and the search index finds them once rebuilt.
    auto figures = gl::db::FigureQueries(*ledger, ledger->readerScope()).today(gl::core::Date{2022, 11, 20});
    for (const auto& t : figures.tables) {
      if (t.table == "regions") CHECK(t.rows == 1);
      if (t.table == "households") CHECK(t.rows == (from >= 2 ? 1 : 0));
      if (t.table == "campaigns") CHECK(t.rows == (from >= 3 ? 1 : 0));
    }
  }
}

TEST_CASE("a ledger from a newer program is refused, not downgraded") {
  TempDir dir;
  auto path = dir.path / "future.gridledger";
  {
    auto ledger = Ledger::open(path, Ledger::Mode::CreateNew);
  }
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(gl::db::latestSchemaVersion() + 1));
  }
  try {
    Ledger::open(path);
    FAIL("a newer schema was accepted");
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Rejected);
  }
}

TEST_CASE("a file that is not a ledger is refused with a clear error and left alone") {
  TempDir dir;
  auto path = dir.path / "notes.gridledger";
  std::ofstream(path) << "这不是数据库 — just some text that is long enough to look like a header block..........";
  auto before = std::filesystem::file_size(path);
  CHECK_THROWS_AS(Ledger::open(path), gl::Error);
  CHECK(std::filesystem::file_size(path) == before);
}

TEST_CASE("opening a missing ledger does not create it") {
  TempDir dir;
  CHECK_THROWS_AS(Ledger::open(dir.path / "missing.gridledger"), gl::Error);
  CHECK_FALSE(std::filesystem::exists(dir.path / "missing.gridledger"));
  CHECK_THROWS_AS(Ledger::open(dir.path / "x.gridledger", Ledger::Mode::CreateNew)->initialize("37032", "短"), gl::Error);
}
