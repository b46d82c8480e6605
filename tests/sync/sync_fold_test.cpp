// The data center writes pushed cells into a small table of recent cells and folds them into its main
// table while idle (src/center/sqlite_upkeep.cpp). Whichever table a cell is in, and whether its
// older version is still in the other, pulls, scope entries, digests and duplicate pairs must read
// the same: these tests sync across folds and across the cap that sends pushes to the main table.
#include <doctest/doctest.h>

#include <csignal>
#include <chrono>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "center_fixture.h"
#include "demo/demo.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;

namespace {
// Cells waiting in the data center's table of recent cells (read beside the running server).
long long recentCells(const Center& center) {
  SQLite::Database db((center.dir() / "store" / "center.sqlite").string(), SQLite::OPEN_READONLY);
  db.exec("PRAGMA busy_timeout = 5000");
  return db.execAndGet("SELECT count(*) FROM recent").getInt64();
}

// Where the data center keeps a value: "recent", "cell", or "" when neither table holds it.
std::string tableOf(const Center& center, const std::string& value) {
  SQLite::Database db((center.dir() / "store" / "center.sqlite").string(), SQLite::OPEN_READONLY);
  db.exec("PRAGMA busy_timeout = 5000");
  for (const char* table : {"recent", "cell"}) {
    SQLite::Statement st(db, std::string("SELECT 1 FROM ") + table + " WHERE val = ?");
    st.bind(1, value);
    if (st.executeStep()) return table;
  }
  return "";
}

// The server folds once no request has come for a second; this waits for that (or fails).
void waitForFold(const Center& center) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (recentCells(center) > 0) {
    REQUIRE(std::chrono::steady_clock::now() < until);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::string firstGridCode(Client& c, std::string* gridId, std::string* region) {
  std::string code;
  c.ledger->forEachRow(Table::Grid, [&](const gl::db::Row& r) {
    if (!code.empty()) return;
    code = r.text("code");
    *gridId = r.id;
    *region = r.text("region");
  });
  return code;
}
}  // namespace

TEST_CASE("cells folded into the data center's main table while it is idle are pulled, merged and verified as before") {
  Center center;
  center.start();
  Client a;
  gl::demo::Options o;
  o.households = 8;
  gl::demo::generate(*a.ledger, o);
  std::string grid1, region;
  std::string code1 = firstGridCode(a, &grid1, &region);
  std::string code2 = code1.substr(0, 12) + "-8";
  std::string grid2 = a.ledger->insert(Table::Grid, {{"code", code2}, {"region", region}, {"name", std::string("第8网格")}});
  center.addUser("zhao", "grid_worker", code2, "Rb2#ember-Kite");
  a.sync(center.admin());
  REQUIRE(recentCells(center) > 0);

  // Before the fold: a first pull from the recent cells.
  Client before;
  auto got = before.sync(center.admin());
  CHECK(before.dump() == a.dump());
  waitForFold(center);

  // After it: the same cells, counted the same, from the main table.
  Client after;
  auto again = after.sync(center.admin());
  CHECK(again.pulled == got.pulled);
  CHECK(after.dump() == a.dump());
  auto verify = center.admin();
  verify.verify = true;
  CHECK(after.sync(verify).repaired == 0);

  // Newer versions of folded cells wait in the recent table: a pull from zero gets each cell once, at
  // its newest, and the digests agree whichever table the cells are in.
  std::string person = a.resident(2), twin = a.resident(5);
  a.ledger->update(Table::Resident, person, {{"notes", std::string("折叠后修改")}, {"phone", std::string("13900139000")}});
  auto twinId = a.cell(Table::Resident, twin, "id_number");
  REQUIRE_FALSE(twinId.empty());
  a.ledger->update(Table::Resident, person, {{"id_number", twinId}});  // the twin's number is in the main table
  auto pushed = a.sync(center.admin());
  CHECK(pushed.duplicates == 1);
  Client fresh;
  CHECK(fresh.sync(center.admin()).pulled == again.pulled);
  CHECK(fresh.dump() == a.dump());
  CHECK(fresh.cell(Table::Resident, person, "notes") == "折叠后修改");
  CHECK(after.sync(verify).repaired == 0);
  CHECK(after.cell(Table::Resident, person, "phone") == "13900139000");
  CHECK(before.sync(verify).repaired == 0);
  CHECK(before.dump() == a.dump());

  // A household whose cells are all in the main table moves into a worker's grid: it enters the
  // worker's ledger whole (its older cells read from the main table, its move from the recent one).
  waitForFold(center);
  std::string household = a.cell(Table::Resident, person, "household");
  a.ledger->update(Table::Household, household, {{"grid", grid2}});
  a.sync(center.admin());
  Client worker;
  auto as = center.as("zhao", "Rb2#ember-Kite");
  worker.sync(as);
  CHECK(worker.cell(Table::Resident, person, "notes") == "折叠后修改");
  CHECK(worker.cell(Table::Resident, person, "name") == a.cell(Table::Resident, person, "name"));
  CHECK(worker.cell(Table::Household, household, "address") == a.cell(Table::Household, household, "address"));
  waitForFold(center);
  Client later;
  later.sync(as);
  CHECK(later.dump() == worker.dump());
  auto verifyAs = as;
  verifyAs.verify = true;
  CHECK(worker.sync(verifyAs).repaired == 0);
}

TEST_CASE("past the cap a push writes into the data center's main table, and the older recent cell gives way") {
  Center center;
  center.start();
  Client a, b;
  gl::demo::Options o;
  o.households = 4;
  gl::demo::generate(*a.ledger, o);
  a.sync(center.admin());
  b.sync(center.admin());
  REQUIRE(recentCells(center) > 0);
  center.stop(SIGTERM);

  // With no room in the recent table, the edits go to the main one; the versions they replace in the
  // recent table leave it, or they would hide the newer ones.
  long long waiting = recentCells(center);
  center.start({"--recent-cap", "0"});
  std::string person = a.resident(1);
  a.ledger->update(Table::Resident, person, {{"notes", std::string("直接写入")}});
  auto r = a.sync(center.admin());
  CHECK(r.pushed == 1);
  CHECK(tableOf(center, "直接写入") == "cell");
  CHECK(recentCells(center) < waiting);
  b.sync(center.admin());
  CHECK(b.cell(Table::Resident, person, "notes") == "直接写入");
  Client fresh;
  fresh.sync(center.admin());
  CHECK(fresh.dump() == a.dump());
  auto verify = center.admin();
  verify.verify = true;
  CHECK(b.sync(verify).repaired == 0);

  // Room for three more cells (and no fold meanwhile): a push of two goes to the recent table, the
  // next push of two would overfill it and goes to the main table whole.
  center.stop(SIGTERM);
  long long now = recentCells(center);
  center.start({"--recent-cap", std::to_string(now + 3), "--fold-after-ms", "600000"});
  std::string other = a.resident(2), third = a.resident(3);
  a.ledger->update(Table::Resident, other, {{"notes", std::string("小批一")}, {"phone", std::string("13600000001")}});
  a.sync(center.admin());
  CHECK(tableOf(center, "小批一") == "recent");
  CHECK(tableOf(center, "13600000001") == "recent");
  a.ledger->update(Table::Resident, third, {{"notes", std::string("大批一")}, {"phone", std::string("13600000002")}});
  a.sync(center.admin());
  CHECK(tableOf(center, "大批一") == "cell");
  CHECK(tableOf(center, "13600000002") == "cell");
  b.sync(center.admin());
  CHECK(b.dump() == a.dump());

  // Back under the default cap, the fold keeps what the main table holds.
  center.stop(SIGTERM);
  center.start();
  waitForFold(center);
  Client last;
  last.sync(center.admin());
  CHECK(last.dump() == a.dump());
  CHECK(last.cell(Table::Resident, person, "notes") == "直接写入");
}
