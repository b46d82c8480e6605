#include "db/internal/record_rules.h"

#include "core/columns.h"
#include "core/lifecycle.h"
#include "core/record_rules.h"
#include "core/validation_error.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/internal/row_io.h"

namespace gl::db {

namespace {

namespace col = core::col;
using core::Cells;
using core::Issue;
using core::IssueCode;

bool given(const Cells& cells, std::string_view column) { return findCell(cells, column) != nullptr; }

std::string textOr(const Cells& row, std::string_view column) {
  const core::Value* v = findCell(row, column);
  return v && *v ? **v : std::string();
}

// `s` is null off the writer's thread (a prepared row), where no policy may be named.
void quarantineRules(LedgerState* s, Cells& in, Cells& row, bool isNew, std::vector<Issue>& issues) {
  std::string code = textOr(row, col::quarantine::policy);
  std::optional<core::Policy> policy;
  if (!code.empty() && s) {
    policy = findPolicy(*s, code);
    if (!policy && given(in, col::quarantine::policy))
      issues.push_back({IssueCode::BadReference, std::string(col::quarantine::policy.name), 0, 0, code});
  }
  core::quarantineRules(policy, in, row, isNew, issues);
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
  if (table == core::Table::Resident) core::residentRules(in, row, today, issues);
  if (table == core::Table::Quarantine) quarantineRules(&s, in, row, isNew, issues);
  if (table == core::Table::Policy) {
    auto found = core::validatePolicy(core::policyFromCells(row));
    issues.insert(issues.end(), found.begin(), found.end());
  }
}

bool applyLocalRecordRules(core::Table table, Cells& in, Cells& row, core::Date today, std::vector<Issue>& issues) {
  if (table == core::Table::Policy || !textOr(row, col::quarantine::policy).empty()) return false;
  if (table == core::Table::Resident) core::residentRules(in, row, today, issues);
  if (table == core::Table::Quarantine) quarantineRules(nullptr, in, row, true, issues);
  return true;
}

void checkPolicySet(LedgerState& s, const std::string& context) {
  std::vector<core::Policy> all;
  const auto& spec = core::tableSpec(core::Table::Policy);
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM policy WHERE deleted = 0");
  while (st.executeStep()) all.push_back(core::policyFromCells(readRow(st, spec).cells));
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
    std::string code = textOr(row, col::policy::code);
    n = countLive(s, "SELECT count(*) FROM quarantine WHERE policy = ? AND deleted = 0 AND status = 'active'", code) +
        countLive(s, "SELECT count(*) FROM policy WHERE follow_on = ? AND deleted = 0", code);
    what = N_("{count} active cases or policies still use this policy");
  }
  if (n > 0) throw Error(Error::Kind::Rejected, what, {{"count", std::to_string(n)}}, std::string(id));
}

}  // namespace gl::db
