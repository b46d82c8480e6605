#include <doctest/doctest.h>

#include "temp_ledger.h"
#include "db/household_queries.h"
#include "db/quarantine_queries.h"

using gl::core::Date;
using gl::core::Table;
using gl::test::TempLedger;

TEST_CASE("lists follow the walking order and show day N of M for active cases") {
  TempLedger l;
  std::string region = l->insert(Table::Region, {{"code", std::string("370322001001")}, {"name", std::string("幸福社区")},
                                                 {"level", std::string("community")}});
  std::string grid = l->insert(Table::Grid, {{"code", std::string("370322001001-1")}, {"region", region},
                                             {"name", std::string("第1网格")}});
  auto household = [&](const char* building, const char* room) {
    return l->insert(Table::Household, {{"grid", grid}, {"building", std::string(building)}, {"unit", std::string("1")},
                                        {"room", std::string(room)},
                                        {"address", std::string("幸福社区") + building + "号楼1单元" + room + "室"}});
  };
  std::string h10 = household("10", "101"), h9 = household("9", "302"), h9low = household("9", "101");
  auto rows = gl::db::HouseholdQueries(*l, l->readerScope()).page(grid, 0, 10);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == h9low);  // building 9 before 10: numbers, not text
  CHECK(rows[1].id == h9);
  CHECK(rows[2].id == h10);
  CHECK(gl::db::HouseholdQueries(*l, l->readerScope()).page(grid, 1, 1).at(0).id == h9);
  CHECK(gl::db::HouseholdQueries(*l, l->readerScope()).page("", 0, 100).size() == 3);

  std::string a = l->insert(Table::Resident, {{"household", h10}, {"name", std::string("甲")}, {"birth_date", std::string("1990-01-01")}});
  std::string b = l->insert(Table::Resident, {{"household", h9}, {"name", std::string("乙")}});
  l->insert(Table::Resident, {{"household", h10}, {"name", std::string("丙")}, {"birth_date", std::string("1950-01-01")}});
  auto members = gl::db::HouseholdQueries(*l, l->readerScope()).residentsOf(h10);
  REQUIRE(members.size() == 2);
  CHECK(members[0]["name"] == gl::core::Value("丙"));

  l->insert(Table::Quarantine, {{"resident", a}, {"policy", std::string("central14_home7_2021")},
                                {"start_on", std::string("2022-11-15")}});
  l->insert(Table::Quarantine, {{"resident", b}, {"policy", std::string("home7_2022")}, {"start_on", std::string("2022-11-18")}});
  l->insert(Table::Quarantine, {{"resident", b}, {"policy", std::string("home7_2022")}, {"start_on", std::string("2022-11-25")}});
  auto active = gl::db::QuarantineQueries(*l, l->readerScope()).active(Date{2022, 11, 20});
  REQUIRE(active.size() == 2);  // the case starting on the 25th has not begun
  CHECK(active[0].name == "乙");
  CHECK(active[0].day == 3);
  CHECK(active[0].totalDays == 7);
  CHECK(active[1].name == "甲");
  CHECK(active[1].day == 6);
  CHECK(active[1].totalDays == 14);
  CHECK(active[1].grid == "第1网格");
  CHECK(active[1].kind == "central");
}
