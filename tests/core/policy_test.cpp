#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/schema.h"

using namespace gl::core;

namespace {

const Policy& builtin(const std::vector<Policy>& all, std::string_view code) {
  const Policy* p = findPolicy(all, code);
  REQUIRE_MESSAGE(p != nullptr, code);
  return *p;
}

bool hasIssue(const std::vector<Issue>& issues, IssueCode code, std::string_view field, std::string_view detail = {}) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
    return i.code == code && i.field == field && (detail.empty() || i.detail == detail);
  });
}

}  // namespace

TEST_CASE("the built-in policies follow the national timeline of 2020-2022") {
  auto all = builtinPolicies();

  const Policy& p2020 = builtin(all, "home14_2020");
  CHECK(p2020.days == 14);
  CHECK(p2020.slotsPerDay == 2);
  CHECK(p2020.testDays.empty());

  const Policy& p8 = builtin(all, "central14_home7_2021");
  CHECK(p8.kind == QuarantineKind::Centralized);
  CHECK(p8.days == 14);
  CHECK(p8.testDays == std::vector<int>{1, 4, 7, 14});
  CHECK(p8.followOn == "monitor7_2021");
  CHECK(builtin(all, "monitor7_2021").kind == QuarantineKind::HealthMonitoring);
  CHECK(builtin(all, "monitor7_2021").days == 7);

  const Policy& p9 = builtin(all, "central7_monitor3_2022");
  CHECK(p9.days == 7);
  CHECK(p9.testDays == std::vector<int>{1, 2, 3, 5, 7});
  const Policy& p9m = builtin(all, p9.followOn);
  CHECK(p9m.kind == QuarantineKind::HealthMonitoring);
  CHECK(p9m.days == 3);
  CHECK(p9m.testDays == std::vector<int>{3});
  const Policy& p9s = builtin(all, "home7_secondary_2022");
  CHECK(p9s.kind == QuarantineKind::Home);
  CHECK(p9s.testDays == std::vector<int>{1, 4, 7});

  const Policy& p20 = builtin(all, "central5_home3_2022");
  CHECK(p20.days == 5);
  CHECK(p20.testDays == std::vector<int>{1, 2, 3, 5});
  const Policy& p20h = builtin(all, p20.followOn);
  CHECK(p20h.kind == QuarantineKind::Home);
  CHECK(p20h.days == 3);
  CHECK(p20h.testDays == std::vector<int>{1, 3});
  CHECK(builtin(all, "home7_2022").testDays == std::vector<int>{1, 3, 5, 7});
}

TEST_CASE("every built-in policy is valid and the set is consistent") {
  auto all = builtinPolicies();
  for (const Policy& p : all) {
    CAPTURE(p.code);
    CHECK(validatePolicy(p).empty());
    CHECK_FALSE(p.name.empty());
    CHECK_FALSE(p.extendOnMissedCheck);  // national rules leave a missed check to a person
  }
  CHECK(validatePolicies(all).empty());
}

TEST_CASE("built-in policies use kind codes the data model accepts") {
  for (const Policy& p : builtinPolicies()) {
    CHECK(std::find(std::begin(codes::kQuarantineKind), std::end(codes::kQuarantineKind), kindCode(p.kind)) !=
          std::end(codes::kQuarantineKind));
  }
}

TEST_CASE("validatePolicy rejects bad lengths, slots and test days") {
  Policy p = builtinPolicies().front();

  p.days = 0;
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadDays, "days", "0"));
  p.days = 61;
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadDays, "days", "61"));
  p.days = 60;
  CHECK(validatePolicy(p).empty());

  p.slotsPerDay = 0;
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadSlots, "slots_per_day", "0"));
  p.slotsPerDay = 4;
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadSlots, "slots_per_day", "4"));
  p.slotsPerDay = 3;  // three readings a day, as some 2020 communities asked
  CHECK(validatePolicy(p).empty());

  p.days = 7;
  p.testDays = {1, 8};
  auto issues = validatePolicy(p);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == IssueCode::PolicyBadTestDay);
  CHECK(issues[0].field == "test_days");
  CHECK(issues[0].detail == "8");
  p.testDays = {0};
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadTestDay, "test_days", "0"));
  p.testDays = {3, 3};
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadTestDay, "test_days", "3"));
  p.testDays = {7};
  CHECK(validatePolicy(p).empty());
}

TEST_CASE("validatePolicy checks the code, the name, the extension and self-chaining") {
  Policy p;
  p.code = " ";
  p.name = "";
  auto issues = validatePolicy(p);
  CHECK(hasIssue(issues, IssueCode::FieldRequired, "code"));
  CHECK(hasIssue(issues, IssueCode::FieldRequired, "name"));

  p.code = "home7_local";
  p.name = "7 days at home, local rule";
  p.extendOnMissedCheck = true;
  p.extensionDays = 0;
  CHECK(hasIssue(validatePolicy(p), IssueCode::PolicyBadDays, "extension_days", "0"));
  p.extendOnMissedCheck = false;  // an unused extension length is not checked
  CHECK(validatePolicy(p).empty());

  p.followOn = "home7_local";
  CHECK(hasIssue(validatePolicy(p), IssueCode::BadReference, "follow_on", "home7_local"));
}

TEST_CASE("validatePolicies finds duplicate codes, unknown follow-ons and loops") {
  auto all = builtinPolicies();
  all.push_back(all.front());
  CHECK(hasIssue(validatePolicies(all), IssueCode::ValueNotAllowed, "code", "home14_2020"));

  all = builtinPolicies();
  all.erase(std::remove_if(all.begin(), all.end(), [](const Policy& p) { return p.code == "monitor3_2022"; }),
            all.end());
  CHECK(hasIssue(validatePolicies(all), IssueCode::BadReference, "follow_on", "monitor3_2022"));

  all = builtinPolicies();
  for (Policy& p : all)
    if (p.code == "monitor7_2021") p.followOn = "central14_home7_2021";
  CHECK(hasIssue(validatePolicies(all), IssueCode::BadReference, "follow_on"));

  all = builtinPolicies();
  all[0].days = 0;
  auto issues = validatePolicies(all);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == IssueCode::PolicyBadDays);
}

TEST_CASE("test days are stored as a comma list and read back from what people type") {
  CHECK(formatTestDays({1, 4, 7, 14}) == "1,4,7,14");
  CHECK(formatTestDays({7, 1, 3}) == "1,3,7");
  CHECK(formatTestDays({}) == "");
  CHECK(parseTestDays("1,4,7,14") == std::vector<int>{1, 4, 7, 14});
  CHECK(parseTestDays(" 1, 2 ,3 ") == std::vector<int>{1, 2, 3});
  CHECK(parseTestDays("1、3、5、7") == std::vector<int>{1, 3, 5, 7});
  CHECK(parseTestDays("１，３") == std::vector<int>{1, 3});
  CHECK(parseTestDays("") == std::vector<int>{});
  CHECK(parseTestDays("  ") == std::vector<int>{});
  CHECK_FALSE(parseTestDays("1,,3"));
  CHECK_FALSE(parseTestDays("1,a"));
  CHECK_FALSE(parseTestDays("1,"));
  CHECK_FALSE(parseTestDays("-1"));
  for (const Policy& p : builtinPolicies()) CHECK(parseTestDays(formatTestDays(p.testDays)) == p.testDays);
}

TEST_CASE("kind, status and reason codes round-trip and match the data model") {
  for (auto k : {QuarantineKind::Home, QuarantineKind::Centralized, QuarantineKind::HealthMonitoring})
    CHECK(kindFromCode(kindCode(k)) == k);
  CHECK(kindCode(QuarantineKind::Home) == "home");
  CHECK(kindCode(QuarantineKind::Centralized) == "central");
  CHECK(kindCode(QuarantineKind::HealthMonitoring) == "monitor");
  CHECK_FALSE(kindFromCode("居家隔离"));
  CHECK_FALSE(kindFromCode("Home"));

  for (auto code : codes::kQuarantineStatus) CHECK(statusCode(*statusFromCode(code)) == code);
  CHECK(statusFromCode("released") == QuarantineStatus::Released);
  CHECK(statusCode(QuarantineStatus::Hospitalized) == "hospitalized");
  CHECK_FALSE(statusFromCode("closed"));

  for (auto code : codes::kQuarantineReason) CHECK(reasonCode(*reasonFromCode(code)) == code);
  CHECK(reasonFromCode("secondary_contact") == QuarantineReason::SecondaryContact);
  CHECK_FALSE(reasonFromCode(""));
  for (auto code : codes::kQuarantineKind) CHECK(kindFromCode(code));
}
