#include <doctest/doctest.h>

#include "core/validation_error.h"
#include "temp_ledger.h"
#include "db/quarantine_queries.h"

using gl::core::Date;
using gl::core::Table;
using gl::test::TempLedger;

namespace {

std::string text(const char* s) {
  return s;
}

struct Sheet {
  TempLedger l;
  std::string region, grid, otherGrid;

  Sheet() {
    region =
        l->insert(Table::Region,
                  {{"code", text("370322001001")}, {"name", text("幸福社区")}, {"level", text("community")}});
    grid = l->insert(Table::Grid,
                     {{"code", text("370322001001-1")}, {"region", region}, {"name", text("第1网格")}});
    otherGrid = l->insert(Table::Grid,
                          {{"code", text("370322001001-2")}, {"region", region}, {"name", text("第2网格")}});
    // Three check slots a day (am, noon, pm), as some counties required.
    l->insert(Table::Policy, {{"code", text("home7_three")},
                              {"name", text("7 days, three checks")},
                              {"kind", text("home")},
                              {"days", text("7")},
                              {"slots_per_day", text("3")},
                              {"test_days", text("2")}});
  }
  std::string household(const std::string& g, const char* building) {
    return l->insert(Table::Household, {{"grid", g},
                                        {"building", text(building)},
                                        {"unit", text("1")},
                                        {"room", text("101")},
                                        {"address", std::string("幸福社区") + building + "号楼"}});
  }
  std::string person(const std::string& household, const char* name) {
    return l->insert(Table::Resident, {{"household", household}, {"name", text(name)}});
  }
  std::string open(const std::string& resident, const char* policy, const char* start,
                   const char* status = "active") {
    gl::core::Cells cells = {{"resident", resident},
                             {"policy", text(policy)},
                             {"start_on", text(start)},
                             {"status", text(status)}};
    if (text(status) != "active")
      cells.push_back({"ended_on", text(start)});  // a closed case has its end date
    return l->insert(Table::Quarantine, cells);
  }
  std::size_t checkRows() {
    std::size_t n = 0;
    l->forEachRow(Table::HealthCheck, [&](const gl::db::Row&) { ++n; });
    return n;
  }
};

}  // namespace

TEST_CASE(
    "the check sheet lists the cases within their period on the date in walking order with that day's "
    "checks") {
  Sheet s;
  std::string h10 = s.household(s.grid, "10"), h9 = s.household(s.grid, "9"),
              far = s.household(s.otherGrid, "1");
  // home7_2022: tests on days 1, 3, 5, 7. From 11-18, the 20th is day 3 of 7.
  std::string b = s.open(s.person(h9, "乙"), "home7_2022", "2022-11-18");
  std::string a = s.open(s.person(h9, "甲"), "home7_three", "2022-11-19");
  std::string c = s.open(s.person(h10, "丙"), "home7_2022", "2022-11-20");
  std::string d = s.open(s.person(far, "丁"), "home7_2022", "2022-11-20");
  // Typed in without a policy: morning and evening, no test days.
  std::string e = s.l->insert(Table::Quarantine, {{"resident", s.person(far, "戊")},
                                                  {"kind", text("home")},
                                                  {"start_on", text("2022-11-20")},
                                                  {"planned_end_on", text("2022-11-21")}});
  // Not on the sheet: released, not yet started, past its planned end (overdue), tombstoned.
  s.open(s.person(h10, "己"), "home7_2022", "2022-11-18", "released");
  s.open(s.person(h10, "庚"), "home7_2022", "2022-11-21");
  s.open(s.person(h10, "辛"), "central5_home3_2022", "2022-11-10");
  s.l->tombstone(Table::Quarantine, s.open(s.person(h10, "壬"), "home7_2022", "2022-11-18"));

  std::string am = s.l->recordCheck(b, Date{2022, 11, 20}, 0, 365);
  s.l->recordCheck(b, Date{2022, 11, 19}, 1, 380);  // another day
  std::string noon = s.l->recordCheck(a, Date{2022, 11, 20}, 1, 368);
  std::string pm = s.l->recordCheck(b, Date{2022, 11, 20}, 1, 381);
  s.l->tombstone(Table::HealthCheck, pm);

  auto sheet = gl::db::QuarantineQueries(*s.l, s.l->readerScope()).checkSheet(Date{2022, 11, 20});
  REQUIRE(sheet.size() == 5);
  // Grid 1 building 9 (by name in code-point order: 乙 U+4E59 before 甲 U+7532), grid 1 building 10, then
  // grid 2.
  CHECK(sheet[0].quarantineId == b);
  CHECK(sheet[1].quarantineId == a);
  CHECK(sheet[2].quarantineId == c);
  CHECK(sheet[3].quarantineId == d);
  CHECK(sheet[4].quarantineId == e);

  CHECK(sheet[0].name == "乙");
  CHECK(sheet[0].grid == "第1网格");
  CHECK(sheet[0].address == "幸福社区9号楼");
  CHECK(sheet[0].day == 3);
  CHECK(sheet[0].totalDays == 7);
  CHECK(sheet[0].testDay);
  CHECK(sheet[0].slotsPerDay == 2);
  REQUIRE(sheet[0].tenths.size() == 2);
  CHECK(sheet[0].tenths[0] == 365);
  CHECK(sheet[0].checkIds[0] == am);
  CHECK_FALSE(sheet[0].tenths[1].has_value());  // its evening check was tombstoned
  CHECK(sheet[0].checkIds[1].empty());

  CHECK(sheet[1].slotsPerDay == 3);
  CHECK(sheet[1].testDay);  // day 2 of home7_three
  REQUIRE(sheet[1].tenths.size() == 3);
  CHECK(sheet[1].tenths[1] == 368);  // noon
  CHECK(sheet[1].checkIds[1] == noon);
  CHECK_FALSE(sheet[1].tenths[0].has_value());

  CHECK(sheet[2].day == 1);
  CHECK(sheet[2].testDay);
  CHECK(sheet[4].slotsPerDay == 2);
  CHECK_FALSE(sheet[4].testDay);
  CHECK(sheet[4].totalDays == 2);

  auto mine = gl::db::QuarantineQueries(*s.l, s.l->readerScope()).checkSheet(Date{2022, 11, 20}, s.otherGrid);
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].quarantineId == d);
  CHECK(mine[1].quarantineId == e);
}

TEST_CASE("recording a check twice corrects the one row instead of adding a second") {
  Sheet s;
  std::string q = s.open(s.person(s.household(s.grid, "1"), "甲"), "home7_2022", "2022-11-18");
  std::string first = s.l->recordCheck(q, Date{2022, 11, 20}, 1, 365, "咳嗽");
  CHECK(s.checkRows() == 1);
  auto row = s.l->get(Table::HealthCheck, first);
  REQUIRE(row);
  CHECK((*row)["slot"] == gl::core::Value("pm"));
  CHECK((*row)["checked_on"] == gl::core::Value("2022-11-20"));
  CHECK(std::stod(*(*row)["temperature"]) == doctest::Approx(36.5));

  std::string again = s.l->recordCheck(q, Date{2022, 11, 20}, 1, 374);
  CHECK(again == first);
  CHECK(s.checkRows() == 1);
  row = s.l->get(Table::HealthCheck, first);
  CHECK(std::stod(*(*row)["temperature"]) == doctest::Approx(37.4));
  CHECK((*row)["symptoms"] == gl::core::Value("咳嗽"));  // not given the second time: kept
  CHECK(gl::db::QuarantineQueries(*s.l, s.l->readerScope()).checkSheet(Date{2022, 11, 20}).at(0).tenths[1] == 374);

  s.l->recordCheck(q, Date{2022, 11, 20}, 1, 374, "发热");
  CHECK(s.l->get(Table::HealthCheck, first).value()["symptoms"] == gl::core::Value("发热"));
  CHECK(s.l->recordCheck(q, Date{2022, 11, 20}, 0, 366) != first);  // the morning is its own row
  CHECK(s.checkRows() == 2);

  // A tombstoned check is not corrected: a new row takes the slot.
  s.l->tombstone(Table::HealthCheck, first);
  std::string fresh = s.l->recordCheck(q, Date{2022, 11, 20}, 1, 369);
  CHECK(fresh != first);
  CHECK(s.checkRows() == 2);
}

TEST_CASE(
    "a check is refused outside the policy's slots, outside the period, for a closed case or a bad reading") {
  Sheet s;
  std::string h = s.household(s.grid, "1");
  std::string q = s.open(s.person(h, "甲"), "home7_2022", "2022-11-18");  // 11-18 to 11-24
  auto kindOf = [](auto&& call) {
    try {
      call();
    } catch (const gl::Error& e) {
      return static_cast<int>(e.kind());
    }
    return -1;
  };
  const int badInput = static_cast<int>(gl::Error::Kind::BadInput);
  CHECK(kindOf([&] { s.l->recordCheck(q, Date{2022, 11, 20}, 2, 365); }) == badInput);
  CHECK(kindOf([&] { s.l->recordCheck(q, Date{2022, 11, 20}, -1, 365); }) == badInput);
  CHECK(kindOf([&] { s.l->recordCheck(q, Date{2022, 11, 17}, 0, 365); }) == badInput);
  CHECK(kindOf([&] { s.l->recordCheck(q, Date{2022, 11, 25}, 0, 365); }) == badInput);
  CHECK(kindOf([&] { s.l->recordCheck("no-such-case", Date{2022, 11, 20}, 0, 365); }) == badInput);
  CHECK_THROWS_AS(s.l->recordCheck(q, Date{2022, 11, 20}, 0, 500), gl::ValidationError);  // 50.0 ℃
  CHECK(s.checkRows() == 0);

  std::string three = s.open(s.person(h, "乙"), "home7_three", "2022-11-18");
  std::string id = s.l->recordCheck(three, Date{2022, 11, 24}, 2, 365);  // the last day, evening
  CHECK(s.l->get(Table::HealthCheck, id).value()["slot"] == gl::core::Value("pm"));

  std::string closed = s.open(s.person(h, "丙"), "home7_2022", "2022-11-18", "released");
  CHECK(kindOf([&] { s.l->recordCheck(closed, Date{2022, 11, 20}, 0, 365); }) == badInput);
  s.l->tombstone(Table::Quarantine, three);
  CHECK(kindOf([&] { s.l->recordCheck(three, Date{2022, 11, 20}, 0, 365); }) == badInput);
  CHECK(s.checkRows() == 1);
}
