#include "core/schema.h"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "core/columns.h"
#include "core/date_parse.h"
#include "core/schema_columns.h"
#include "core/identity.h"
#include "core/phone.h"
#include "core/temperature.h"
#include "core/utf8.h"

namespace gl::core {

Cell::Cell(const Column& column, Value value) : column(column.name), value(std::move(value)) {}

namespace {

using namespace schema_data;

constexpr TableSpec kTables[] = {
    {Table::Region, "region", "regions", kRegion},
    {Table::Grid, "grid", "grids", kGrid},
    {Table::Worker, "worker", "workers", kWorker},
    {Table::Household, "household", "households", kHousehold},
    {Table::Resident, "resident", "residents", kResident},
    {Table::Quarantine, "quarantine", "quarantines", kQuarantine},
    {Table::HealthCheck, "health_check", "health_checks", kHealthCheck},
    {Table::Visit, "visit", "visits", kVisit},
    {Table::Campaign, "campaign", "campaigns", kCampaign},
    {Table::Policy, "policy", "policies", kPolicy},
};

Issue issue(IssueCode code, const ColumnSpec& c, std::string detail = {}) {
  return Issue{code, std::string(c.name), 0, 0, std::move(detail)};
}

bool isCode(std::span<const std::string_view> list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::size_t countChars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

void normalizeNumber(const ColumnSpec& c, std::string& text, std::vector<Issue>& out) {
  bool integer = c.type == ColumnType::Integer;
  char* end = nullptr;
  errno = 0;
  if (integer) {
    long long v = std::strtoll(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || errno != 0) {
      out.push_back(issue(IssueCode::BadNumber, c, text));
      return;
    }
    text = std::to_string(v);
  } else {
    // from_chars, unlike strtod, never follows the locale's decimal comma.
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      out.push_back(issue(IssueCode::BadNumber, c, text));
      return;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    text = buf;
  }
}

void normalizeDate(const ColumnSpec& c, std::string& text, std::vector<Issue>& out) {
  DateParseOptions opts;
  opts.field = std::string(c.name);
  // GB 11643's own example is born in 1880 (docs/domain.md §1.1); birth dates go back that far.
  if (c.name == col::resident::birthDate.name) opts.earliest = Date{1880, 1, 1};
  auto parsed = parseDate(text, opts);
  if (parsed.date)
    text = parsed.date->iso();
  else
    out.insert(out.end(), parsed.issues.begin(), parsed.issues.end());
}

// A comma-separated list of codes: each one allowed, each kept once, in the order given.
void normalizeCodeList(const ColumnSpec& c, std::string& text, std::vector<Issue>& out) {
  std::string normalized;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    std::string item = utf8::trim(text.substr(start, comma == std::string::npos ? comma : comma - start));
    if (!item.empty()) {
      if (!isCode(c.codes, item))
        out.push_back(issue(IssueCode::ValueNotAllowed, c, item));
      else if ((',' + normalized + ',').find(',' + item + ',') == std::string::npos)
        normalized.append(normalized.empty() ? "" : ",").append(item);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  text = normalized;
}

void normalizeIdNumber(const ColumnSpec& c, std::string& text, Date today, IdTypeHint idHint,
                       std::vector<Issue>& out) {
  IdCheck id = checkId(text, today, idHint);
  for (auto& i : id.issues) {
    i.field = std::string(c.name);
    out.push_back(std::move(i));
  }
  if (id.valid) text = id.normalized;
}

void normalizePhones(const ColumnSpec& c, std::string& text, std::vector<Issue>& out) {
  std::string joined;
  for (auto& p : checkPhones(text)) {
    for (auto& i : p.issues) {
      i.field = std::string(c.name);
      out.push_back(std::move(i));
    }
    if (p.valid) joined.append(joined.empty() ? "" : ",").append(p.normalized);
  }
  if (!hasErrors(out)) text = joined;
}

void normalizeTemperature(const ColumnSpec& c, std::string& text, std::vector<Issue>& out) {
  auto t = parseTemperature(text);
  for (auto& i : t.issues) {
    i.field = std::string(c.name);
    out.push_back(std::move(i));
  }
  if (t.tenths) text = formatTemperature(*t.tenths);
}

}  // namespace

const ColumnSpec* TableSpec::column(std::string_view n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

std::span<const TableSpec> tables() { return kTables; }

const TableSpec& tableSpec(Table t) {
  for (const auto& s : kTables)
    if (s.table == t) return s;
  return kTables[0];
}

const TableSpec* findTable(std::string_view name) {
  for (const auto& s : kTables)
    if (s.name == name || s.pluralName == name) return &s;
  return nullptr;
}

std::vector<Issue> normalizeCell(const ColumnSpec& c, Value& value, Date today, IdTypeHint idHint) {
  std::vector<Issue> out;
  if (!value) return out;
  // Control characters other than tab and line ends, or bytes that are not UTF-8, come from damaged
  // files or copy accidents; they would travel on to exports and other ledgers.
  bool control = std::any_of(value->begin(), value->end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7F;
  });
  if (control || !utf8::isValid(*value)) {
    out.push_back(issue(IssueCode::BadText, c));
    return out;
  }
  std::string text = utf8::trim(*value);
  if (text.empty()) {
    value.reset();
    return out;
  }
  switch (c.type) {
    case ColumnType::Text:
      if (c.foldWidth) text = utf8::foldWidth(text);
      break;
    case ColumnType::Reference:
      break;
    case ColumnType::Integer:
    case ColumnType::Real:
      normalizeNumber(c, text = utf8::foldWidth(text), out);
      break;
    case ColumnType::Date:
      normalizeDate(c, text, out);
      break;
    case ColumnType::Code:
      if (!isCode(c.codes, text)) out.push_back(issue(IssueCode::ValueNotAllowed, c, text));
      break;
    case ColumnType::CodeList:
      normalizeCodeList(c, text, out);
      break;
    case ColumnType::IdNumber:
      normalizeIdNumber(c, text, today, idHint, out);
      break;
    case ColumnType::Phone:
      normalizePhones(c, text, out);
      break;
    case ColumnType::Temperature:
      normalizeTemperature(c, text, out);
      break;
  }
  if (c.type == ColumnType::Text && countChars(text) > static_cast<std::size_t>(c.maxLength))
    out.push_back(issue(IssueCode::FieldTooLong, c, std::to_string(c.maxLength)));
  value = std::move(text);
  if (value->empty()) value.reset();
  return out;
}

IdTypeHint idTypeHintOf(Table table, const Cells& cells) {
  if (table != Table::Resident) return IdTypeHint::Any;
  for (const auto& c : cells)
    if (c.column == col::resident::idType.name && c.value) return hintForIdType(*c.value);
  return IdTypeHint::Any;
}

std::vector<Issue> checkRequired(const TableSpec& table, const Cells& cells) {
  std::vector<Issue> out;
  for (const auto& c : table.columns) {
    if (!c.required) continue;
    auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& x) { return x.column == c.name; });
    if (it == cells.end() || !it->value) out.push_back(issue(IssueCode::FieldRequired, c));
  }
  return out;
}

std::string_view slotCode(int slot, int slotsPerDay) {
  if (slotsPerDay >= 3) return slot == 0 ? "am" : slot == 1 ? "noon" : "pm";
  return slot == 0 ? "am" : "pm";
}

std::optional<int> slotIndex(std::string_view code, int slotsPerDay) {
  for (int s = 0; s < std::max(1, slotsPerDay); ++s)
    if (slotCode(s, slotsPerDay) == code) return s;
  return std::nullopt;
}

const Value* findCell(const Cells& cells, std::string_view column) {
  auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.column == column; });
  return it == cells.end() ? nullptr : &it->value;
}

void setCell(Cells& cells, std::string_view column, Value value) {
  auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.column == column; });
  if (it == cells.end()) cells.push_back({std::string(column), std::move(value)});
  else it->value = std::move(value);
}

}  // namespace gl::core
