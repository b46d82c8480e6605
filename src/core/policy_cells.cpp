#include "core/policy_cells.h"

#include "core/columns.h"

namespace gl::core {

namespace pc = col::policy;

namespace {

std::string text(const Cells& cells, std::string_view column) {
  const Value* v = findCell(cells, column);
  return v && *v ? **v : std::string();
}

int number(const Cells& cells, std::string_view column, int fallback) {
  std::string t = text(cells, column);
  if (t.empty()) return fallback;
  try {
    return std::stoi(t);
  } catch (const std::exception&) {
    return fallback;
  }
}

}  // namespace

Cells policyCells(const Policy& p) {
  std::string days;
  for (int d : p.testDays) days.append(days.empty() ? "" : ",").append(std::to_string(d));
  Cells cells = {
      {pc::code, p.code},
      {pc::name, p.name},
      {pc::kind, std::string(kindCode(p.kind))},
      {pc::days, std::to_string(p.days)},
      {pc::slotsPerDay, std::to_string(p.slotsPerDay)},
      {pc::testDays, days.empty() ? Value() : Value(days)},
      {pc::extendOnMissed, std::string(p.extendOnMissedCheck ? "1" : "0")},
      {pc::extensionDays, std::to_string(p.extensionDays)},
      {pc::followOn, p.followOn.empty() ? Value() : Value(p.followOn)},
  };
  return cells;
}

Policy policyFromCells(const Cells& cells) {
  Policy p;
  p.code = text(cells, pc::code);
  p.name = text(cells, pc::name);
  p.kind = kindFromCode(text(cells, pc::kind)).value_or(QuarantineKind::Home);
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

}  // namespace gl::core
