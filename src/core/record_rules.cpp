#include "core/record_rules.h"

#include "core/identity.h"
#include "core/lifecycle.h"

namespace gl::core {

namespace {

bool given(const Cells& cells, std::string_view column) { return findCell(cells, column) != nullptr; }

std::string textOr(const Cells& row, std::string_view column) {
  const Value* v = findCell(row, column);
  return v && *v ? **v : std::string();
}

void setBoth(Cells& given, Cells& row, std::string_view column, Value value) {
  setCell(given, column, value);
  setCell(row, column, std::move(value));
}

}  // namespace

void residentRules(Cells& in, Cells& row, Date today, std::vector<Issue>& issues) {
  std::string id = textOr(row, "id_number");
  std::string birth = textOr(row, "birth_date");
  if (given(in, "birth_date") && !birth.empty() && birth > today.iso())
    issues.push_back({IssueCode::DateOutOfRange, "birth_date", 0, 0, birth});
  if (id.empty()) {
    if (given(in, "id_number") && !given(in, "id_type")) setBoth(in, row, "id_type", std::nullopt);
    return;
  }
  // A type given with the number decides its shapes; a stored type does not hold back a new number.
  auto checked = checkId(id, today, hintForIdType(given(in, "id_type") ? textOr(row, "id_type") : ""));
  if (!checked.valid) return;
  std::string kind(idKindCode(checked.kind));
  bool idChanged = given(in, "id_number");
  if (idChanged && !given(in, "id_type")) setBoth(in, row, "id_type", kind);
  if (checked.birthDate) {
    std::string derived = checked.birthDate->iso();
    if (given(in, "birth_date") && !birth.empty() && birth != derived)
      issues.push_back({IssueCode::IdContradiction, "birth_date", 0, 0, birth});
    else if (idChanged && !given(in, "birth_date"))
      setBoth(in, row, "birth_date", derived);
  }
  if (checked.sex != Sex::Unknown) {
    std::string derived(sexCode(checked.sex));
    std::string sex = textOr(row, "sex");
    if (given(in, "sex") && !sex.empty() && sex != derived)
      issues.push_back({IssueCode::IdContradiction, "sex", 0, 0, sex});
    else if (idChanged && !given(in, "sex"))
      setBoth(in, row, "sex", derived);
  }
}

void quarantineRules(const std::optional<Policy>& policy, Cells& in, Cells& row, bool isNew,
                     std::vector<Issue>& issues) {
  if (isNew && textOr(row, "status").empty()) setBoth(in, row, "status", std::string("active"));
  bool rederive = isNew || given(in, "policy") || given(in, "start_on");
  if (policy && rederive) {
    if (!given(in, "kind")) setBoth(in, row, "kind", std::string(kindCode(policy->kind)));
    auto start = Date::fromIso(textOr(row, "start_on"));
    if (start && !given(in, "planned_end_on"))
      setBoth(in, row, "planned_end_on", plannedEnd(*policy, *start).iso());
  }
  std::string start = textOr(row, "start_on"), end = textOr(row, "planned_end_on");
  if (!start.empty() && !end.empty() && end < start)
    issues.push_back({IssueCode::QuarantineEndBeforeStart, "planned_end_on"});
  std::string status = textOr(row, "status"), ended = textOr(row, "ended_on");
  bool closed = status == "released" || status == "transferred" || status == "hospitalized";
  if (closed && ended.empty()) issues.push_back({IssueCode::FieldRequired, "ended_on"});
  if (!ended.empty() && !start.empty() && ended < start) issues.push_back({IssueCode::QuarantineEndBeforeStart, "ended_on"});
}

}  // namespace gl::core
