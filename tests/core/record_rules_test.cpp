// The record rules (core/record_rules.h), once for every writer: what an identity number and a
// policy derive, and what contradicts them.
#include <doctest/doctest.h>

#include "core/identity.h"
#include "core/lifecycle.h"
#include "core/policy.h"
#include "core/record_rules.h"

using gl::core::Cells;
using gl::core::Date;
using gl::core::IssueCode;
using gl::core::Value;

namespace {
const Date kToday{2022, 11, 20};
std::string validId(const std::string& first17) { return first17 + gl::core::gb11643CheckDigit(first17); }
Value at(const Cells& cells, const char* column) {
  const Value* v = gl::core::findCell(cells, column);
  return v ? *v : Value();
}
bool has(const std::vector<gl::core::Issue>& issues, IssueCode code, const char* field) {
  for (const auto& i : issues)
    if (i.code == code && i.field == field) return true;
  return false;
}
}  // namespace

TEST_CASE("a resident's identity number gives the birth date, sex and document type, and refuses contradictions") {
  const std::string woman = validId("37032219850101002");  // 17th digit even: female
  {
    Cells given{{"id_number", woman}}, row = given;
    std::vector<gl::core::Issue> issues;
    gl::core::residentRules(given, row, kToday, issues);
    CHECK(issues.empty());
    CHECK(at(row, "birth_date") == Value("1985-01-01"));
    CHECK(at(row, "sex") == Value("female"));
    CHECK(at(row, "id_type") == Value("resident"));
    CHECK(at(given, "sex") == Value("female"));  // derived cells are written too
  }
  {
    Cells given{{"id_number", woman}, {"sex", std::string("male")}, {"birth_date", std::string("1985-01-02")}};
    Cells row = given;
    std::vector<gl::core::Issue> issues;
    gl::core::residentRules(given, row, kToday, issues);
    CHECK(has(issues, IssueCode::IdContradiction, "sex"));
    CHECK(has(issues, IssueCode::IdContradiction, "birth_date"));
  }
  {
    Cells given{{"birth_date", std::string("2030-01-01")}}, row = given;
    std::vector<gl::core::Issue> issues;
    gl::core::residentRules(given, row, kToday, issues);
    CHECK(has(issues, IssueCode::DateOutOfRange, "birth_date"));
  }
  {  // an edit of another cell does not re-derive from a stored number
    Cells given{{"phone", std::string("13800000000")}};
    Cells row{{"id_number", woman}, {"sex", std::string("female")}, {"phone", std::string("13800000000")}};
    std::vector<gl::core::Issue> issues;
    gl::core::residentRules(given, row, kToday, issues);
    CHECK(issues.empty());
    CHECK(gl::core::findCell(given, "birth_date") == nullptr);
  }
}

TEST_CASE("a quarantine takes its kind and planned end from the policy, and its dates must hold together") {
  auto policies = gl::core::builtinPolicies();
  const gl::core::Policy* home = gl::core::findPolicy(policies, "home7_2022");
  REQUIRE(home);
  {
    Cells given{{"policy", std::string("home7_2022")}, {"start_on", std::string("2022-11-18")}}, row = given;
    std::vector<gl::core::Issue> issues;
    gl::core::quarantineRules(*home, given, row, true, issues);
    CHECK(issues.empty());
    CHECK(at(row, "status") == Value("active"));
    CHECK(at(row, "kind") == Value("home"));
    CHECK(at(row, "planned_end_on") == Value(gl::core::plannedEnd(*home, Date{2022, 11, 18}).iso()));
  }
  {
    Cells given{{"start_on", std::string("2022-11-18")}, {"planned_end_on", std::string("2022-11-10")}};
    Cells row = given;
    std::vector<gl::core::Issue> issues;
    gl::core::quarantineRules(std::nullopt, given, row, true, issues);
    CHECK(has(issues, IssueCode::QuarantineEndBeforeStart, "planned_end_on"));
  }
  {
    Cells given{{"status", std::string("released")}};
    Cells row{{"start_on", std::string("2022-11-18")}, {"status", std::string("released")}};
    std::vector<gl::core::Issue> issues;
    gl::core::quarantineRules(std::nullopt, given, row, false, issues);
    CHECK(has(issues, IssueCode::FieldRequired, "ended_on"));
  }
}
