#include "db/internal/policy_rows.h"

#include "core/validation_error.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"

namespace gl::db {

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
      {"code", p.code},
      {"name", p.name},
      {"kind", std::string(core::kindCode(p.kind))},
      {"days", std::to_string(p.days)},
      {"slots_per_day", std::to_string(p.slotsPerDay)},
      {"test_days", days.empty() ? core::Value() : core::Value(days)},
      {"extend_on_missed", std::string(p.extendOnMissedCheck ? "1" : "0")},
      {"extension_days", std::to_string(p.extensionDays)},
      {"follow_on", p.followOn.empty() ? core::Value() : core::Value(p.followOn)},
  };
  return cells;
}

core::Policy policyFromCells(const core::Cells& cells) {
  core::Policy p;
  p.code = text(cells, "code");
  p.name = text(cells, "name");
  p.kind = core::kindFromCode(text(cells, "kind")).value_or(core::QuarantineKind::Home);
  p.days = number(cells, "days", 0);
  p.slotsPerDay = number(cells, "slots_per_day", 2);
  std::string days = text(cells, "test_days");
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
  p.extendOnMissedCheck = number(cells, "extend_on_missed", 0) != 0;
  p.extensionDays = number(cells, "extension_days", 1);
  p.followOn = text(cells, "follow_on");
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
