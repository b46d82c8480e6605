#include "exchange/roster_record.h"

#include <cmath>

#include "core/address.h"
#include "core/columns.h"
#include "core/date_parse.h"
#include "core/utf8.h"
#include "core/uuid.h"
#include "core/visit_outcome.h"
#include "exchange/roster_cells.h"

namespace gl::exchange {

namespace {

namespace col = core::col;
using F = ImportField;
using core::Table;

struct Target {
  F field;
  core::Column column;  // and its table
};

constexpr Target kTargets[] = {
    {F::Name, col::resident::name},
    {F::Sex, col::resident::sex},
    {F::IdType, col::resident::idType},
    {F::IdNumber, col::resident::idNumber},
    {F::BirthDate, col::resident::birthDate},
    {F::Phone, col::resident::phone},
    {F::Ethnicity, col::resident::ethnicity},
    {F::Relation, col::resident::relation},
    {F::Residence, col::resident::residence},
    {F::CareFlags, col::resident::careFlags},
    {F::Notes, col::resident::notes},
    {F::Address, col::household::address},
    {F::HouseholdNo, col::household::householdNo},
    {F::Building, col::household::building},
    {F::Unit, col::household::unit},
    {F::Room, col::household::room},
    {F::QuarantineKind, col::quarantine::kind},
    {F::Reason, col::quarantine::reason},
    {F::SourcePlace, col::quarantine::sourcePlace},
    {F::ArrivedOn, col::quarantine::arrivedOn},
    {F::StartOn, col::quarantine::startOn},
    {F::PlannedEndOn, col::quarantine::plannedEndOn},
    {F::Place, col::quarantine::place},
    {F::Status, col::quarantine::status},
    {F::VisitedOn, col::visit::visitedOn},
    {F::Temperature, col::visit::temperature},
    {F::Symptoms, col::visit::symptoms},
    {F::HealthCode, col::visit::healthCode},
    {F::Travel, col::visit::travel},
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

bool startsWithAny(const std::string& text, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (text.rfind(w, 0) == 0) return true;
  return false;
}

// The text a cell shows, with dates as ISO dates.
std::string shownText(const Cell& cell, bool date1904) {
  if (cell.kind == Cell::Kind::Date) {
    auto d = core::dateFromExcelSerial(cell.number,
                                       date1904 ? core::DateSystem::Excel1904 : core::DateSystem::Excel1900);
    if (d) return d->iso();
  }
  return cell.text;
}


// Issue codes whose detail is the offending value: shown as the file wrote it.
bool quotesValue(core::IssueCode code) {
  using C = core::IssueCode;
  switch (code) {
    case C::IdBadLength: case C::IdBadCharacters: case C::IdBadChecksum: case C::IdBadDate: case C::IdFutureDate:
    case C::IdUnknownProvince: case C::IdStoredAsNumber: case C::IdUnrecognized: case C::IdNotResidentNumber:
    case C::IdWrongDigitCount: case C::IdWrongDocumentShape: case C::IdNameMismatch: case C::IdNameMismatchInFile:
    case C::PhoneBadFormat: case C::PhoneBadMobile: case C::PhoneBadAreaCode: case C::DateBadFormat:
    case C::DateInvalid: case C::DateOutOfRange: case C::TemperatureBadFormat: case C::ValueNotAllowed:
    case C::IdContradiction: case C::BadNumber: case C::IdColumnsDisagree: case C::RecordIdReused:
      return true;
    default:
      return false;
  }
}

}  // namespace

// The apostrophe a CSV export put before text that Excel would run as a formula (csv_writer.h: "'-3",
// "'=SUM(…)"), taken off again so that a re-imported export changes nothing.
bool formulaGuarded(std::string_view text) {
  if (text.size() < 2 || text[0] != '\'') return false;
  const char c = text[1];
  return c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' ||
         (c == '-' && (text.size() == 2 || !(text[2] >= '0' && text[2] <= '9')));
}

RowLayout::RowLayout(const std::vector<ColumnMapping>& columns) : width_(columns.size()) {
  for (const auto& mapping : columns) {
    if (mapping.column >= 1) {
      if (headers_.size() < static_cast<std::size_t>(mapping.column)) headers_.resize(static_cast<std::size_t>(mapping.column));
      headers_[static_cast<std::size_t>(mapping.column - 1)] = mapping.header;
    }
    if (!mapping.field || mapping.column < 1) continue;
    Slot slot;
    slot.column = mapping.column;
    slot.field = *mapping.field;
    slot.header = mapping.header;
    slot.residentIdOnly = mapping.residentIdOnly;
    slot.kindFromPlace = mapping.kindFromPlace;
    for (const auto& t : kTargets)
      if (t.field == slot.field) {
        slot.table = t.column.table;
        slot.spec = core::tableSpec(t.column.table).column(t.column);
        where_.emplace(std::make_pair(t.column.table, std::string(t.column)), mapping.column);
      }
    slots_.push_back(std::move(slot));
  }
}

int RowLayout::columnOf(Table table, std::string_view column) const {
  auto it = where_.find(std::make_pair(table, std::string(column)));
  return it == where_.end() ? 0 : it->second;
}

int RowLayout::columnOf(std::string_view column) const {
  for (const auto& [key, at] : where_)
    if (key.second == column) return at;
  return 0;
}

const std::string& RowLayout::headerOf(int column) const {
  static const std::string none;
  return column >= 1 && static_cast<std::size_t>(column) <= headers_.size()
             ? headers_[static_cast<std::size_t>(column - 1)]
             : none;
}

void placeIssue(core::Issue& issue, const RowRecord& r, const RowLayout& layout, int column) {
  issue.row = static_cast<int>(r.row);
  issue.column = column;
  if (column < 1) return;
  issue.heading = layout.headerOf(column);
  if (issue.severity == core::Severity::Error && quotesValue(issue.code) &&
      static_cast<std::size_t>(column) <= r.texts.size())
    issue.detail = r.texts[static_cast<std::size_t>(column - 1)];
}

namespace {

// One mapped cell of an ordinary field: code mapped, normalized by the data model's own rules.
void readCell(RowRecord& r, const RowLayout& layout, const RowLayout::Slot& slot, const Cell& cell,
              const std::string& shown, bool date1904, core::Date today) {
  const F field = slot.field;
  const std::string name(slot.spec->name);
  auto issue = [&](core::IssueCode code) {
    core::Issue i{code, name};
    placeIssue(i, r, layout, slot.column);
    r.issues.push_back(std::move(i));
  };
  if (cell.kind == Cell::Kind::Error) return issue(core::IssueCode::BadText);
  std::string text = shown;
  if (slot.spec->type == core::ColumnType::Text && formulaGuarded(text)) text.erase(0, 1);
  if (isDateField(field) && cell.kind == Cell::Kind::Number && std::isfinite(cell.number)) {
    auto d = core::dateFromExcelSerial(cell.number, date1904 ? core::DateSystem::Excel1904 : core::DateSystem::Excel1900);
    if (d) text = d->iso();
  }
  if (isCodeField(field)) {
    auto code = codeForValue(field, text);
    if (!code) return issue(core::IssueCode::ValueNotAllowed);
    text = *code;
  }
  core::Value value = std::move(text);
  auto found = core::normalizeCell(*slot.spec, value, today);
  const bool bad = core::hasErrors(found);
  for (auto& i : found) {
    placeIssue(i, r, layout, slot.column);
    r.issues.push_back(std::move(i));
  }
  if (field == F::Name) r.nameColumn = slot.column;
  if (value && !bad) fillCell(cellsOf(r, slot.table), name, std::move(*value));
}

// What each record needs that a roster may leave out: at the column that should have said it, or at
// none when the sheet has no such column (the report says that once, before the rows).
void requireFields(RowRecord& r, const RowLayout& layout, core::Date today) {
  namespace q = col::quarantine;
  auto required = [&](Table table, const core::Cells& cells, std::string_view column) {
    if (!cellText(cells, column).empty()) return;
    // Named with its table where the column alone is ambiguous (a quarantine's kind, not a household's).
    std::string field(column);
    if (table == Table::Quarantine) field = std::string(core::tableSpec(table).name).append(".").append(column);
    for (const auto& i : r.issues)
      if (i.field == column || i.field == field) return;
    core::Issue issue{core::IssueCode::FieldRequired, field};
    int at = layout.columnOf(table, column);
    // Without a kind column the place says the kind: an empty place is what to fill in.
    if (at == 0 && column == q::kind.name) at = layout.columnOf(Table::Quarantine, q::place);
    placeIssue(issue, r, layout, at);
    r.issues.push_back(std::move(issue));
  };
  if (!r.blank) required(Table::Resident, r.person, col::resident::name);
  if (!r.quarantine.empty()) {
    required(Table::Quarantine, r.quarantine, q::kind);
    required(Table::Quarantine, r.quarantine, q::startOn);
    required(Table::Quarantine, r.quarantine, q::plannedEndOn);
    if (cellText(r.quarantine, q::status).empty())
      fillCell(r.quarantine, q::status, std::string(core::statusCode(core::QuarantineStatus::Active)));
    std::string status = cellText(r.quarantine, q::status), end = cellText(r.quarantine, q::plannedEndOn);
    // A case the roster says is over ended on its planned end, or today if that is still ahead.
    if (status != core::statusCode(core::QuarantineStatus::Active) && !end.empty())
      fillCell(r.quarantine, q::endedOn, std::min(end, today.iso()));
  }
  // A row is a visit only when it says when: a health code or temperature on a police list without a
  // visit date describes the person, not a visit the grid worker made.
  if (!cellText(r.visit, col::visit::visitedOn).empty())
    fillCell(r.visit, col::visit::outcome, std::string(core::outcomeCode(core::VisitOutcome::Seen)));
  else
    r.visit.clear();
}

}  // namespace

RowRecord recordFromRow(const SheetRow& row, const RowLayout& layout, bool date1904, core::Date today) {
  RowRecord r;
  r.row = row.number;
  // Room for every column a record may get, so that adding cells never moves the ones before.
  r.person.reserve(core::tableSpec(Table::Resident).columns.size());
  r.household.reserve(core::tableSpec(Table::Household).columns.size());
  r.quarantine.reserve(core::tableSpec(Table::Quarantine).columns.size());
  r.texts.reserve(std::max(row.cells.size(), layout.width()));
  for (std::size_t i = 0; i < row.cells.size() || i < layout.width(); ++i)
    r.texts.push_back(i < row.cells.size() ? core::utf8::trim(shownText(row.cells[i], date1904)) : std::string());
  for (std::size_t i = 0; i < r.texts.size() && i < 3; ++i)
    if (startsWithAny(r.texts[i], {"合计", "总计", "小计", "填表说明", "注：", "注:"})) r.totalOrNote = true;

  std::vector<IdCell> ids, care;
  IdCell type;
  std::string houseNumber;
  IdCell householdCode;
  bool placeGivesKind = false;
  static const Cell kEmpty{};
  for (const auto& slot : layout.slots()) {
    const auto at = static_cast<std::size_t>(slot.column - 1);
    const F field = slot.field;
    const Cell& cell = at < row.cells.size() ? row.cells[at] : kEmpty;  // trailing empty cells are left out
    const std::string& shown = r.texts[at];
    if (shown.empty() && slot.spec && slot.table == Table::Resident) r.cleared.emplace_back(slot.spec->name);
    if (shown.empty() || field == F::Ignore || field == F::Sensitive) continue;
    r.blank = false;
    placeGivesKind |= slot.kindFromPlace;
    switch (field) {
      case F::Grid: if (r.grid.empty()) r.grid = shown; continue;
      // Ids are this program's UUIDs; an "ID" column of another agency's (an id number) is not one.
      case F::RecordId:
        if (r.recordId.empty() && core::isUuid(shown)) {
          r.recordId = shown;
          r.recordIdColumn = slot.column;
        }
        continue;
      case F::HouseholdRef:
        // Another agency's 户编号 is its household number.
        if (core::isUuid(shown)) { if (r.householdId.empty()) r.householdId = shown; }
        else if (!householdCode.slot) householdCode = {&slot, &cell, shown};
        continue;
      case F::HouseNumber: if (houseNumber.empty()) houseNumber = shown; continue;
      case F::IdNumber: ids.push_back({&slot, &cell, shown}); continue;
      case F::IdType: if (!type.slot) type = {&slot, &cell, shown}; continue;
      case F::CareFlags: care.push_back({&slot, &cell, shown}); continue;
      default: break;
    }
    if (slot.spec) readCell(r, layout, slot, cell, shown, date1904, today);
  }
  readIdentity(r, layout, ids, type, today);
  readCareFlags(r, layout, care);
  readHouseholdCode(r, layout, householdCode, today);
  readFlat(r, houseNumber);
  if (placeGivesKind) kindFromPlace(r);
  requireFields(r, layout, today);
  if (!r.hasErrors()) {
    if (!r.person.empty()) r.newPerson = db::prepareRow(Table::Resident, r.person, today, db::CellsAre::Normalized);
    if (!r.household.empty()) r.newHousehold = db::prepareRow(Table::Household, r.household, today, db::CellsAre::Normalized, r.addressKey);
    if (!r.quarantine.empty()) r.newQuarantine = db::prepareRow(Table::Quarantine, r.quarantine, today, db::CellsAre::Normalized);
    if (!r.visit.empty()) r.newVisit = db::prepareRow(Table::Visit, r.visit, today, db::CellsAre::Normalized);
  }
  return r;
}

}  // namespace gl::exchange
