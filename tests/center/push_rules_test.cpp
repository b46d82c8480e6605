// The data center applies the record rules to what a push changes (core/pushed_row_rules.h): a cell
// that contradicts the row is refused as `inconsistent` and answered with what stands, a derived cell
// the push left out is written under the data center's stamp, a new row that breaks a rule is not kept.
#include <doctest/doctest.h>

#include "core/identity.h"
#include "push_support.h"

using gl::core::Hlc;
using gl::core::SyncCell;
using gl::core::Table;
using gl::core::Value;
using gl::test::account;
using gl::test::kNow;
using gl::test::kSiteA;
using gl::test::kSiteB;

namespace {

const std::string kPerson = "0190a000-0000-7000-8000-0000000000d1";
const std::string kCase = "0190a000-0000-7000-8000-0000000000e1";
const std::string kPolicy = "0190a000-0000-7000-8000-0000000000f1";
const auto kAdmin = account(gl::core::Role::CountyAdmin, {"370322"});

std::string validId(const std::string& first17) { return first17 + gl::core::gb11643CheckDigit(first17); }
const std::string kWoman = validId("37032219850101002");  // born 1985-01-01, female
const std::string kMan = validId("37032219900215003");    // born 1990-02-15, male

SyncCell on(Table table, const std::string& row, const std::string& column, const std::string& value,
            std::int64_t ms, std::int64_t baseMs = 0) {
  return SyncCell{table, row, column, value, Hlc{ms, 0}, {}, Hlc{baseMs, 0}};
}

std::vector<SyncCell> woman(std::int64_t ms) {
  return {on(Table::Resident, kPerson, "name", "王秀英", ms), on(Table::Resident, kPerson, "id_number", kWoman, ms),
          on(Table::Resident, kPerson, "id_type", "resident", ms),
          on(Table::Resident, kPerson, "birth_date", "1985-01-01", ms),
          on(Table::Resident, kPerson, "sex", "female", ms)};
}

Value pulled(gl::test::PushingCenter& c, const std::string& row, const std::string& column) {
  auto cell = c.pulled(kAdmin, row, column);
  return cell ? cell->value : Value("(none)");
}

}  // namespace

TEST_CASE("a pushed birth date or sex the identity number contradicts is refused and answered with what stands") {
  gl::test::PushingCenter c;
  REQUIRE(c.push(kAdmin, kSiteA, woman(kNow - 9000)).accepted == 5);
  const std::int64_t seen = kNow - 9000;
  for (auto [column, value] : {std::pair{"birth_date", "1999-09-09"}, std::pair{"sex", "male"}}) {
    CAPTURE(column);
    auto r = c.push(kAdmin, kSiteB, {on(Table::Resident, kPerson, column, value, kNow - 5000, seen),
                                     on(Table::Resident, kPerson, "phone", "13800138000", kNow - 5000, seen)});
    CHECK(r.accepted == 1);  // the phone goes in
    REQUIRE(r.refused.size() == 1);
    CHECK(r.refused[0].reason == "inconsistent");
    CHECK(r.refused[0].column == column);
    REQUIRE(r.current.size() == 1);
    CHECK(r.current[0].value != Value(value));
    CHECK(r.conflicts == 0);
  }
  CHECK(pulled(c, kPerson, "birth_date") == Value("1985-01-01"));
  CHECK(pulled(c, kPerson, "sex") == Value("female"));
  CHECK(pulled(c, kPerson, "phone") == Value("13800138000"));
}

TEST_CASE("a new identity number pushed alone brings its birth date and sex, stamped by the data center") {
  gl::test::PushingCenter c;
  REQUIRE(c.push(kAdmin, kSiteA, woman(kNow - 9000)).accepted == 5);
  auto r = c.push(kAdmin, kSiteB, {on(Table::Resident, kPerson, "id_number", kMan, kNow - 5000, kNow - 9000)});
  CHECK(r.accepted == 1);
  CHECK(r.refused.empty());
  CHECK(pulled(c, kPerson, "birth_date") == Value("1990-02-15"));
  CHECK(pulled(c, kPerson, "sex") == Value("male"));
  auto birth = c.pulled(kAdmin, kPerson, "birth_date");
  REQUIRE(birth);
  CHECK(birth->site == "center");
  CHECK(birth->hlc > Hlc{kNow - 5000, 0});  // newer than the number it follows from
  // The type did not change (still a resident identity card): nothing written for it.
  CHECK(c.pulled(kAdmin, kPerson, "id_type")->site == kSiteA);
}

TEST_CASE("a new row that breaks a record rule is refused whole and not kept") {
  gl::test::PushingCenter c;
  auto cells = woman(kNow - 9000);
  cells[3].value = "1970-01-01";  // the birth date the number does not give
  auto r = c.push(kAdmin, kSiteA, cells);
  CHECK(r.accepted == 0);
  REQUIRE(r.refused.size() == 5);
  for (const auto& x : r.refused) CHECK(x.reason == "inconsistent");
  CHECK(r.current.empty());
  CHECK(pulled(c, kPerson, "name") == Value("(none)"));
}

TEST_CASE("a quarantine's planned end follows its policy at the data center, and a closed case needs its end") {
  gl::test::PushingCenter c;
  const std::int64_t t0 = kNow - 9000;
  REQUIRE(c.push(kAdmin, kSiteA,
                 {on(Table::Policy, kPolicy, "code", "home7", t0), on(Table::Policy, kPolicy, "name", "Home 7", t0),
                  on(Table::Policy, kPolicy, "kind", "home", t0), on(Table::Policy, kPolicy, "days", "7", t0),
                  on(Table::Policy, kPolicy, "slots_per_day", "2", t0)})
              .refused.empty());
  REQUIRE(c.push(kAdmin, kSiteA,
                 {on(Table::Quarantine, kCase, "resident", kPerson, t0), on(Table::Quarantine, kCase, "policy", "home7", t0),
                  on(Table::Quarantine, kCase, "kind", "home", t0),
                  on(Table::Quarantine, kCase, "start_on", "2022-11-20", t0),
                  on(Table::Quarantine, kCase, "planned_end_on", "2022-11-26", t0),
                  on(Table::Quarantine, kCase, "status", "active", t0)})
              .refused.empty());
  auto moved = c.push(kAdmin, kSiteB, {on(Table::Quarantine, kCase, "start_on", "2022-11-22", kNow - 5000, t0)});
  CHECK(moved.refused.empty());
  CHECK(pulled(c, kCase, "planned_end_on") == Value("2022-11-28"));

  auto closed = c.push(kAdmin, kSiteB, {on(Table::Quarantine, kCase, "status", "released", kNow - 4000, t0)});
  CHECK(closed.accepted == 0);
  REQUIRE(closed.refused.size() == 1);
  CHECK(closed.refused[0].reason == "inconsistent");
  CHECK(pulled(c, kCase, "status") == Value("active"));
  auto ended = c.push(kAdmin, kSiteB, {on(Table::Quarantine, kCase, "status", "released", kNow - 3000, t0),
                                       on(Table::Quarantine, kCase, "ended_on", "2022-11-28", kNow - 3000, t0)});
  CHECK(ended.refused.empty());
  CHECK(pulled(c, kCase, "status") == Value("released"));
}
