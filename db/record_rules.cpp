#include "db/record_rules.h"

#include "core/identity.h"
#include "core/lifecycle.h"
#include "core/validation_error.h"
#include "db/ledger_state.h"
#include "db/policy_rows.h"
#include "db/row_io.h"

namespace gl::db {

namespace {

using core::Cells;
using core::Issue;
using core::IssueCode;

bool given(const Cells& cells, std::string_view column) { return findCell(cells, column) != nullptr; }

std::string textOr(const Cells& row, std::string_view column) {
  const core::Value* v = findCell(row, column);
  return v && *v ? **v : std::string();
}

void setBoth(Cells& given, Cells& row, std::string_view column, core::Value value) {
  setCell(given, column, value);
  setCell(row, column, std::move(value));
}

void residentRules(Cells& in, Cells& row, core::Date today, std::vector<Issue>& issues) {
  std::string id = textOr(row, "id_number");
  std::string birth = textOr(row, "birth_date");
  if (given(in, "birth_date") && !birth.empty() && birth > today.iso())
    issues.push_back({IssueCode::DateOutOfRange, "birth_date", 0, 0, birth});
  if (id.empty()) {
    if (given(in, "id_number") && !given(in, "id_type")) setBoth(in, row, "id_type", std::nullopt);
    return;
  }
  // A type given with the number decides its shapes; a stored type does not hold back a new number.
  auto checked = core::checkId(id, today, core::hintForIdType(given(in, "id_type") ? textOr(row, "id_type") : ""));
  if (!checked.valid) return;
  std::string kind(core::idKindCode(checked.kind));
  bool idChanged = given(in, "id_number");
  if (idChanged && !given(in, "id_type")) setBoth(in, row, "id_type", kind);
  if (checked.birthDate) {
    std::string derived = checked.birthDate->iso();
    if (given(in, "birth_date") && !birth.empty() && birth != derived)
      issues.push_back({IssueCode::IdContradiction, "birth_date", 0, 0, birth});
    else if (idChanged && !given(in, "birth_date"))
      setBoth(in, row, "birth_date", derived);
  }
  if (checked.sex != core::Sex::Unknown) {
    std::string derived(core::sexCode(checked.sex));
    std::string sex = textOr(row, "sex");
    if (given(in, "sex") && !sex.empty() && sex != derived)
      issues.push_back({IssueCode::IdContradiction, "sex", 0, 0, sex});
    else if (idChanged && !given(in, "sex"))
      setBoth(in, row, "sex", derived);
  }
}

// `s` is null off the writer's thread (a prepared row), where no policy may be named.
void quarantineRules(LedgerState* s, Cells& in, Cells& row, bool isNew, std::vector<Issue>& issues) {
  if (isNew && textOr(row, "status").empty()) setBoth(in, row, "status", std::string("active"));
  std::string code = textOr(row, "policy");
  std::optional<core::Policy> policy;
  if (!code.empty() && s) {
    policy = findPolicy(*s, code);
    if (!policy && given(in, "policy")) issues.push_back({IssueCode::BadReference, "policy", 0, 0, code});
  }
  bool rederive = isNew || given(in, "policy") || given(in, "start_on");
  if (policy && rederive) {
    if (!given(in, "kind")) setBoth(in, row, "kind", std::string(core::kindCode(policy->kind)));
    auto start = core::Date::fromIso(textOr(row, "start_on"));
    if (start && !given(in, "planned_end_on"))
      setBoth(in, row, "planned_end_on", core::plannedEnd(*policy, *start).iso());
  }
  std::string start = textOr(row, "start_on"), end = textOr(row, "planned_end_on");
  if (!start.empty() && !end.empty() && end < start)
    issues.push_back({IssueCode::QuarantineEndBeforeStart, "planned_end_on"});
  std::string status = textOr(row, "status"), ended = textOr(row, "ended_on");
  bool closed = status == "released" || status == "transferred" || status == "hospitalized";
  if (closed && ended.empty()) issues.push_back({IssueCode::FieldRequired, "ended_on"});
  if (!ended.empty() && !start.empty() && ended < start) issues.push_back({IssueCode::QuarantineEndBeforeStart, "ended_on"});
}

std::int64_t countLive(LedgerState& s, const std::string& sql, std::string_view key) {
  auto& st = s.statement(sql);
  st.bind(1, std::string(key));
  std::int64_t n = st.executeStep() ? st.getColumn(0).getInt64() : 0;
  st.reset();
  return n;
}

}  // namespace

void applyRecordRules(LedgerState& s, core::Table table, Cells& in, Cells& row, bool isNew, core::Date today,
                      std::vector<Issue>& issues) {
  if (table == core::Table::Resident) residentRules(in, row, today, issues);
  if (table == core::Table::Quarantine) quarantineRules(&s, in, row, isNew, issues);
  if (table == core::Table::Policy) {
    auto found = core::validatePolicy(policyFromCells(row));
    issues.insert(issues.end(), found.begin(), found.end());
  }
}

bool applyLocalRecordRules(core::Table table, Cells& in, Cells& row, core::Date today, std::vector<Issue>& issues) {
  if (table == core::Table::Policy || !textOr(row, "policy").empty()) return false;
  if (table == core::Table::Resident) residentRules(in, row, today, issues);
  if (table == core::Table::Quarantine) quarantineRules(nullptr, in, row, true, issues);
  return true;
}

void checkPolicySet(LedgerState& s, const std::string& context) {
  std::vector<core::Policy> all;
  const auto& spec = core::tableSpec(core::Table::Policy);
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM policy WHERE deleted = 0");
  while (st.executeStep()) all.push_back(policyFromCells(readRow(st, spec).cells));
  st.reset();
  auto issues = core::validatePolicies(all);
  if (core::hasErrors(issues)) throw ValidationError(std::move(issues), context);
}

void checkNoDependants(LedgerState& s, core::Table table, std::string_view id, const Cells& row) {
  std::int64_t n = 0;
  const char* what = nullptr;
  if (table == core::Table::Household) {
    n = countLive(s, "SELECT count(*) FROM resident WHERE household = ? AND deleted = 0", id);
    what = N_("The household still has {count} residents: move or delete them first");
  } else if (table == core::Table::Resident) {
    n = countLive(s, "SELECT count(*) FROM quarantine WHERE resident = ? AND deleted = 0 AND status = 'active'", id);
    what = N_("The person is under quarantine ({count} active case): end or cancel it first");
  } else if (table == core::Table::Policy) {
    std::string code = textOr(row, "code");
    n = countLive(s, "SELECT count(*) FROM quarantine WHERE policy = ? AND deleted = 0 AND status = 'active'", code) +
        countLive(s, "SELECT count(*) FROM policy WHERE follow_on = ? AND deleted = 0", code);
    what = N_("{count} active cases or policies still use this policy");
  }
  if (n > 0) throw Error(Error::Kind::Rejected, what, {{"count", std::to_string(n)}}, std::string(id));
}

}  // namespace gl::db
