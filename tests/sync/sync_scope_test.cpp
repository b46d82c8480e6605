// Scope and clocks: a grid worker's ledger holds and writes only their grids; households moving
// between grids leave and enter it whole; PCs with wrong clocks still order edits correctly.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "center_fixture.h"
#include "core/error.h"
#include "db/sync_ledger.h"
#include "demo/demo.h"
#include "text/clock_text.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;
using gl::test::nowMs;

namespace {
std::vector<std::string> householdsOf(Client& c, const std::string& grid) {
  std::vector<std::string> out;
  c.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) {
    if (r.text("grid") == grid) out.push_back(r.id);
  });
  return out;
}
}  // namespace

TEST_CASE("a grid worker's ledger holds only their grid, writes nothing outside it, and households move in and out whole") {
  Center center;
  Client admin;
  gl::demo::Options o;
  o.households = 6;
  gl::demo::generate(*admin.ledger, o);
  std::string grid1, community, code1;
  admin.ledger->forEachRow(Table::Grid, [&](const gl::db::Row& r) {
    grid1 = r.id;
    community = r.text("region");
    code1 = r.text("code");
  });
  std::string code2 = code1.substr(0, 12) + "-9";
  std::string grid2 = admin.ledger->insert(Table::Grid, {{"code", code2}, {"region", community}, {"name", std::string("第9网格")}});
  std::string other = admin.ledger->insert(Table::Household, {{"grid", grid2}, {"address", std::string("东风路1号")}});
  admin.ledger->insert(Table::Resident, {{"household", other}, {"name", std::string("孙八")}});
  center.addUser("wang", "grid_worker", code1, "Hx6#maple-Dune");
  center.start();
  admin.sync(center.admin());

  Client worker;
  auto as = center.as("wang", "Hx6#maple-Dune");
  worker.sync(as);
  CHECK(householdsOf(worker, grid1).size() == householdsOf(admin, grid1).size());
  CHECK(householdsOf(worker, grid2).empty());
  CHECK_FALSE(worker.ledger->get(Table::Household, other).has_value());
  CHECK(worker.ledger->get(Table::Grid, grid2).has_value());  // the grids themselves are the county's

  // Allowed: an edit in the worker's grid. Refused: moving a household out, renaming a region,
  // a household in another grid. The refused values go back to the data center's.
  std::string mine = householdsOf(worker, grid1).front();
  std::string person;
  worker.ledger->forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    if (r.text("household") == mine) person = r.id;
  });
  worker.ledger->update(Table::Resident, person, {{"notes", std::string("网格员更新")}});
  worker.ledger->update(Table::Household, mine, {{"grid", grid2}});
  std::string county;
  worker.ledger->forEachRow(Table::Region, [&](const gl::db::Row& r) {
    if (r.text("level") == "county") county = r.id;
  });
  worker.ledger->update(Table::Region, county, {{"name", std::string("改名县")}});
  worker.ledger->insert(Table::Household, {{"grid", grid2}, {"address", std::string("越界路2号")}});
  auto r = worker.sync(as);
  CHECK(r.refused >= 3);
  auto refusals = gl::db::SyncLedger(*worker.ledger).refusals();
  bool named = false;
  for (const auto& x : refusals) named |= x.row == mine && x.column == "grid" && x.reason == "outside_scope";
  CHECK(named);
  // The household made outside the grid is not at the data center: it leaves the ledger, and what
  // was typed stays listed with the refusals.
  bool listed = false;
  for (const auto& x : refusals) listed |= x.value == std::optional<std::string>("越界路2号");
  CHECK(listed);
  int strays = 0;
  worker.ledger->forEachRow(Table::Household, [&](const gl::db::Row& x) { strays += x.text("address") == "越界路2号"; });
  CHECK(strays == 0);
  CHECK(worker.cell(Table::Household, mine, "grid") == grid1);  // put back
  CHECK(worker.cell(Table::Region, county, "name") == "高青县");

  admin.sync(center.admin());
  CHECK(admin.cell(Table::Resident, person, "notes") == "网格员更新");
  CHECK(admin.cell(Table::Household, mine, "grid") == grid1);
  CHECK(admin.cell(Table::Region, county, "name") == "高青县");
  int trespass = 0;
  admin.ledger->forEachRow(Table::Household, [&](const gl::db::Row& x) { trespass += x.text("address") == "越界路2号"; });
  CHECK(trespass == 0);

  // The county moves a household out of the worker's grid: it leaves the worker's ledger with its
  // people; moved back, it returns whole.
  std::size_t people = 0;
  admin.ledger->forEachRow(Table::Resident, [&](const gl::db::Row& x) { people += x.text("household") == mine; });
  REQUIRE(people > 0);
  admin.ledger->update(Table::Household, mine, {{"grid", grid2}});
  admin.sync(center.admin());
  auto out = worker.sync(as);
  CHECK(out.removed >= static_cast<std::int64_t>(people) + 1);
  CHECK_FALSE(worker.ledger->get(Table::Household, mine).has_value());
  CHECK_FALSE(worker.ledger->get(Table::Resident, person).has_value());
  admin.ledger->update(Table::Household, mine, {{"grid", grid1}});
  admin.sync(center.admin());
  worker.sync(as);
  CHECK(worker.cell(Table::Household, mine, "grid") == grid1);
  CHECK(worker.cell(Table::Resident, person, "notes") == "网格员更新");
  CHECK(householdsOf(worker, grid1).size() == householdsOf(admin, grid1).size());

  // A county admin's ledger receives the whole county.
  Client second;
  second.sync(center.admin());
  CHECK(second.dump() == admin.dump());

  // The worker's scope moves to the other grid: signed out, and after signing in again the old
  // grid's households leave the ledger and the new grid's arrive.
  center.addUser("wang", "grid_worker", code2, "Hx6#maple-Dune");
  CHECK_THROWS_AS(worker.sync(center.as("wang", "")), gl::Error);
  auto moved = worker.sync(as);
  CHECK(moved.removed > 0);
  CHECK(householdsOf(worker, grid1).empty());
  CHECK(householdsOf(worker, grid2).size() == householdsOf(admin, grid2).size());
  CHECK(worker.ledger->get(Table::Household, other).has_value());
  auto verifyAs = as;
  verifyAs.verify = true;
  auto verifyAdmin = center.admin();
  verifyAdmin.verify = true;
  CHECK(worker.sync(verifyAs).repaired == 0);
  CHECK(admin.sync(verifyAdmin).repaired == 0);
}

TEST_CASE("PCs whose clocks run a year slow or a day fast still order edits as they happened") {
  Center center;
  center.start();
  Client normal, slow, fast;
  gl::demo::Options o;
  o.households = 2;
  gl::demo::generate(*normal.ledger, o);
  normal.sync(center.admin());
  const std::int64_t day = 24LL * 3600 * 1000;
  slow.ledger->setWallClock([day] { return nowMs() - 365 * day; });
  fast.ledger->setWallClock([day] { return nowMs() + day; });
  slow.sync(center.admin());
  fast.sync(center.admin());
  std::string person = normal.resident(0);

  // The fast PC's edit is stamped a day ahead: the data center refuses the stamps, the PC stamps
  // the edit again on the data center's clock, and it goes in.
  fast.ledger->update(Table::Resident, person, {{"notes", std::string("快钟")}});
  fast.sync(center.admin());
  CHECK(fast.ledger->pendingChanges() == 0);
  normal.sync(center.admin());
  CHECK(normal.cell(Table::Resident, person, "notes") == "快钟");
  // A later edit elsewhere wins over it: the fast PC's stamp did not stay a day ahead (the normal PC
  // has seen it, so its clock orders its next edit after it, with no waiting).
  normal.ledger->update(Table::Resident, person, {{"notes", std::string("正常钟，更晚")}});
  normal.sync(center.admin());
  fast.sync(center.admin());
  CHECK(fast.cell(Table::Resident, person, "notes") == "正常钟，更晚");

  // The slow PC, having synced, edits last: its edit wins everywhere although its clock says last year.
  slow.sync(center.admin());
  slow.ledger->update(Table::Resident, person, {{"notes", std::string("慢钟，最后")}});
  slow.sync(center.admin());
  normal.sync(center.admin());
  fast.sync(center.admin());
  for (auto* c : {&normal, &slow, &fast}) CHECK(c->cell(Table::Resident, person, "notes") == "慢钟，最后");
  CHECK(slow.dump() == normal.dump());
  CHECK(fast.dump() == normal.dump());
}

TEST_CASE("a PC whose clock jumps a day ahead or an hour back after it synced still gets its edits in, and is told by how much") {
  Center center;
  center.start();
  Client normal, jumpy;
  gl::demo::Options o;
  o.households = 2;
  gl::demo::generate(*normal.ledger, o);
  normal.sync(center.admin());
  CHECK(jumpy.sync(center.admin()).clockOffsetMs == 0);
  const std::string person = normal.resident(0);
  const std::int64_t day = 24LL * 3600 * 1000, hour = 3600LL * 1000;

  // A dead CMOS battery or a wrong setting: a day ahead. The data center refuses the stamps, the
  // ledger stamps its unsent edit again on the data center's clock, and says how far off it is.
  jumpy.ledger->setWallClock([day] { return nowMs() + day; });
  jumpy.ledger->update(Table::Resident, person, {{"notes", std::string("钟快一天")}});
  auto ahead = jumpy.sync(center.admin());
  CHECK(jumpy.ledger->pendingChanges() == 0);
  CHECK(ahead.clockOffsetMs < -day + 60000);
  CHECK(ahead.clockOffsetMs > -day - 60000);
  CHECK(gl::text::clockWarning(ahead.clockOffsetMs).find("1 d 0 h ahead") != std::string::npos);
  normal.sync(center.admin());
  CHECK(normal.cell(Table::Resident, person, "notes") == "钟快一天");
  // A later edit on a correct PC still wins: the fast one's stamp did not stay a day ahead.
  normal.ledger->update(Table::Resident, person, {{"notes", std::string("正确的钟，更晚")}});
  normal.sync(center.admin());
  jumpy.sync(center.admin());
  CHECK(jumpy.cell(Table::Resident, person, "notes") == "正确的钟，更晚");

  // Set back, an hour too far: its next edit still comes after what it has seen, and goes in.
  jumpy.ledger->setWallClock([hour] { return nowMs() - hour; });
  jumpy.ledger->update(Table::Resident, person, {{"notes", std::string("钟慢一小时")}});
  auto behind = jumpy.sync(center.admin());
  CHECK(jumpy.ledger->pendingChanges() == 0);
  CHECK(behind.clockOffsetMs > hour - 60000);
  CHECK(gl::text::clockWarning(behind.clockOffsetMs).find("behind") != std::string::npos);
  normal.sync(center.admin());
  CHECK(normal.cell(Table::Resident, person, "notes") == "钟慢一小时");
  CHECK(normal.dump() == jumpy.dump());
}
