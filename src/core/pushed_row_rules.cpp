#include "core/pushed_row_rules.h"

#include <algorithm>

#include "core/columns.h"
#include "core/record_rules.h"

namespace gl::core {

namespace {

namespace r = col::resident;
namespace q = col::quarantine;

std::vector<Issue> run(Table table, const std::optional<Policy>& policy, Cells& in, Cells& row, bool isNew,
                       Date today) {
  std::vector<Issue> issues;
  if (table == Table::Resident) residentRules(in, row, today, issues);
  if (table == Table::Quarantine) quarantineRules(policy, in, row, isNew, issues);
  return issues;
}

Cells applied(const Cells& stored, const Cells& pushed) {
  Cells row = stored;
  for (const auto& c : pushed) setCell(row, c.column, c.value);
  return row;
}

// The errors of `found` that `before` did not already have.
std::vector<Issue> fresh(const std::vector<Issue>& found, const std::vector<Issue>& before) {
  std::vector<Issue> out;
  for (const auto& i : found) {
    if (i.severity != Severity::Error) continue;
    bool old = std::any_of(before.begin(), before.end(),
                           [&](const Issue& b) { return b.code == i.code && b.field == i.field; });
    if (!old) out.push_back(i);
  }
  return out;
}

void drop(Cells& cells, std::string_view column) {
  std::erase_if(cells, [&](const Cell& c) { return c.column == column; });
}

}  // namespace

const std::vector<std::string>& ruledColumns(Table table) {
  static const std::vector<std::string> resident{std::string(r::idNumber.name), std::string(r::idType.name),
                                                 std::string(r::birthDate.name), std::string(r::sex.name)};
  static const std::vector<std::string> quarantine{
      std::string(q::policy.name),       std::string(q::startOn.name), std::string(q::plannedEndOn.name),
      std::string(q::kind.name),         std::string(q::status.name),  std::string(q::endedOn.name)};
  static const std::vector<std::string> none;
  return table == Table::Resident ? resident : table == Table::Quarantine ? quarantine : none;
}

bool ruledColumn(Table table, std::string_view column) {
  const auto& all = ruledColumns(table);
  return std::find(all.begin(), all.end(), column) != all.end();
}

RowRuling rulePushedRow(Table table, const Cells& stored, const Cells& pushed, const std::optional<Policy>& policy,
                        bool isNew, Date today) {
  RowRuling out;
  std::vector<Issue> before;
  if (!isNew) {  // checks only: with nothing given, the rules derive nothing
    Cells nothing, row = stored;
    before = run(table, policy, nothing, row, false, today);
  }
  Cells given = pushed;
  // Each pass either passes or refuses at least one pushed cell, so there are at most as many passes
  // as pushed cells, and one more.
  for (std::size_t pass = 0; pass <= pushed.size(); ++pass) {
    Cells in = given, row = applied(stored, given);
    auto found = fresh(run(table, policy, in, row, isNew, today), before);
    if (found.empty()) {
      for (const auto& c : in) {
        if (findCell(given, c.column)) continue;
        const Value* held = findCell(stored, c.column);
        if (isNew || !held || *held != c.value) out.derived.push_back(c);
      }
      return out;
    }
    out.issues.insert(out.issues.end(), found.begin(), found.end());
    for (const auto& i : found) {
      if (!findCell(given, i.field)) {
        out.wholeRow = true;
        return out;
      }
      out.refused.push_back(i.field);
      drop(given, i.field);
    }
  }
  out.wholeRow = true;
  return out;
}

}  // namespace gl::core
