#include <doctest/doctest.h>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "db/internal/household_keys.h"
#include "temp_ledger.h"
#include "db/household_queries.h"
#include "db/tree_queries.h"

using gl::core::Table;
using gl::db::HouseholdFilter;
using gl::test::TempLedger;

namespace {

std::string text(const char* s) {
  return s;
}

struct Grid {
  TempLedger l;
  std::string county, community, grid;

  Grid() {
    county = gl::db::TreeQueries(*l, l->readerScope()).childRegions("").at(0).id;
    community = l->insert(Table::Region, {{"code", text("370322001001")},
                                          {"name", text("幸福社区")},
                                          {"level", text("community")},
                                          {"parent", county}});
    grid = l->insert(Table::Grid,
                     {{"code", text("370322001001-1")}, {"region", community}, {"name", text("第1网格")}});
  }
  std::string household(const std::string& grid, const char* building, const char* unit, const char* room,
                        const char* kind = "occupied") {
    gl::core::Cells cells = {{"grid", grid},
                             {"address", std::string("幸福社区") + building + "-" + unit + "-" + room},
                             {"kind", text(kind)}};
    if (*building) cells.push_back({"building", text(building)});
    if (*unit) cells.push_back({"unit", text(unit)});
    if (*room) cells.push_back({"room", text(room)});
    return l->insert(Table::Household, cells);
  }
  // The row number the browser's keys are made of, read straight from the file.
  std::int64_t rid(const std::string& id) {
    SQLite::Database db(l.file().string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT rid FROM household WHERE id = ?");
    st.bind(1, id);
    REQUIRE(st.executeStep());
    return st.getColumn(0).getInt64();
  }
};

std::vector<std::string> ids(const std::vector<gl::db::Row>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

}  // namespace

TEST_CASE(
    "the region tree starts at the regions without a parent and lists children by code, without tombstones") {
  Grid g;
  auto top = gl::db::TreeQueries(*g.l, g.l->readerScope()).childRegions("");
  REQUIRE(top.size() == 1);
  CHECK(top[0].code == "370322");
  CHECK(top[0].level == "county");
  std::string second = g.l->insert(Table::Region, {{"code", text("370322002001")},
                                                   {"name", text("青城社区")},
                                                   {"level", text("community")},
                                                   {"parent", g.county}});
  std::string gone = g.l->insert(Table::Region, {{"code", text("370322000001")},
                                                 {"name", text("已撤销")},
                                                 {"level", text("community")},
                                                 {"parent", g.county}});
  g.l->tombstone(Table::Region, gone);
  auto children = gl::db::TreeQueries(*g.l, g.l->readerScope()).childRegions(g.county);
  REQUIRE(children.size() == 2);
  CHECK(children[0].id == g.community);  // 370322001001 before 370322002001
  CHECK(children[1].id == second);
  CHECK(children[1].name == "青城社区");
  CHECK(gl::db::TreeQueries(*g.l, g.l->readerScope()).childRegions(g.community).empty());
}

TEST_CASE("grids of a region come by code with their live household counts") {
  Grid g;
  std::string second = g.l->insert(
      Table::Grid, {{"code", text("370322001001-0")}, {"region", g.community}, {"name", text("第0网格")}});
  std::string gone = g.l->insert(
      Table::Grid, {{"code", text("370322001001-5")}, {"region", g.community}, {"name", text("撤销网格")}});
  g.l->tombstone(Table::Grid, gone);
  g.household(g.grid, "1", "1", "101");
  g.household(g.grid, "1", "1", "102");
  std::string h = g.household(g.grid, "1", "1", "103");
  g.l->tombstone(Table::Household, h);
  auto grids = gl::db::TreeQueries(*g.l, g.l->readerScope()).gridsOf(g.community);
  REQUIRE(grids.size() == 2);
  CHECK(grids[0].id == second);
  CHECK(grids[0].households == 0);
  CHECK(grids[1].id == g.grid);
  CHECK(grids[1].code == "370322001001-1");
  CHECK(grids[1].households == 2);  // the tombstoned household is not counted
}

TEST_CASE("buildings of a grid sort as numbers, then other names, then households without a building") {
  Grid g;
  g.household(g.grid, "10", "1", "101");
  g.household(g.grid, "9", "1", "101");
  g.household(g.grid, "9", "2", "101");
  g.household(g.grid, "", "", "");
  g.household(g.grid, "A座", "1", "101");
  std::string gone = g.household(g.grid, "11", "1", "101");
  g.l->tombstone(Table::Household, gone);
  auto buildings = gl::db::TreeQueries(*g.l, g.l->readerScope()).buildingsOf(g.grid);
  REQUIRE(buildings.size() == 4);
  CHECK(buildings[0].building == "9");
  CHECK(buildings[0].households == 2);
  CHECK(buildings[1].building == "10");
  CHECK(buildings[2].building == "A座");
  CHECK(buildings[3].building == "");
  CHECK(buildings[3].households == 1);
}

TEST_CASE("household keys follow the walking order and the filters, and pages come back in the order asked") {
  Grid g;
  std::string b10 = g.household(g.grid, "10", "1", "101");
  std::string b9u2 = g.household(g.grid, "9", "2", "101");
  std::string b9r1001 = g.household(g.grid, "9", "1", "1001", "rental");
  std::string b9r201 = g.household(g.grid, "9", "1", "201");
  std::string none = g.household(g.grid, "", "", "");
  std::string gone = g.household(g.grid, "9", "1", "101");
  g.l->tombstone(Table::Household, gone);
  std::string other = g.l->insert(
      Table::Grid, {{"code", text("370322001001-2")}, {"region", g.community}, {"name", text("第2网格")}});
  std::string elsewhere = g.household(other, "1", "1", "101");
  std::string unassigned = g.l->insert(Table::Household, {{"address", text("青城镇王家村2001号")}});

  auto keys = gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({g.grid, std::nullopt, ""});
  std::vector<std::int64_t> walking = {g.rid(b9r201), g.rid(b9r1001), g.rid(b9u2), g.rid(b10), g.rid(none)};
  CHECK(keys == walking);  // room 201 before 1001, unit 1 before 2, building 9 before 10, none last

  CHECK(gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({g.grid, std::string("9"), ""}) ==
        std::vector<std::int64_t>{g.rid(b9r201), g.rid(b9r1001), g.rid(b9u2)});
  CHECK(gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({g.grid, std::string(""), ""}) == std::vector<std::int64_t>{g.rid(none)});
  CHECK(gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({g.grid, std::nullopt, "rental"}) == std::vector<std::int64_t>{g.rid(b9r1001)});

  auto all = gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({});
  CHECK(all.size() == 7);  // every grid and the unassigned household, not the tombstone
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(std::count(all.begin(), all.end(), g.rid(unassigned)) == 1);
  // The "to dispatch" list: only the households no grid has.
  CHECK(gl::db::HouseholdQueries(*g.l, g.l->readerScope()).keys({"", std::nullopt, "", true}) == std::vector<std::int64_t>{g.rid(unassigned)});
  CHECK(std::count(all.begin(), all.end(), g.rid(elsewhere)) == 1);
  CHECK(std::count(all.begin(), all.end(), g.rid(gone)) == 0);

  auto page = gl::db::HouseholdQueries(*g.l, g.l->readerScope()).byKeys({g.rid(b10), g.rid(gone), 999999, g.rid(b9u2)});
  CHECK(ids(page) == std::vector<std::string>{b10, b9u2});  // the tombstone and the unknown key are skipped
  CHECK(page[0]["building"] == gl::core::Value("10"));
  CHECK(gl::db::HouseholdQueries(*g.l, g.l->readerScope()).byKeys({}).empty());
}

TEST_CASE(
    "a grid's household keys are read through the household_grid index, never a scan of every household") {
  Grid g;
  for (int i = 0; i < 20; ++i) g.household(g.grid, "1", "1", std::to_string(100 + i).c_str());
  SQLite::Database db(g.l.file().string(), SQLite::OPEN_READONLY);
  for (const HouseholdFilter& filter :
       {HouseholdFilter{g.grid, std::nullopt, ""}, HouseholdFilter{g.grid, std::string("1"), "occupied"},
        HouseholdFilter{g.grid, std::string(""), ""}}) {
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + gl::db::householdKeysSql(filter));
    std::vector<std::string> steps;
    while (plan.executeStep()) steps.push_back(plan.getColumn(3).getString());
    CAPTURE(gl::db::householdKeysSql(filter));
    CHECK(std::any_of(steps.begin(), steps.end(), [](const std::string& s) {
      return s.find("USING INDEX household_grid") != std::string::npos;
    }));
    CHECK(std::none_of(steps.begin(), steps.end(),
                       [](const std::string& s) { return s.rfind("SCAN", 0) == 0; }));
  }
}
