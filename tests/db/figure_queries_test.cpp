#include <doctest/doctest.h>

#include "db/writer.h"
#include "temp_ledger.h"
#include "db/figure_queries.h"
#include "db/quarantine_queries.h"

using gl::core::Date;
using gl::core::Table;
using gl::test::TempLedger;

namespace {

long long tableRows(const gl::db::Figures& f, const std::string& plural) {
  for (const auto& t : f.tables)
    if (t.table == plural) return t.rows;
  return -1;
}

}  // namespace

TEST_CASE("today's figures count active cases, checks due and done, fevers, releases and arrivals") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇王家村2001号")}});
  auto person = [&](const char* name) {
    return l->insert(Table::Resident, {{"household", h}, {"name", std::string(name)}});
  };
  auto quarantine = [&](const std::string& r, const char* policy, const char* start, const char* status = "active") {
    gl::core::Cells cells = {{"resident", r}, {"policy", std::string(policy)}, {"start_on", std::string(start)},
                             {"status", std::string(status)}};
    if (std::string(status) != "active") cells.push_back({"ended_on", std::string("2022-11-06")});
    return l->insert(Table::Quarantine, std::move(cells));
  };
  // 2022-11-20 is "today". 7-day central (7+3, 2022): 11-14 → 11-20 ends today.
  std::string a = quarantine(person("甲"), "central7_monitor3_2022", "2022-11-14");
  // 5-day central from today: an arrival.
  quarantine(person("乙"), "central5_home3_2022", "2022-11-20");
  // Ended 11-16 but still active: overdue, never silently dropped.
  quarantine(person("丙"), "central5_home3_2022", "2022-11-12");
  // Released: counts nowhere among the active.
  quarantine(person("丁"), "central5_home3_2022", "2022-11-01", "released");
  l->insert(Table::HealthCheck, {{"quarantine", a}, {"checked_on", std::string("2022-11-20")}, {"slot", std::string("am")},
                                 {"temperature", std::string("37.5℃")}});
  l->insert(Table::HealthCheck, {{"quarantine", a}, {"checked_on", std::string("2022-11-19")}, {"slot", std::string("pm")},
                                 {"temperature", std::string("36.6")}});

  auto f = gl::db::FigureQueries(*l, l->readerScope()).today(Date{2022, 11, 20});
  CHECK(f.activeQuarantines == 3);
  CHECK(f.checksDueToday == 4);  // two active cases in their period, two slots each
  CHECK(f.checksDoneToday == 1);
  CHECK(f.feversToday == 1);
  CHECK(f.releasesDueToday == 1);
  CHECK(f.overdueReleases == 1);
  CHECK(f.arrivalsToday == 1);
  // By time of day: the morning check of 甲 is done; 乙's morning and both evenings are still to do.
  CHECK(f.morningChecksDue == 2);
  CHECK(f.morningChecksDone == 1);
  CHECK(f.laterChecksDue == 2);
  CHECK(f.laterChecksDone == 0);
  CHECK(tableRows(f, "quarantines") == 4);
  CHECK(tableRows(f, "health_checks") == 2);
  CHECK(tableRows(f, "residents") == 4);
  CHECK(tableRows(f, "policies") >= 5);
  CHECK(f.pendingChanges > 0);
}

TEST_CASE("live-row counts kept by the write code equal a real count") {
  TempLedger l;
  std::vector<std::string> ids;
  l->write([&](gl::db::Writer& w) {
    for (int i = 0; i < 50; ++i) ids.push_back(w.insert(Table::Household, {{"address", "地址" + std::to_string(i)}}));
  });
  for (int i = 0; i < 50; i += 3) l->tombstone(Table::Household, ids[static_cast<std::size_t>(i)]);
  long long counted = 0;
  l->forEachRow(Table::Household, [&](const gl::db::Row&) { ++counted; });
  CHECK(tableRows(gl::db::FigureQueries(*l, l->readerScope()).today(l->today()), "households") == counted);
  CHECK(counted == 33);
}

TEST_CASE("cases at their end are proposed for release, extension or a decision, never dropped") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇王家村2002号")}});
  auto person = [&](const char* name) { return l->insert(Table::Resident, {{"household", h}, {"name", std::string(name)}}); };
  auto quarantine = [&](const char* policy, const char* start) {
    return l->insert(Table::Quarantine, {{"resident", person("某")}, {"policy", std::string(policy)},
                                         {"start_on", std::string(start)}});
  };
  auto checkAll = [&](const std::string& q, Date from, Date to) {
    for (Date d = from; d <= to; d = d.addDays(1))
      for (const char* slot : {"am", "pm"})
        l->insert(Table::HealthCheck, {{"quarantine", q}, {"checked_on", d.iso()}, {"slot", std::string(slot)},
                                       {"temperature", std::string("36.5")}});
  };
  // 5+3 (2022-11): 5 days central from 11-15 ends 11-19, then 3 days at home.
  std::string done = quarantine("central5_home3_2022", "2022-11-15");
  checkAll(done, Date{2022, 11, 15}, Date{2022, 11, 19});
  // Home 7 days from 11-13 ends 11-19; its last evening check is missing.
  std::string missed = quarantine("home7_2022", "2022-11-13");
  checkAll(missed, Date{2022, 11, 13}, Date{2022, 11, 18});
  l->insert(Table::HealthCheck, {{"quarantine", missed}, {"checked_on", std::string("2022-11-19")},
                                 {"slot", std::string("am")}, {"temperature", std::string("36.6")}});
  // Ends today: still due, no proposal yet.
  quarantine("home7_2022", "2022-11-14");

  auto reviews = gl::db::QuarantineQueries(*l, l->readerScope()).reviewDue(Date{2022, 11, 20});
  REQUIRE(reviews.size() == 3);
  for (const auto& r : reviews) {
    if (r.quarantineId == done) {
      CHECK(r.proposal == gl::core::Proposal::ReleaseAndChain);
      CHECK(r.followOnStart == Date{2022, 11, 20});
      CHECK(r.followOnEnd == Date{2022, 11, 22});
    } else if (r.quarantineId == missed) {
      CHECK(r.proposal == gl::core::Proposal::Overdue);
      CHECK(r.missedChecks == 1);
    } else {
      CHECK(r.proposal == gl::core::Proposal::None);
    }
  }
  auto f = gl::db::FigureQueries(*l, l->readerScope()).today(Date{2022, 11, 20});
  CHECK(f.releasesProposed == 1);
  CHECK(f.needDecision == 1);
  CHECK(f.extensionsProposed == 0);
  CHECK(f.activeQuarantines == 3);
}
