#include "exchange/roster_cells.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/address.h"
#include "core/columns.h"
#include "core/identity.h"
#include "core/policy.h"
#include "core/utf8.h"

namespace gl::exchange {

namespace col = core::col;
using core::IssueCode;
using core::Table;

std::string cellText(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return c.value ? *c.value : std::string();
  return {};
}

void fillCell(core::Cells& cells, std::string_view column, std::string value) {
  for (auto& c : cells)
    if (c.column == column) {
      if (!c.value) c.value = std::move(value);
      return;
    }
  cells.push_back({std::string(column), std::move(value)});
}

namespace {

void add(RowRecord& r, const RowLayout& layout, core::Issue issue, int column) {
  placeIssue(issue, r, layout, column);
  r.issues.push_back(std::move(issue));
}

// The document type the row declares in its own 证件类型 cell; nullopt when it declares none (an error
// for a type nobody knows is added here, whether or not the row has a number).
std::optional<core::IdTypeHint> declaredType(RowRecord& r, const RowLayout& layout, const IdCell& type) {
  if (!type.slot || type.text.empty()) return std::nullopt;
  if (auto code = codeForValue(ImportField::IdType, type.text)) return core::hintForIdType(*code);
  add(r, layout, {IssueCode::ValueNotAllowed, std::string(col::resident::idType), 0, 0, type.text}, type.slot->column);
  return core::IdTypeHint::Any;
}

// The text of an identity cell: a numeric cell holds 15 significant digits exactly, so an old 15-digit
// number or a permit's 8 digits in one is fine; 16 digits or more in a number cell lost their end.
std::optional<std::string> idText(const IdCell& id) {
  if (id.cell->kind != Cell::Kind::Number) return id.text;
  const double n = id.cell->number;
  if (!std::isfinite(n) || n < 0 || n >= 1e15 || n != std::floor(n)) return std::nullopt;
  return std::to_string(static_cast<long long>(n));
}

}  // namespace

void readIdentity(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& ids, const IdCell& type,
                  core::Date today) {
  const auto declared = declaredType(r, layout, type);
  std::optional<core::IdCheck> first;
  for (const auto& id : ids) {
    const int column = id.slot->column;
    auto text = idText(id);
    if (!text) {
      // Excel kept 15 significant digits of it: the rest is gone, and guessing would invent a person.
      add(r, layout, {IssueCode::IdStoredAsNumber, std::string(col::resident::idNumber)}, column);
      continue;
    }
    // Each column by its own rule, unless the row declares the document.
    const auto hint = declared ? *declared
                               : id.slot->residentIdOnly ? core::IdTypeHint::ResidentNumber : core::IdTypeHint::Any;
    auto checked = core::checkId(*text, today, hint);
    for (auto issue : checked.issues) add(r, layout, std::move(issue), column);
    if (!checked.valid) continue;
    if (!first) {
      r.idColumn = column;
      first = std::move(checked);
    } else if (checked.normalized != first->normalized) {
      add(r, layout, {IssueCode::IdColumnsDisagree, std::string(col::resident::idNumber)}, column);
    }
  }
  if (!first || r.hasErrors()) return;
  fillCell(r.person, col::resident::idNumber, first->normalized);
  // An old 15-digit number is kept in its 18-digit form, and typed as what it now is.
  const auto kind = first->kind == core::IdKind::Resident15 ? core::IdKind::Resident : first->kind;
  fillCell(r.person, col::resident::idType, std::string(core::idKindCode(kind)));
}

void readCareFlags(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& cells) {
  std::vector<std::string> all;
  for (const auto& c : cells) {
    std::string unknown;
    for (auto& code : careFlagsOf(c.text, unknown))
      if (std::find(all.begin(), all.end(), code) == all.end()) all.push_back(std::move(code));
    if (!unknown.empty()) {
      core::Issue issue{IssueCode::ValueNotAllowed, std::string(col::resident::careFlags), 0, 0, unknown};
      placeIssue(issue, r, layout, c.slot->column);
      issue.detail = unknown;  // the word that names no group, not the whole cell
      r.issues.push_back(std::move(issue));
    }
  }
  std::string joined;
  for (const auto& code : all) joined.append(joined.empty() ? "" : ",").append(code);
  if (!joined.empty()) fillCell(r.person, col::resident::careFlags, joined);
}

void readHouseholdCode(RowRecord& r, const RowLayout& layout, const IdCell& code, core::Date today) {
  namespace h = col::household;
  if (!code.slot || layout.columnOf(Table::Household, h::householdNo) != 0) return;
  std::string text = code.text;
  if (formulaGuarded(text)) text.erase(0, 1);  // an export's guard, as readCell drops it
  core::Value value = std::move(text);
  auto found = core::normalizeCell(*core::tableSpec(Table::Household).column(h::householdNo), value, today);
  const bool bad = core::hasErrors(found);
  for (auto& issue : found) {
    placeIssue(issue, r, layout, code.slot->column);
    r.issues.push_back(std::move(issue));
  }
  if (!bad && value) fillCell(r.household, h::householdNo, std::move(*value));
}

void kindFromPlace(RowRecord& r) {
  // Spaces and brackets dropped: "家 中", "居家（本人住所）".
  auto squeeze = [](std::string_view text) {
    std::string out = core::utf8::foldWidth(text);  // U+3000 is a space now
    std::erase_if(out, [](char c) { return c == ' ' || c == '\t'; });
    return out;
  };
  const std::string place = squeeze(cellText(r.quarantine, col::quarantine::place));
  if (place.empty() || !cellText(r.quarantine, col::quarantine::kind).empty()) return;
  // At home: 居家…, 在家…, 家中…, 家里…, 本人住所, 自行居家隔离 — or the row's own address.
  static constexpr std::string_view kHomeWords[] = {"居家", "在家", "家中", "家里", "本人住所", "本人家中", "自家"};
  bool home = place == "家" || place == "住所";
  for (auto word : kHomeWords) home |= place.find(word) != std::string::npos;
  const std::string address = squeeze(cellText(r.household, col::household::address));
  home |= !address.empty() && (place == address || core::addressKey(place) == r.addressKey);
  if (home)
    r.quarantine.erase(std::remove_if(r.quarantine.begin(), r.quarantine.end(),
                                      [](const core::Cell& c) { return c.column == col::quarantine::place.name; }),
                       r.quarantine.end());
  fillCell(
      r.quarantine, col::quarantine::kind,
      std::string(core::kindCode(home ? core::QuarantineKind::Home : core::QuarantineKind::Centralized)));
}

namespace {

// A rural house number joins the address unless the address already ends with it (幸福村幸福路12号 and
// 幸福路12号); digits alone get 号, so 13组 with 门牌 5 is "13组5号", never "13组5" (or 13组 with 门牌 3
// mistaken for the address's own 3).
std::string withHouseNumber(const std::string& address, std::string number) {
  if (number.empty()) return address;
  if (std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) number += "号";
  if (address.size() >= number.size() && address.ends_with(number)) {
    const std::size_t before = address.size() - number.size();
    if (before == 0 || !(address[before - 1] >= '0' && address[before - 1] <= '9')) return address;
  }
  return address.empty() ? number : address + " " + number;
}

}  // namespace

void readFlat(RowRecord& r, const std::string& houseNumber) {
  namespace h = col::household;
  std::string address = withHouseNumber(cellText(r.household, h::address), core::utf8::trim(houseNumber));
  if (address != cellText(r.household, h::address)) {
    r.household.erase(std::remove_if(r.household.begin(), r.household.end(),
                                     [](const core::Cell& c) { return c.column == h::address.name; }),
                      r.household.end());
    fillCell(r.household, h::address, address);
  }
  std::string building = cellText(r.household, h::building);
  if (!building.empty() && cellText(r.household, h::unit).empty() && cellText(r.household, h::room).empty()) {
    // "3-2-301" in a building column: the whole flat in one cell.
    auto flat = core::splitAddress("x" + building);
    if (!flat.room.empty()) {
      r.household.erase(std::remove_if(r.household.begin(), r.household.end(),
                                       [](const core::Cell& c) { return c.column == h::building.name; }),
                        r.household.end());
      fillCell(r.household, h::building, flat.building);
      if (!flat.unit.empty()) fillCell(r.household, h::unit, flat.unit);
      fillCell(r.household, h::room, flat.room);
    }
  }
  auto parts = core::splitAddress(address);
  if (parts.building.empty()) {
    std::string b = cellText(r.household, h::building), u = cellText(r.household, h::unit),
                room = cellText(r.household, h::room);
    if ((!b.empty() || !room.empty()) && address.empty())
      fillCell(r.household, h::address, b + (u.empty() ? "" : "-" + u) + (room.empty() ? "" : "-" + room));
  } else {
    if (cellText(r.household, h::building).empty()) fillCell(r.household, h::building, parts.building);
    if (cellText(r.household, h::unit).empty() && !parts.unit.empty()) fillCell(r.household, h::unit, parts.unit);
    if (cellText(r.household, h::room).empty()) fillCell(r.household, h::room, parts.room);
  }
  r.householdNo = cellText(r.household, h::householdNo);
  const std::string stored = cellText(r.household, h::address);
  if (!stored.empty())
    r.addressKey = core::householdKey(stored, stored == address ? parts : core::splitAddress(stored),
                                      cellText(r.household, h::building), cellText(r.household, h::unit),
                                      cellText(r.household, h::room));
}

}  // namespace gl::exchange
