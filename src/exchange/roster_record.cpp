#include "exchange/roster_record.h"

#include <cmath>

#include "core/address.h"
#include "core/date_parse.h"
#include "core/utf8.h"
#include "core/uuid.h"

namespace gl::exchange {

namespace {

using F = ImportField;
using core::Table;

struct Target {
  F field;
  Table table;
  const char* column;
};

constexpr Target kTargets[] = {
    {F::Name, Table::Resident, "name"},
    {F::Sex, Table::Resident, "sex"},
    {F::IdType, Table::Resident, "id_type"},
    {F::IdNumber, Table::Resident, "id_number"},
    {F::BirthDate, Table::Resident, "birth_date"},
    {F::Phone, Table::Resident, "phone"},
    {F::Ethnicity, Table::Resident, "ethnicity"},
    {F::Relation, Table::Resident, "relation"},
    {F::Residence, Table::Resident, "residence"},
    {F::Notes, Table::Resident, "notes"},
    {F::Address, Table::Household, "address"},
    {F::HouseholdNo, Table::Household, "household_no"},
    {F::Building, Table::Household, "building"},
    {F::Unit, Table::Household, "unit"},
    {F::Room, Table::Household, "room"},
    {F::QuarantineKind, Table::Quarantine, "kind"},
    {F::Reason, Table::Quarantine, "reason"},
    {F::SourcePlace, Table::Quarantine, "source_place"},
    {F::ArrivedOn, Table::Quarantine, "arrived_on"},
    {F::StartOn, Table::Quarantine, "start_on"},
    {F::PlannedEndOn, Table::Quarantine, "planned_end_on"},
    {F::Place, Table::Quarantine, "place"},
    {F::Status, Table::Quarantine, "status"},
    {F::VisitedOn, Table::Visit, "visited_on"},
    {F::Temperature, Table::Visit, "temperature"},
    {F::Symptoms, Table::Visit, "symptoms"},
    {F::HealthCode, Table::Visit, "health_code"},
    {F::Travel, Table::Visit, "travel"},
};

bool isCodeField(F f) {
  return f == F::Sex || f == F::IdType || f == F::QuarantineKind || f == F::Reason || f == F::Status ||
         f == F::HealthCode || f == F::Residence;
}

bool isDateField(F f) {
  return f == F::BirthDate || f == F::ArrivedOn || f == F::StartOn || f == F::PlannedEndOn ||
         f == F::VisitedOn;
}

core::Cells& cellsOf(RowRecord& r, Table table) {
  switch (table) {
    case Table::Resident:
      return r.person;
    case Table::Household:
      return r.household;
    case Table::Quarantine:
      return r.quarantine;
    default:
      return r.visit;
  }
}

const core::Value* find(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return &c.value;
  return nullptr;
}

void set(core::Cells& cells, std::string_view column, std::string value) {
  for (auto& c : cells)
    if (c.column == column) {
      if (!c.value) c.value = std::move(value);  // the first column with a value wins
      return;
    }
  cells.push_back({std::string(column), std::move(value)});
}

bool startsWithAny(const std::string& text, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (text.rfind(w, 0) == 0) return true;
  return false;
}

// The text a cell shows, with dates as ISO dates.
std::string cellText(const Cell& cell, bool date1904) {
  if (cell.kind == Cell::Kind::Date) {
    auto d = core::dateFromExcelSerial(cell.number,
                                       date1904 ? core::DateSystem::Excel1904 : core::DateSystem::Excel1900);
    if (d) return d->iso();
  }
  return cell.text;
}

}  // namespace

RowLayout::RowLayout(const std::vector<ColumnMapping>& columns) : width_(columns.size()) {
  for (const auto& mapping : columns) {
    if (!mapping.field || mapping.column < 1) continue;
    Slot slot;
    slot.column = mapping.column;
    slot.field = *mapping.field;
    for (const auto& t : kTargets)
      if (t.field == slot.field) {
        slot.table = t.table;
        slot.spec = core::tableSpec(t.table).column(t.column);
        where_.emplace(std::make_pair(t.table, std::string(t.column)), mapping.column);
      }
    slots_.push_back(slot);
  }
}

int RowLayout::columnOf(Table table, std::string_view column) const {
  auto it = where_.find(std::make_pair(table, std::string(column)));
  return it == where_.end() ? 0 : it->second;
}

RowRecord recordFromRow(const SheetRow& row, const RowLayout& layout, bool date1904, core::Date today) {
  RowRecord r;
  r.row = row.number;
  r.texts.reserve(std::max(row.cells.size(), layout.width()));
  for (std::size_t i = 0; i < row.cells.size() || i < layout.width(); ++i)
    r.texts.push_back(i < row.cells.size() ? core::utf8::trim(cellText(row.cells[i], date1904))
                                           : std::string());
  for (std::size_t i = 0; i < r.texts.size() && i < 3; ++i)
    if (startsWithAny(r.texts[i], {"合计", "总计", "小计", "填表说明", "注：", "注:"})) r.totalOrNote = true;

  for (const auto& slot : layout.slots()) {
    if (static_cast<std::size_t>(slot.column) > row.cells.size()) continue;
    const F field = slot.field;
    const Cell& cell = row.cells[static_cast<std::size_t>(slot.column - 1)];
    const std::string& shown = r.texts[static_cast<std::size_t>(slot.column - 1)];
    if (shown.empty() || field == F::Ignore || field == F::Sensitive) continue;
    r.blank = false;
    if (field == F::Grid || field == F::RecordId || field == F::HouseholdRef) {
      std::string& to = field == F::Grid ? r.grid : field == F::RecordId ? r.recordId : r.householdId;
      // Ids are this program's UUIDs; an "ID" column of another agency's (an id number) is not one.
      if (to.empty() && (field == F::Grid || core::isUuid(shown))) to = shown;
      continue;
    }
    if (!slot.spec) continue;
    const std::string name(slot.spec->name);
    auto issue = [&](core::IssueCode code, std::string detail) {
      r.issues.emplace_back(code, name, static_cast<int>(row.number), slot.column, std::move(detail));
    };
    if (cell.kind == Cell::Kind::Error) {
      issue(core::IssueCode::BadText, shown);
      continue;
    }
    if (field == F::IdNumber && cell.kind == Cell::Kind::Number) {
      // Excel kept 15 significant digits of it: the rest is gone, and guessing would invent a person.
      issue(core::IssueCode::IdStoredAsNumber, shown);
      continue;
    }
    std::string text = shown;
    if (isDateField(field) && cell.kind == Cell::Kind::Number && std::isfinite(cell.number)) {
      auto d = core::dateFromExcelSerial(
          cell.number, date1904 ? core::DateSystem::Excel1904 : core::DateSystem::Excel1900);
      if (d) text = d->iso();
    }
    if (isCodeField(field)) {
      auto code = codeForValue(field, text);
      if (!code) {
        issue(core::IssueCode::ValueNotAllowed, text);
        continue;
      }
      text = *code;
    }
    core::Value value = std::move(text);
    auto found = core::normalizeCell(*slot.spec, value, today);
    for (auto& i : found) {
      i.row = static_cast<int>(row.number);
      i.column = slot.column;
      r.issues.push_back(std::move(i));
    }
    if (value && !core::hasErrors(found)) set(cellsOf(r, slot.table), name, std::move(*value));
  }

  // Household: the address, and building-unit-room from the address or its own cells.
  auto text = [](const core::Cells& cells, std::string_view column) {
    const core::Value* v = find(cells, column);
    return v && *v ? **v : std::string();
  };
  std::string address = text(r.household, "address");
  std::string building = text(r.household, "building");
  auto parts = core::splitAddress(address);
  if (!building.empty() && text(r.household, "unit").empty() && text(r.household, "room").empty()) {
    // "3-2-301" in a building column: the whole flat in one cell.
    auto flat = core::splitAddress("x" + building);
    if (!flat.room.empty()) {
      r.household.erase(std::remove_if(r.household.begin(), r.household.end(),
                                       [](const core::Cell& c) { return c.column == "building"; }),
                        r.household.end());
      set(r.household, "building", flat.building);
      if (!flat.unit.empty()) set(r.household, "unit", flat.unit);
      set(r.household, "room", flat.room);
    }
  }
  if (parts.building.empty()) {
    std::string b = text(r.household, "building"), u = text(r.household, "unit"),
                room = text(r.household, "room");
    if (!b.empty() || !room.empty()) {
      std::string flat = b + (u.empty() ? "" : "-" + u) + (room.empty() ? "" : "-" + room);
      if (address.empty()) set(r.household, "address", flat);
      address += flat.empty() ? "" : " " + b + "-" + u + "-" + room;
    }
  } else {
    if (text(r.household, "building").empty()) set(r.household, "building", parts.building);
    if (text(r.household, "unit").empty() && !parts.unit.empty()) set(r.household, "unit", parts.unit);
    if (text(r.household, "room").empty()) set(r.household, "room", parts.room);
  }
  r.householdNo = text(r.household, "household_no");
  if (!address.empty()) r.addressKey = core::addressKey(address);

  // What each record needs that a roster may leave out.
  auto required = [&](Table table, const core::Cells& cells, std::string_view column) {
    if (!text(cells, column).empty()) return;
    bool already = false;
    for (const auto& i : r.issues) already |= i.field == column;
    if (!already)
      r.issues.emplace_back(core::IssueCode::FieldRequired, std::string(column), static_cast<int>(row.number),
                            layout.columnOf(table, column));
  };
  if (!r.blank) required(Table::Resident, r.person, "name");
  if (!r.quarantine.empty()) {
    required(Table::Quarantine, r.quarantine, "kind");
    required(Table::Quarantine, r.quarantine, "start_on");
    required(Table::Quarantine, r.quarantine, "planned_end_on");
    if (text(r.quarantine, "status").empty()) set(r.quarantine, "status", "active");
    std::string status = text(r.quarantine, "status"), end = text(r.quarantine, "planned_end_on");
    // A case the roster says is over ended on its planned end, or today if that is still ahead.
    if (status != "active" && !end.empty()) set(r.quarantine, "ended_on", std::min(end, today.iso()));
  }
  // A row is a visit only when it says when: a health code or temperature on a police list without a
  // visit date describes the person, not a visit the grid worker made.
  if (!text(r.visit, "visited_on").empty())
    set(r.visit, "outcome", "seen");
  else
    r.visit.clear();
  return r;
}

}  // namespace gl::exchange
