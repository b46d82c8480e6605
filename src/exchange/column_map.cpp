#include "exchange/column_map.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/ascii.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "exchange/column_words.h"

namespace gl::exchange {

namespace {

using F = ImportField;

constexpr std::pair<F, std::string_view> kNames[] = {
    {F::Ignore, "ignore"},
    {F::Sensitive, "sensitive"},
    {F::Name, "name"},
    {F::Sex, "sex"},
    {F::IdType, "id_type"},
    {F::IdNumber, "id_number"},
    {F::BirthDate, "birth_date"},
    {F::Phone, "phone"},
    {F::Ethnicity, "ethnicity"},
    {F::Relation, "relation"},
    {F::Residence, "residence"},
    {F::Address, "address"},
    {F::HouseholdNo, "household_no"},
    {F::Building, "building"},
    {F::Unit, "unit"},
    {F::Room, "room"},
    {F::HouseNumber, "house_number"},
    {F::CareFlags, "care_flags"},
    {F::Grid, "grid"},
    {F::QuarantineKind, "quarantine_kind"},
    {F::Reason, "reason"},
    {F::SourcePlace, "source_place"},
    {F::ArrivedOn, "arrived_on"},
    {F::StartOn, "start_on"},
    {F::PlannedEndOn, "planned_end_on"},
    {F::Place, "place"},
    {F::Status, "status"},
    {F::VisitedOn, "visited_on"},
    {F::Temperature, "temperature"},
    {F::Symptoms, "symptoms"},
    {F::HealthCode, "health_code"},
    {F::Travel, "travel"},
    {F::Notes, "notes"},
    {F::RecordId, "id"},
    {F::HouseholdRef, "household"},
};

// Brackets whose content is a unit or a remark, dropped before matching: 体温（℃）, 年龄(岁).
constexpr std::string_view kUnitContents[] = {"℃", "°c", "度", "岁", "c"};

std::string replaceAll(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

const std::unordered_map<std::string, F>& dictionary() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, F>;
    for (const auto& w : headerWords()) m->emplace(normalizeHeader(w.header), w.field);
    return m;
  }();
  return *map;
}

}  // namespace

std::string_view fieldName(ImportField field) {
  for (const auto& [f, name] : kNames)
    if (f == field) return name;
  return "ignore";
}

std::optional<ImportField> fieldByName(std::string_view name) {
  std::string lower = core::ascii::toLower(name);
  if (lower == "kind") return F::QuarantineKind;  // the name before care flags and house numbers came
  for (const auto& [f, n] : kNames)
    if (n == lower) return f;
  return std::nullopt;
}

const std::vector<ImportField>& mappableFields() {
  static const std::vector<ImportField> fields = [] {
    std::vector<ImportField> out;
    for (const auto& [f, name] : kNames) out.push_back(f);
    return out;
  }();
  return fields;
}

std::string normalizeHeader(std::string_view header) {
  std::string s;
  for (char32_t c : core::utf8::decode(core::utf8::foldWidth(header)))
    if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\n' && c != U'\u3000') s += core::utf8::encode(c);
  s = core::ascii::toLower(s);
  // Width folding turned （） into (); drop a bracket that holds a unit.
  for (auto unit : kUnitContents) {
    std::string bracket(1, '(');  // built by appends: GCC 12 -O3 warns falsely (-Wrestrict) on "(" + s
    bracket.append(unit).push_back(')');
    s = replaceAll(s, bracket, "");
  }
  s = replaceAll(s, "时间", "日期");
  s = replaceAll(s, "途径", "途经");
  // A required-field marker before or after the name: *姓名, 姓名*, ※身份证号.
  while (!s.empty() && s.front() == '*') s.erase(0, 1);
  while (s.starts_with("※")) s.erase(0, std::string_view("※").size());
  while (!s.empty() && s.back() == '*') s.pop_back();
  return s;
}

namespace {

// The header without its remarks in brackets: 身份证号码（18位） → 身份证号码, 姓名(必填) → 姓名.
std::string withoutRemarks(const std::string& normalized) {
  std::string out;
  int depth = 0;
  for (char c : normalized) {
    if (c == '(' || c == '[') ++depth;
    else if ((c == ')' || c == ']') && depth > 0) --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

}  // namespace

std::optional<ImportField> fieldForHeader(std::string_view header) {
  auto normalized = normalizeHeader(header);
  auto it = dictionary().find(normalized);
  if (it == dictionary().end()) it = dictionary().find(withoutRemarks(normalized));
  if (it != dictionary().end()) return it->second;
  // This program's own exports name their columns as the data model does (id_number, start_on).
  if (auto field = fieldByName(normalized); field && *field != F::Ignore && *field != F::Sensitive)
    return field;
  return std::nullopt;
}

namespace {

std::string valueKey(std::string_view value) {
  return core::ascii::toLower(core::utf8::trim(core::utf8::foldWidth(value)));
}

// (field, folded value) → code, built once.
const std::map<std::pair<F, std::string>, std::string_view>& valueDictionary() {
  static const auto* map = [] {
    auto* m = new std::map<std::pair<F, std::string>, std::string_view>;
    for (const auto& w : valueWords()) m->emplace(std::make_pair(w.field, valueKey(w.value)), w.code);
    return m;
  }();
  return *map;
}

std::span<const std::string_view> codesOf(F field) {
  namespace codes = core::codes;
  switch (field) {
    case F::Sex: return codes::kSex;
    case F::IdType: return codes::kIdType;
    case F::QuarantineKind: return codes::kQuarantineKind;
    case F::Reason: return codes::kQuarantineReason;
    case F::Status: return codes::kQuarantineStatus;
    case F::HealthCode: return codes::kHealthCode;
    case F::Residence: return codes::kResidence;
    case F::CareFlags: return codes::kCareFlags;
    default: return {};
  }
}

}  // namespace

std::optional<std::string> codeForValue(ImportField field, std::string_view value) {
  std::string v = valueKey(value);
  auto it = valueDictionary().find({field, v});
  if (it != valueDictionary().end()) return std::string(it->second);
  // Already a code (an export of this program re-imported, or a CSV of codes).
  for (std::string_view c : codesOf(field))
    if (c == v) return v;
  return std::nullopt;
}

std::vector<std::string> careFlagsOf(std::string_view value, std::string& unknown) {
  static constexpr std::string_view kNone[] = {"无", "否", "没有", "暂无", "普通", "一般", "正常", "-", "/", "—", "none"};
  std::vector<std::string> out;
  unknown.clear();
  auto take = [&](const std::string& word) {
    for (auto none : kNone)
      if (valueKey(word) == none) return true;
    auto code = codeForValue(F::CareFlags, word);
    if (!code) return false;
    if (std::find(out.begin(), out.end(), *code) == out.end()) out.push_back(*code);
    return true;
  };
  auto isSpace = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000'; };
  // Items are split on 、,;/ first; an item that is not a group as a whole ("elderly living alone" is)
  // is split again on spaces (独居老人 慢性病). Words are quoted as the file wrote them.
  auto item = [&](const std::u32string& chunk) {
    std::string whole = core::utf8::trim(core::utf8::encode(chunk));
    if (whole.empty() || take(whole)) return;
    std::string word;
    for (char32_t c : chunk + U" ") {
      if (!isSpace(c)) {
        word += core::utf8::encode(c);
      } else if (!word.empty()) {
        if (!take(word) && unknown.empty()) unknown = word;
        word.clear();
      }
    }
  };
  std::u32string chunk;
  for (char32_t c : core::utf8::decode(value)) {
    if (c == U'、' || c == U',' || c == U'，' || c == U';' || c == U'；' || c == U'/' || c == U'／') {
      item(chunk);
      chunk.clear();
    } else {
      chunk += c;
    }
  }
  item(chunk);
  return out;
}

bool isResidentIdHeader(std::string_view header) {
  std::string h = normalizeHeader(header);
  // 身份证号（护照号）, 身份证/护照: the header itself admits other documents.
  for (std::string_view other : {"证件", "护照", "通行证", "居留", "/"})
    if (h.find(other) != std::string::npos) return false;
  return h.find("公民身份号码") != std::string::npos || h.find("身份证") != std::string::npos;
}

}  // namespace gl::exchange
