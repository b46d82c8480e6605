#include <doctest/doctest.h>

#include "temp_ledger.h"
#include "db/figure_queries.h"

using gl::core::Date;
using gl::core::Table;
using gl::test::TempLedger;

namespace {

std::string text(const char* s) {
  return s;
}

// A ledger whose "today" is 2022-11-20 (TempLedger), with cases of every kind of ending.
struct Cases {
  TempLedger l;
  std::string household;

  Cases() { household = l->insert(Table::Household, {{"address", text("青城镇王家村2001号")}}); }
  std::string open(const char* policy, const char* start, const char* status = "active",
                   const char* endedOn = nullptr) {
    std::string r = l->insert(Table::Resident, {{"household", household}, {"name", text("张三")}});
    gl::core::Cells cells = {
        {"resident", r}, {"policy", text(policy)}, {"start_on", text(start)}, {"status", text(status)}};
    if (endedOn) cells.push_back({"ended_on", text(endedOn)});
    return l->insert(Table::Quarantine, cells);
  }
  void check(const std::string& q, const char* on, const char* slot, const char* temperature) {
    l->insert(Table::HealthCheck, {{"quarantine", q},
                                   {"checked_on", text(on)},
                                   {"slot", text(slot)},
                                   {"temperature", text(temperature)}});
  }
};

std::vector<std::int64_t> series(const std::vector<gl::db::DayTrend>& days,
                                 std::int64_t gl::db::DayTrend::*field) {
  std::vector<std::int64_t> out;
  for (const auto& d : days) out.push_back(d.*field);
  return out;
}

}  // namespace

TEST_CASE("the trend counts active cases, arrivals and fevers per day over a hand-built ledger") {
  Cases c;
  // home7_2022 from 11-14: planned end 11-20.
  std::string a = c.open("home7_2022", "2022-11-14");
  // Released early: planned end 11-16, ended 11-12 (its first day free), so it counts 11-10 and 11-11.
  c.open("home7_2022", "2022-11-10", "released", "2022-11-12");
  // Still active four days past its planned end (11-16): counts every day up to today.
  std::string overdue = c.open("central5_home3_2022", "2022-11-12");
  // Cancelled: never under quarantine, but it is a case that started (as in today's figures).
  c.open("home7_2022", "2022-11-15", "cancelled");
  // Tombstoned: nowhere.
  c.l->tombstone(Table::Quarantine, c.open("home7_2022", "2022-11-15"));
  // Transferred on 11-18: under quarantine here on 11-17 only.
  c.open("home7_2022", "2022-11-17", "transferred", "2022-11-18");
  // Released long before the range.
  c.open("home7_2022", "2022-11-01", "released", "2022-11-07");

  c.check(a, "2022-11-15", "am", "37.3");  // 37.3 is a fever
  c.check(a, "2022-11-15", "pm", "37.2");
  c.check(a, "2022-11-16", "am", "38.0");
  c.check(overdue, "2022-11-20", "am", "37.5");
  c.l->insert(Table::HealthCheck, {{"quarantine", a},
                                   {"checked_on", text("2022-11-09")},
                                   {"slot", text("am")},
                                   {"temperature", text("39.0")}});  // before the range
  std::string deleted = c.l->insert(Table::HealthCheck, {{"quarantine", a},
                                                         {"checked_on", text("2022-11-16")},
                                                         {"slot", text("pm")},
                                                         {"temperature", text("39.0")}});
  c.l->tombstone(Table::HealthCheck, deleted);

  auto days = gl::db::FigureQueries(*c.l, c.l->readerScope()).trend(Date{2022, 11, 20}, 11);
  REQUIRE(days.size() == 11);
  CHECK(days.front().day == Date{2022, 11, 10});
  CHECK(days.back().day == Date{2022, 11, 20});
  //                                    10 11 12 13 14 15 16 17 18 19 20
  CHECK(series(days, &gl::db::DayTrend::active) ==
        std::vector<std::int64_t>{1, 1, 1, 1, 2, 2, 2, 3, 2, 2, 2});
  CHECK(series(days, &gl::db::DayTrend::arrivals) ==
        std::vector<std::int64_t>{1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0});
  CHECK(series(days, &gl::db::DayTrend::fevers) ==
        std::vector<std::int64_t>{0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1});

  // The last bar agrees with today's figures.
  auto f = gl::db::FigureQueries(*c.l, c.l->readerScope()).today(Date{2022, 11, 20});
  CHECK(days.back().fevers == f.feversToday);
  CHECK(days.back().arrivals == f.arrivalsToday);
  CHECK(days.back().active == f.activeQuarantines);
}

TEST_CASE("days after today count active cases up to their planned end, and overdue ones only up to today") {
  Cases c;
  c.open("home7_2022", "2022-11-14");           // planned end 11-20
  c.open("central5_home3_2022", "2022-11-12");  // overdue since 11-16
  c.open("home7_2022", "2022-11-22");           // planned, 11-22 to 11-28
  auto days = gl::db::FigureQueries(*c.l, c.l->readerScope()).trend(Date{2022, 11, 24}, 5);
  //                                    20 21 22 23 24
  CHECK(series(days, &gl::db::DayTrend::active) == std::vector<std::int64_t>{2, 0, 1, 1, 1});
  CHECK(series(days, &gl::db::DayTrend::arrivals) == std::vector<std::int64_t>{0, 0, 1, 0, 0});
}

TEST_CASE("a trend of no days is empty and a trend of one day is that day") {
  Cases c;
  c.open("home7_2022", "2022-11-14");
  CHECK(gl::db::FigureQueries(*c.l, c.l->readerScope()).trend(Date{2022, 11, 20}, 0).empty());
  auto one = gl::db::FigureQueries(*c.l, c.l->readerScope()).trend(Date{2022, 11, 14}, 1);
  REQUIRE(one.size() == 1);
  CHECK(one[0].day == Date{2022, 11, 14});
  CHECK(one[0].active == 1);
  CHECK(one[0].arrivals == 1);
}
