#include <doctest/doctest.h>

#include <functional>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/validation_error.h"
#include "temp_ledger.h"

using gl::core::Date;
using gl::core::QuarantineStatus;
using gl::core::Table;
using gl::core::Value;
using gl::test::TempLedger;

namespace {

std::string text(const char* s) {
  return s;
}

struct Cases {
  TempLedger l;
  std::string resident;

  Cases() {
    std::string h = l->insert(Table::Household, {{"address", text("青城镇王家村2001号")}});
    resident = l->insert(Table::Resident, {{"household", h}, {"name", text("张三")}});
  }
  std::string open(const char* policy, const char* start, const char* status = "active") {
    return l->insert(Table::Quarantine, {{"resident", resident},
                                         {"policy", text(policy)},
                                         {"start_on", text(start)},
                                         {"status", text(status)},
                                         {"reason", text("close_contact")},
                                         {"source_place", text("上海市")},
                                         {"place", text("青城宾馆")}});
  }
  gl::db::Row row(const std::string& id) { return l->get(Table::Quarantine, id).value(); }
  std::size_t cases() {
    std::size_t n = 0;
    l->forEachRow(Table::Quarantine, [&](const gl::db::Row&) { ++n; });
    return n;
  }
};

gl::Error::Kind kindOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const gl::Error& e) {
    return e.kind();
  }
  FAIL("no gl::Error was thrown");
  return gl::Error::Kind::Internal;
}

}  // namespace

TEST_CASE("releasing a chained case on its planned end opens the follow-on period the next day") {
  Cases c;
  // 5 days centralized from 11-14 (planned end 11-18), then 3 days at home (home3_2022).
  std::string q = c.open("central5_home3_2022", "2022-11-14");
  std::string next = c.l->releaseCase(q, Date{2022, 11, 18});
  REQUIRE_FALSE(next.empty());
  auto released = c.row(q);
  CHECK(released["status"] == Value("released"));
  CHECK(released["ended_on"] == Value("2022-11-18"));
  auto follow = c.row(next);
  CHECK(follow["resident"] == Value(c.resident));
  CHECK(follow["policy"] == Value("home3_2022"));
  CHECK(follow["kind"] == Value("home"));
  CHECK(follow["status"] == Value("active"));
  CHECK(follow["start_on"] == Value("2022-11-19"));
  CHECK(follow["planned_end_on"] == Value("2022-11-21"));
  CHECK(follow["reason"] == Value("close_contact"));
  CHECK(follow["source_place"] == Value("上海市"));
  CHECK_FALSE(follow["place"].has_value());  // the hotel is not where the follow-on period is spent
  CHECK(c.cases() == 2);
}

TEST_CASE(
    "a follow-on starts the day after the planned end when released late and the day after release when "
    "early") {
  Cases c;
  std::string late = c.open("central5_home3_2022", "2022-11-10");  // planned end 11-14
  CHECK(c.row(c.l->releaseCase(late, Date{2022, 11, 16}))["start_on"] == Value("2022-11-15"));
  CHECK(c.row(late)["ended_on"] == Value("2022-11-16"));
  std::string early = c.open("central7_monitor3_2022", "2022-11-14");  // planned end 11-20
  std::string next = c.l->releaseCase(early, Date{2022, 11, 17});
  CHECK(c.row(next)["start_on"] == Value("2022-11-18"));
  CHECK(c.row(next)["planned_end_on"] == Value("2022-11-20"));  // monitor3_2022: 3 days
  CHECK(c.row(next)["kind"] == Value("monitor"));
}

TEST_CASE("releasing a case without a follow-on opens nothing") {
  Cases c;
  std::string q = c.open("home7_2022", "2022-11-14");
  CHECK(c.l->releaseCase(q, Date{2022, 11, 20}).empty());
  CHECK(c.cases() == 1);
  CHECK(c.row(q)["status"] == Value("released"));
}

TEST_CASE(
    "release and follow-on are one transaction: when the follow-on cannot be written, the case stays "
    "active") {
  Cases c;
  std::string q = c.open("central5_home3_2022", "2022-11-14");
  {
    // The follow-on's INSERT fails inside SQLite, after the release's UPDATE has run.
    SQLite::Database db(c.l.file().string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER no_new_cases BEFORE INSERT ON quarantine BEGIN SELECT RAISE(ABORT, 'no new cases'); "
        "END");
  }
  auto pending = c.l->pendingChanges();
  CHECK_THROWS_AS(c.l->releaseCase(q, Date{2022, 11, 18}), gl::Error);
  auto still = c.row(q);
  CHECK(still["status"] == Value("active"));
  CHECK_FALSE(still["ended_on"].has_value());
  CHECK(c.cases() == 1);
  CHECK(c.l->pendingChanges() == pending);  // nothing stamped in the change log either
}

TEST_CASE("only an active, live case can be released, and not before it started") {
  Cases c;
  std::string q = c.open("home7_2022", "2022-11-14");
  CHECK(kindOf([&] { c.l->releaseCase(q, Date{2022, 11, 13}); }) == gl::Error::Kind::BadInput);
  c.l->releaseCase(q, Date{2022, 11, 20});
  CHECK(kindOf([&] { c.l->releaseCase(q, Date{2022, 11, 20}); }) == gl::Error::Kind::Rejected);
  std::string deleted = c.open("home7_2022", "2022-11-14");
  c.l->tombstone(Table::Quarantine, deleted);
  CHECK(kindOf([&] { c.l->releaseCase(deleted, Date{2022, 11, 20}); }) == gl::Error::Kind::Rejected);
  CHECK(kindOf([&] { c.l->releaseCase("no-such-case", Date{2022, 11, 20}); }) == gl::Error::Kind::BadInput);
  std::string cancelled = c.open("home7_2022", "2022-11-14", "cancelled");
  CHECK(kindOf([&] { c.l->releaseCase(cancelled, Date{2022, 11, 20}); }) == gl::Error::Kind::Rejected);
}

TEST_CASE("extending a case moves its planned end and refuses an end before the start") {
  Cases c;
  std::string q = c.open("home7_2022", "2022-11-14");  // planned end 11-20
  c.l->extendCase(q, Date{2022, 11, 23});
  CHECK(c.row(q)["planned_end_on"] == Value("2022-11-23"));
  CHECK(c.row(q)["status"] == Value("active"));
  try {
    c.l->extendCase(q, Date{2022, 11, 13});
    FAIL("an end before the start was accepted");
  } catch (const gl::ValidationError& e) {
    REQUIRE(e.issues().size() == 1);
    CHECK(e.issues()[0].code == gl::core::IssueCode::QuarantineEndBeforeStart);
  }
  CHECK(c.row(q)["planned_end_on"] == Value("2022-11-23"));
  c.l->releaseCase(q, Date{2022, 11, 23});
  CHECK(kindOf([&] { c.l->extendCase(q, Date{2022, 11, 30}); }) == gl::Error::Kind::Rejected);
}

TEST_CASE("transferring a case closes it with the new status, the date and the place it went to") {
  Cases c;
  std::string q = c.open("home7_2022", "2022-11-14");
  c.l->transferCase(q, Date{2022, 11, 16}, QuarantineStatus::Hospitalized, "县人民医院");
  auto row = c.row(q);
  CHECK(row["status"] == Value("hospitalized"));
  CHECK(row["ended_on"] == Value("2022-11-16"));
  CHECK(row["place"] == Value("县人民医院"));

  std::string kept = c.open("home7_2022", "2022-11-14");
  c.l->transferCase(kept, Date{2022, 11, 17}, QuarantineStatus::Transferred, "");
  CHECK(c.row(kept)["status"] == Value("transferred"));
  CHECK(c.row(kept)["place"] == Value("青城宾馆"));  // no new place given: the old one stays

  std::string other = c.open("home7_2022", "2022-11-14");
  CHECK(kindOf([&] {
          c.l->transferCase(other, Date{2022, 11, 17}, QuarantineStatus::Released, "");
        }) == gl::Error::Kind::BadInput);
  CHECK(kindOf([&] {
          c.l->transferCase(other, Date{2022, 11, 17}, QuarantineStatus::Cancelled, "");
        }) == gl::Error::Kind::BadInput);
  CHECK(c.row(other)["status"] == Value("active"));
  CHECK(kindOf([&] {
          c.l->transferCase(q, Date{2022, 11, 18}, QuarantineStatus::Transferred, "");
        }) == gl::Error::Kind::Rejected);
}
