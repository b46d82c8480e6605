#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/lifecycle.h"

using namespace gl::core;

namespace {

const std::vector<Policy> kAll = builtinPolicies();

const Policy& policy(std::string_view code) {
  const Policy* p = findPolicy(kAll, code);
  REQUIRE_MESSAGE(p != nullptr, code);
  return *p;
}

CaseView activeCase(const Policy& p, Date start) {
  return CaseView{start, plannedEnd(p, start), QuarantineStatus::Active};
}

// Morning and evening checks on every day from..to.
std::vector<CheckDone> allChecks(const Policy& p, Date from, Date to) {
  std::vector<CheckDone> out;
  for (Date d = from; d <= to; d = d.addDays(1))
    for (int s = 0; s < p.slotsPerDay; ++s) out.push_back({d, s});
  return out;
}

Date d(int y, int m, int day) { return Date{y, m, day}; }

}  // namespace

TEST_CASE("planned end is the last day under quarantine and the follow-on starts the day after") {
  // 8th edition 14+7 from 2021-06-01: centralized to 06-14, monitoring 06-15..06-21.
  const Policy& central = policy("central14_home7_2021");
  CHECK(plannedEnd(central, d(2021, 6, 1)) == d(2021, 6, 14));
  CHECK(plannedEnd(policy(central.followOn), d(2021, 6, 15)) == d(2021, 6, 21));
  // 9th edition 7+3 from 2022-07-01: to 07-07, then 07-08..07-10.
  CHECK(plannedEnd(policy("central7_monitor3_2022"), d(2022, 7, 1)) == d(2022, 7, 7));
  CHECK(plannedEnd(policy("monitor3_2022"), d(2022, 7, 8)) == d(2022, 7, 10));
  // twenty measures 5+3 from 2022-11-28, across the month end: to 12-02, then 12-03..12-05.
  CHECK(plannedEnd(policy("central5_home3_2022"), d(2022, 11, 28)) == d(2022, 12, 2));
  CHECK(plannedEnd(policy("home3_2022"), d(2022, 12, 3)) == d(2022, 12, 5));
  CHECK(plannedEnd(policy("home14_2020"), d(2020, 2, 20)) == d(2020, 3, 4));  // leap February
  CHECK(plannedEnd(policy("home7_2022"), d(2022, 12, 30)) == d(2023, 1, 5));
  CHECK(plannedEnd(policy("home7_secondary_2022"), d(2022, 7, 1)) == d(2022, 7, 7));
}

TEST_CASE("day numbers count the start date as day 1") {
  CaseView c = activeCase(policy("central14_home7_2021"), d(2021, 6, 1));
  CHECK(dayNumber(c, d(2021, 6, 1)) == 1);
  CHECK(dayNumber(c, d(2021, 6, 14)) == 14);
  CHECK(dayNumber(c, d(2021, 5, 31)) == 0);
  CHECK(dayNumber(c, d(2021, 7, 1)) == 31);
  CHECK(totalDays(c) == 14);
  c.plannedEnd = d(2021, 6, 15);  // extended by one day
  CHECK(totalDays(c) == 15);
}

TEST_CASE("test days fall on the policy's day numbers") {
  const Policy& p8 = policy("central14_home7_2021");
  CaseView c = activeCase(p8, d(2021, 6, 1));
  std::vector<int> tests;
  for (Date x = d(2021, 5, 25); x <= d(2021, 6, 30); x = x.addDays(1))
    if (isTestDay(p8, c, x)) tests.push_back(dayNumber(c, x));
  CHECK(tests == std::vector<int>{1, 4, 7, 14});
  CHECK(isTestDay(p8, c, d(2021, 6, 4)));
  CHECK_FALSE(isTestDay(p8, c, d(2021, 6, 5)));

  const Policy& p9 = policy("central7_monitor3_2022");
  CaseView c9 = activeCase(p9, d(2022, 7, 1));
  tests.clear();
  for (Date x = c9.start; x <= c9.plannedEnd; x = x.addDays(1))
    if (isTestDay(p9, c9, x)) tests.push_back(x.day);
  CHECK(tests == std::vector<int>{1, 2, 3, 5, 7});

  const Policy& m3 = policy("monitor3_2022");
  CaseView cm = activeCase(m3, d(2022, 7, 8));
  CHECK_FALSE(isTestDay(m3, cm, d(2022, 7, 8)));
  CHECK(isTestDay(m3, cm, d(2022, 7, 10)));

  const Policy& h3 = policy("home3_2022");
  CaseView ch = activeCase(h3, d(2022, 12, 3));
  CHECK(isTestDay(h3, ch, d(2022, 12, 3)));
  CHECK_FALSE(isTestDay(h3, ch, d(2022, 12, 4)));
  CHECK(isTestDay(h3, ch, d(2022, 12, 5)));
}

TEST_CASE("slots are due on every day of the period and on no day outside it") {
  const Policy& p = policy("home7_2022");
  CaseView c = activeCase(p, d(2022, 11, 20));
  CHECK(slotsDue(p, c, d(2022, 11, 19)).empty());
  CHECK(slotsDue(p, c, d(2022, 11, 20)) == std::vector<int>{0, 1});
  CHECK(slotsDue(p, c, d(2022, 11, 26)) == std::vector<int>{0, 1});
  CHECK(slotsDue(p, c, d(2022, 11, 27)).empty());

  Policy three = p;
  three.slotsPerDay = 3;
  CHECK(slotsDue(three, c, d(2022, 11, 22)) == std::vector<int>{0, 1, 2});
}

TEST_CASE("cases that are not active have nothing due and no proposal") {
  const Policy& p = policy("home7_2022");
  for (auto status : {QuarantineStatus::Released, QuarantineStatus::Transferred, QuarantineStatus::Hospitalized,
                      QuarantineStatus::Cancelled}) {
    CaseView c{d(2022, 11, 20), d(2022, 11, 26), status};
    CAPTURE(statusCode(status));
    CHECK(slotsDue(p, c, d(2022, 11, 22)).empty());
    CHECK(missedChecks(p, c, {}, d(2022, 12, 1)).empty());
    Review r = review(p, c, {}, d(2022, 12, 1), kAll);
    CHECK(r.proposal == Proposal::None);
    CHECK(r.missed.empty());
  }
}

TEST_CASE("missed checks are the due slots before today with no record") {
  const Policy& p = policy("home3_2022");
  CaseView c = activeCase(p, d(2022, 12, 3));
  std::vector<CheckDone> done = {{d(2022, 12, 3), 0}, {d(2022, 12, 3), 1}, {d(2022, 12, 4), 0},
                                 {d(2022, 12, 4), 5}};  // slot 5 does not exist and counts for nothing
  CHECK(missedChecks(p, c, done, d(2022, 12, 3)).empty());
  CHECK(missedChecks(p, c, done, d(2022, 12, 4)).empty());  // today's slots are not missed yet
  CHECK(missedChecks(p, c, done, d(2022, 12, 5)) == std::vector<MissedCheck>{{d(2022, 12, 4), 1}});
  CHECK(missedChecks(p, c, done, d(2022, 12, 20)) ==
        std::vector<MissedCheck>{{d(2022, 12, 4), 1}, {d(2022, 12, 5), 0}, {d(2022, 12, 5), 1}});
}

TEST_CASE("before the end date there is no proposal, but missed checks are listed") {
  const Policy& p = policy("home7_2022");
  CaseView c = activeCase(p, d(2022, 11, 20));
  auto done = allChecks(p, d(2022, 11, 20), d(2022, 11, 21));
  done.push_back({d(2022, 11, 22), 0});
  Review r = review(p, c, done, d(2022, 11, 24), kAll);
  CHECK(r.proposal == Proposal::None);
  CHECK(r.newPlannedEnd == c.plannedEnd);
  CHECK(r.missed == std::vector<MissedCheck>{{d(2022, 11, 22), 1}, {d(2022, 11, 23), 0}, {d(2022, 11, 23), 1}});
}

TEST_CASE("a complete case is proposed for release on its last day and after it") {
  const Policy& p = policy("home7_secondary_2022");
  CaseView c = activeCase(p, d(2022, 7, 1));
  auto done = allChecks(p, d(2022, 7, 1), d(2022, 7, 7));
  for (Date today : {d(2022, 7, 7), d(2022, 7, 8), d(2022, 8, 1)}) {
    Review r = review(p, c, done, today, kAll);
    CHECK(r.proposal == Proposal::Release);
    CHECK(r.missed.empty());
    CHECK(r.followOnPolicy.empty());
  }
}

TEST_CASE("a centralized 14+7 case chains into 7 days of home health monitoring") {
  const Policy& p = policy("central14_home7_2021");
  CaseView c = activeCase(p, d(2021, 6, 1));
  Review r = review(p, c, allChecks(p, d(2021, 6, 1), d(2021, 6, 14)), d(2021, 6, 14), kAll);
  CHECK(r.proposal == Proposal::ReleaseAndChain);
  CHECK(r.followOnPolicy == "monitor7_2021");
  CHECK(r.followOnStart == d(2021, 6, 15));
  CHECK(r.followOnEnd == d(2021, 6, 21));

  // the chained period is itself released without a further chain
  const Policy& m = policy(r.followOnPolicy);
  CaseView next{r.followOnStart, r.followOnEnd, QuarantineStatus::Active};
  Review r2 = review(m, next, allChecks(m, r.followOnStart, r.followOnEnd), d(2021, 6, 21), kAll);
  CHECK(r2.proposal == Proposal::Release);
}

TEST_CASE("5+3 of the twenty measures chains into 3 days of home quarantine") {
  const Policy& p = policy("central5_home3_2022");
  CaseView c = activeCase(p, d(2022, 11, 28));
  Review r = review(p, c, allChecks(p, c.start, c.plannedEnd), d(2022, 12, 2), kAll);
  CHECK(r.proposal == Proposal::ReleaseAndChain);
  CHECK(r.followOnPolicy == "home3_2022");
  CHECK(r.followOnStart == d(2022, 12, 3));
  CHECK(r.followOnEnd == d(2022, 12, 5));
}

TEST_CASE("a follow-on missing from the policy set is an error, not a silent release") {
  const Policy& p = policy("central7_monitor3_2022");
  CaseView c = activeCase(p, d(2022, 7, 1));
  std::vector<Policy> without = {p};
  CHECK_THROWS_AS(review(p, c, allChecks(p, c.start, c.plannedEnd), d(2022, 7, 7), without), gl::Error);
}

TEST_CASE("a missed last evening extends the case or leaves it overdue, by policy option") {
  Policy p = policy("home7_2022");
  CaseView c = activeCase(p, d(2022, 11, 20));
  auto done = allChecks(p, d(2022, 11, 20), d(2022, 11, 25));
  done.push_back({d(2022, 11, 26), 0});  // last morning done, last evening missed

  // on the last day the evening is still due
  Review onLastDay = review(p, c, done, d(2022, 11, 26), kAll);
  CHECK(onLastDay.proposal == Proposal::None);
  CHECK(onLastDay.missed.empty());

  Review overdue = review(p, c, done, d(2022, 11, 27), kAll);
  CHECK(overdue.proposal == Proposal::Overdue);
  CHECK(overdue.newPlannedEnd == d(2022, 11, 26));
  CHECK(overdue.missed == std::vector<MissedCheck>{{d(2022, 11, 26), 1}});

  p.extendOnMissedCheck = true;
  Review extend = review(p, c, done, d(2022, 11, 27), kAll);
  CHECK(extend.proposal == Proposal::Extend);
  CHECK(extend.newPlannedEnd == d(2022, 11, 27));
  p.extensionDays = 2;
  CHECK(review(p, c, done, d(2022, 11, 27), kAll).newPlannedEnd == d(2022, 11, 28));

  // the extended case has the new day due and is released once it is checked
  CaseView extended = c;
  extended.plannedEnd = extend.newPlannedEnd;
  CHECK(slotsDue(p, extended, d(2022, 11, 27)) == std::vector<int>{0, 1});
  done.push_back({d(2022, 11, 27), 0});
  done.push_back({d(2022, 11, 27), 1});
  Review released = review(p, extended, done, d(2022, 11, 27), kAll);
  CHECK(released.proposal == Proposal::Release);
  CHECK(released.missed == std::vector<MissedCheck>{{d(2022, 11, 26), 1}});
}

TEST_CASE("earlier misses with a complete last day still propose release and list the misses") {
  const Policy& p = policy("home7_2022");
  CaseView c = activeCase(p, d(2022, 11, 20));
  auto done = allChecks(p, d(2022, 11, 20), d(2022, 11, 26));
  done.erase(done.begin() + 4);  // 11-22 morning
  Review r = review(p, c, done, d(2022, 11, 26), kAll);
  CHECK(r.proposal == Proposal::Release);
  CHECK(r.missed == std::vector<MissedCheck>{{d(2022, 11, 22), 0}});
}

TEST_CASE("an active case past its end never drops off the list") {
  const Policy& p = policy("home14_2020");
  CaseView c = activeCase(p, d(2020, 2, 1));
  // nobody recorded anything: weeks later the case is still there, overdue, with every check missed
  Review r = review(p, c, {}, d(2020, 3, 30), kAll);
  CHECK(r.proposal == Proposal::Overdue);
  CHECK(r.missed.size() == 28);
  for (Date today = c.plannedEnd.addDays(1); today < d(2020, 4, 30); today = today.addDays(1))
    CHECK(review(p, c, {}, today, kAll).proposal != Proposal::None);
}

TEST_CASE("a planned end before the start is reported and proposed as overdue") {
  const Policy& p = policy("home7_2022");
  CaseView c{d(2022, 11, 20), d(2022, 11, 19), QuarantineStatus::Active};
  auto issues = validateCase(c);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == IssueCode::QuarantineEndBeforeStart);
  CHECK(issues[0].field == "planned_end_on");
  CHECK(review(p, c, {}, d(2022, 11, 18), kAll).proposal == Proposal::Overdue);
  CHECK(validateCase(activeCase(p, d(2022, 11, 20))).empty());
}
