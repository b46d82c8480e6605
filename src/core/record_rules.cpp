#include "core/record_rules.h"

#include "core/columns.h"
#include "core/identity.h"
#include "core/lifecycle.h"

namespace gl::core {

namespace r = col::resident;
namespace q = col::quarantine;

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

Issue issue(IssueCode code, const Column& column, std::string detail = {}) {
  return Issue(code, std::string(column.name), 0, 0, std::move(detail));
}

}  // namespace

void residentRules(Cells& in, Cells& row, Date today, std::vector<Issue>& issues) {
  std::string id = textOr(row, r::idNumber);
  std::string birth = textOr(row, r::birthDate);
  if (given(in, r::birthDate) && !birth.empty() && birth > today.iso())
    issues.push_back(issue(IssueCode::DateOutOfRange, r::birthDate, birth));
  if (id.empty()) {
    if (given(in, r::idNumber) && !given(in, r::idType)) setBoth(in, row, r::idType, std::nullopt);
    return;
  }
  // A type given with the number decides its shapes; a stored type does not hold back a new number.
  auto checked = checkId(id, today, hintForIdType(given(in, r::idType) ? textOr(row, r::idType) : ""));
  if (!checked.valid) return;
  std::string kind(idKindCode(checked.kind));
  bool idChanged = given(in, r::idNumber);
  if (idChanged && !given(in, r::idType)) setBoth(in, row, r::idType, kind);
  if (checked.birthDate) {
    std::string derived = checked.birthDate->iso();
    if (given(in, r::birthDate) && !birth.empty() && birth != derived)
      issues.push_back(issue(IssueCode::IdContradiction, r::birthDate, birth));
    else if (idChanged && !given(in, r::birthDate))
      setBoth(in, row, r::birthDate, derived);
  }
  if (checked.sex != Sex::Unknown) {
    std::string derived(sexCode(checked.sex));
    std::string sex = textOr(row, r::sex);
    if (given(in, r::sex) && !sex.empty() && sex != derived)
      issues.push_back(issue(IssueCode::IdContradiction, r::sex, sex));
    else if (idChanged && !given(in, r::sex))
      setBoth(in, row, r::sex, derived);
  }
}

void quarantineRules(const std::optional<Policy>& policy, Cells& in, Cells& row, bool isNew,
                     std::vector<Issue>& issues) {
  if (isNew && textOr(row, q::status).empty())
    setBoth(in, row, q::status, std::string(statusCode(QuarantineStatus::Active)));
  bool rederive = isNew || given(in, q::policy) || given(in, q::startOn);
  if (policy && rederive) {
    if (!given(in, q::kind)) setBoth(in, row, q::kind, std::string(kindCode(policy->kind)));
    auto start = Date::fromIso(textOr(row, q::startOn));
    if (start && !given(in, q::plannedEndOn))
      setBoth(in, row, q::plannedEndOn, plannedEnd(*policy, *start).iso());
  }
  std::string start = textOr(row, q::startOn), end = textOr(row, q::plannedEndOn);
  if (!start.empty() && !end.empty() && end < start)
    issues.push_back(issue(IssueCode::QuarantineEndBeforeStart, q::plannedEndOn));
  auto status = statusFromCode(textOr(row, q::status));
  std::string ended = textOr(row, q::endedOn);
  bool closed = status == QuarantineStatus::Released || status == QuarantineStatus::Transferred ||
                status == QuarantineStatus::Hospitalized;
  if (closed && ended.empty()) issues.push_back(issue(IssueCode::FieldRequired, q::endedOn));
  if (!ended.empty() && !start.empty() && ended < start)
    issues.push_back(issue(IssueCode::QuarantineEndBeforeStart, q::endedOn));
}

}  // namespace gl::core
