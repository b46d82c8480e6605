#include "db/internal/policy_rows.h"

#include "core/columns.h"
#include "core/validation_error.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"

namespace gl::db {

namespace pc = core::col::policy;

namespace {

std::string text(const core::Cells& cells, std::string_view column) {
  const core::Value* v = findCell(cells, column);
  return v && *v ? **v : std::string();
}

int number(const core::Cells& cells, std::string_view column, int fallback) {
  std::string t = text(cells, column);
  if (t.empty()) return fallback;
  try {
    return std::stoi(t);
  } catch (const std::exception&) {
    return fallback;
  }
}

}  // namespace

core::Cells policyCells(const core::Policy& p) {
  std::string days;
  for (int d : p.testDays) days.append(days.empty() ? "" : ",").append(std::to_string(d));
  core::Cells cells = {
      {pc::code, p.code},
      {pc::name, p.name},
      {pc::kind, std::string(core::kindCode(p.kind))},
      {pc::days, std::to_string(p.days)},
      {pc::slotsPerDay, std::to_string(p.slotsPerDay)},
      {pc::testDays, days.empty() ? core::Value() : core::Value(days)},
      {pc::extendOnMissed, std::string(p.extendOnMissedCheck ? "1" : "0")},
      {pc::extensionDays, std::to_string(p.extensionDays)},
      {pc::followOn, p.followOn.empty() ? core::Value() : core::Value(p.followOn)},
  };
  return cells;
}

core::Policy policyFromCells(const core::Cells& cells) {
  core::Policy p;
  p.code = text(cells, pc::code);
  p.name = text(cells, pc::name);
  p.kind = core::kindFromCode(text(cells, pc::kind)).value_or(core::QuarantineKind::Home);
  p.days = number(cells, pc::days, 0);
  p.slotsPerDay = number(cells, pc::slotsPerDay, 2);
  std::string days = text(cells, pc::testDays);
  std::size_t start = 0;
  while (start < days.size()) {
    auto comma = days.find(',', start);
    std::string item = days.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    try {
      if (!item.empty()) p.testDays.push_back(std::stoi(item));
    } catch (const std::exception&) {
      p.testDays.push_back(-1);  // reported by validatePolicy as a test day outside the period
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  p.extendOnMissedCheck = number(cells, pc::extendOnMissed, 0) != 0;
  p.extensionDays = number(cells, pc::extensionDays, 1);
  p.followOn = text(cells, pc::followOn);
  return p;
}

std::optional<core::Policy> findPolicy(LedgerState& s, std::string_view code) {
  const auto& spec = core::tableSpec(core::Table::Policy);
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM policy WHERE code = ? AND deleted = 0 LIMIT 1");
  st.bind(1, std::string(code));
  if (!st.executeStep()) return std::nullopt;
  Row row = readRow(st, spec);
  st.reset();
  return policyFromCells(row.cells);
}

}  // namespace gl::db
