#include "exchange/roster_cells.h"

#include <algorithm>

#include "core/address.h"
#include "core/identity.h"
#include "core/utf8.h"

namespace gl::exchange {

using core::IssueCode;
using core::Table;

std::string cellText(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return c.value ? *c.value : std::string();
  return {};
}

void setCell(core::Cells& cells, std::string_view column, std::string value) {
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

// The document type the row's identity number must have.
core::IdTypeHint hintFor(RowRecord& r, const RowLayout& layout, const IdCell& id, const IdCell& type) {
  if (type.slot && !type.text.empty()) {
    auto code = codeForValue(ImportField::IdType, type.text);
    if (code) return core::hintForIdType(*code);
    add(r, layout, {IssueCode::ValueNotAllowed, "id_type", 0, 0, type.text}, type.slot->column);
  }
  return id.slot->residentIdOnly ? core::IdTypeHint::ResidentNumber : core::IdTypeHint::Any;
}

}  // namespace

void readIdentity(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& ids, const IdCell& type,
                  core::Date today) {
  if (ids.empty()) return;
  const IdCell& id = ids.front();
  r.idColumn = id.slot->column;
  for (std::size_t i = 1; i < ids.size(); ++i)
    if (core::normalizeIdText(ids[i].text) != core::normalizeIdText(id.text))
      add(r, layout, {IssueCode::IdContradiction, "id_number"}, ids[i].slot->column);
  if (id.cell->kind == Cell::Kind::Number) {
    // Excel kept 15 significant digits of it: the rest is gone, and guessing would invent a person.
    return add(r, layout, {IssueCode::IdStoredAsNumber, "id_number"}, id.slot->column);
  }
  const auto hint = hintFor(r, layout, id, type);
  auto checked = core::checkId(id.text, today, hint);
  for (auto& issue : checked.issues) add(r, layout, std::move(issue), id.slot->column);
  if (!checked.valid) return;
  setCell(r.person, "id_number", checked.normalized);
  // An old 15-digit number is kept in its 18-digit form, and typed as what it now is.
  const auto kind = checked.kind == core::IdKind::Resident15 ? core::IdKind::Resident : checked.kind;
  setCell(r.person, "id_type", std::string(core::idKindCode(kind)));
}

void readCareFlags(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& cells) {
  std::vector<std::string> all;
  for (const auto& c : cells) {
    std::string unknown;
    for (auto& code : careFlagsOf(c.text, unknown))
      if (std::find(all.begin(), all.end(), code) == all.end()) all.push_back(std::move(code));
    if (!unknown.empty()) {
      core::Issue issue{IssueCode::ValueNotAllowed, "care_flags", 0, 0, unknown};
      placeIssue(issue, r, layout, c.slot->column);
      issue.detail = unknown;  // the word that names no group, not the whole cell
      r.issues.push_back(std::move(issue));
    }
  }
  std::string joined;
  for (const auto& code : all) joined.append(joined.empty() ? "" : ",").append(code);
  if (!joined.empty()) setCell(r.person, "care_flags", joined);
}

void kindFromPlace(RowRecord& r) {
  static constexpr std::string_view kHome[] = {"居家", "家中", "本人住所", "自行居家", "居家隔离", "在家",
                                               "家里", "本人家中", "自家", "住所", "家"};
  std::string place = core::utf8::trim(core::utf8::foldWidth(cellText(r.quarantine, "place")));
  if (place.empty() || !cellText(r.quarantine, "kind").empty()) return;
  bool home = std::find(std::begin(kHome), std::end(kHome), place) != std::end(kHome);
  if (home)
    r.quarantine.erase(std::remove_if(r.quarantine.begin(), r.quarantine.end(),
                                      [](const core::Cell& c) { return c.column == "place"; }),
                       r.quarantine.end());
  setCell(r.quarantine, "kind", home ? "home" : "central");
}

void readFlat(RowRecord& r, const std::string& houseNumber) {
  std::string address = cellText(r.household, "address");
  if (!houseNumber.empty() && address.find(houseNumber) == std::string::npos) {
    // A rural register: 幸福村 in the address column and 幸福路12号 in its own.
    address = address.empty() ? houseNumber : address + " " + houseNumber;
    r.household.erase(std::remove_if(r.household.begin(), r.household.end(),
                                     [](const core::Cell& c) { return c.column == "address"; }),
                      r.household.end());
    setCell(r.household, "address", address);
  }
  std::string building = cellText(r.household, "building");
  if (!building.empty() && cellText(r.household, "unit").empty() && cellText(r.household, "room").empty()) {
    // "3-2-301" in a building column: the whole flat in one cell.
    auto flat = core::splitAddress("x" + building);
    if (!flat.room.empty()) {
      r.household.erase(std::remove_if(r.household.begin(), r.household.end(),
                                       [](const core::Cell& c) { return c.column == "building"; }),
                        r.household.end());
      setCell(r.household, "building", flat.building);
      if (!flat.unit.empty()) setCell(r.household, "unit", flat.unit);
      setCell(r.household, "room", flat.room);
    }
  }
  auto parts = core::splitAddress(address);
  if (parts.building.empty()) {
    std::string b = cellText(r.household, "building"), u = cellText(r.household, "unit"),
                room = cellText(r.household, "room");
    if (!b.empty() || !room.empty()) {
      std::string flat = b + (u.empty() ? "" : "-" + u) + (room.empty() ? "" : "-" + room);
      if (address.empty()) setCell(r.household, "address", flat);
      address += " " + b + "-" + u + "-" + room;
    }
  } else {
    if (cellText(r.household, "building").empty()) setCell(r.household, "building", parts.building);
    if (cellText(r.household, "unit").empty() && !parts.unit.empty()) setCell(r.household, "unit", parts.unit);
    if (cellText(r.household, "room").empty()) setCell(r.household, "room", parts.room);
  }
  r.householdNo = cellText(r.household, "household_no");
  if (!address.empty()) r.addressKey = core::addressKey(address);
}

}  // namespace gl::exchange
