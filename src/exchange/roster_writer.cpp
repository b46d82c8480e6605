#include "exchange/roster_writer.h"

#include <algorithm>

#include "core/address.h"
#include "core/columns.h"
#include "core/identity.h"
#include "core/person_name.h"
#include "core/utf8.h"
#include "core/validation_error.h"
#include "exchange/roster_cells.h"

namespace gl::exchange {

namespace col = core::col;
namespace rc = core::col::resident;   // a person's cells
namespace hc = core::col::household;  // a household's

namespace {

// Only the cells that say something new: an import never blanks a value the ledger has, except a
// cell of its own export that the clerk emptied (checkRecordEdit adds those as nulls).
core::Cells changedCells(const std::optional<db::Row>& current, const core::Cells& cells) {
  core::Cells out;
  for (const auto& c : cells)
    if (!current || (*current)[c.column] != c.value) out.push_back(c);
  return out;
}

std::string lookup(const TextMap& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? std::string() : std::string(it->second);
}

constexpr std::int64_t kBytesPerRow = 600;  // measured: about what a 100,000-row roster's maps take a row

}  // namespace

Known::Known(std::int64_t expected)
    : expectedRows(std::max<std::int64_t>(expected, 0)),
      arena(std::make_unique<std::pmr::monotonic_buffer_resource>(
          static_cast<std::size_t>(std::min<std::int64_t>(expectedRows, 1'000'000) * kBytesPerRow / 2 + 4096))),
      householdByKey(arena.get()),
      householdByNumber(arena.get()),
      gridByName(arena.get()) {}

std::int64_t Known::bookkeepingBytes() const { return expectedRows * kBytesPerRow; }

void Known::release() {
  // Emptied into maps that hold nothing of the arena (clear() would keep its bucket arrays there).
  for (TextMap* map : {&householdByKey, &householdByNumber, &gridByName}) TextMap(arena.get()).swap(*map);
  idKeyHashes = {};
  arena->release();
}

RowWriter::RowWriter(db::Writer& w, Known& known, ImportReport& report, bool acceptRenames)
    : w_(w), known_(known), report_(report), acceptRenames_(acceptRenames), arena_(known.arena.get()) {
  // Sized once for the file: growing, the maps would move every entry several times over.
  const auto rows = static_cast<std::size_t>(std::min<std::int64_t>(known.expectedRows, 1'000'000));
  createdByIdNumber_.reserve(rows);
  createdOnRow_.reserve(rows);
  createdNamed_.reserve(rows);
  created_.reserve(rows);
  known_.householdByKey.reserve(known_.householdByKey.size() + rows);
}

Known readKnown(const db::Ledger& ledger, std::int64_t expectedRows) {
  Known k(expectedRows);
  ledger.forEachRow(core::Table::Grid, [&](const db::Row& g) {
    k.gridByName.emplace(g.text(col::grid::name), g.id);
    k.gridByName.emplace(g.text(col::grid::code), g.id);
  });
  k.preloaded = ledger.liveRows(core::Table::Household) < expectedRows;
  if (!k.preloaded) return k;
  ledger.forEachRow(core::Table::Household, [&](const db::Row& h) {
    // A household with a number is found by it alone: an address never joins a numbered household.
    if (h.text(hc::householdNo).empty())
      k.householdByKey.emplace(
          core::householdKey(h.text(hc::address), h.text(hc::building), h.text(hc::unit), h.text(hc::room)), h.id);
    else
      k.householdByNumber.emplace(h.text(hc::householdNo), h.id);
  });
  ledger.forEachIdNumber(
      [&](std::string_view n) { k.idKeyHashes.insert(std::hash<std::string>{}(core::idMatchKey(n))); });
  return k;
}

void RowWriter::stage(RowRecord& r) {
  // Who the row names, if the ledger or an earlier row has them: their household decides for a row
  // that gives no household number.
  const std::optional<db::Row> known = knownPerson(r);
  std::string household = householdFor(r, known);
  const auto createdBefore = pending_.personsCreated;
  std::string person = personFor(r, household, known);
  // A person made by this very row has no quarantine or visit yet: nothing to look up.
  const bool createdPerson = pending_.personsCreated > createdBefore;
  if (!r.quarantine.empty()) {
    std::string start = cellText(r.quarantine, col::quarantine::startOn);
    // This import's own cases are in the writer's queue, where a lookup does not see them.
    std::string key = person + '\x1f' + start;
    if (createdPerson ||
        (!created_.count(key) && !pendingCreated_.count(key) && !w_.quarantineOf(person, start))) {
      insert(core::Table::Quarantine, r.quarantine, r.newQuarantine, {{col::quarantine::resident, person}});
      pendingCreated_.emplace(key);
      ++pending_.quarantinesCreated;
    }
  }
  if (!r.visit.empty()) {
    // A visit is to a household: the row's, else the one the ledger has for the person.
    std::string where = household;
    if (where.empty() && !createdPerson)
      if (auto known = w_.row(core::Table::Resident, person)) where = known->text(rc::household);
    if (where.empty())
      throw ValidationError({core::Issue(core::IssueCode::FieldRequired, std::string(hc::address))}, {});
    const std::string on = cellText(r.visit, col::visit::visitedOn);
    std::string key = where + '\x1f' + person + '\x1f' + on;
    if (createdPerson ||
        (!created_.count(key) && !pendingCreated_.count(key) && !w_.visitOn(where, person, on))) {
      insert(core::Table::Visit, r.visit, r.newVisit, {{col::visit::household, where}, {col::visit::resident, person}});
      pendingCreated_.emplace(key);
      ++pending_.visitsCreated;
    }
  }
}

// A new row: as the reading thread prepared it, with the references to rows the writer chose added.
std::string RowWriter::insert(core::Table table, const core::Cells& cells,
                              std::optional<db::PreparedRow>& prepared, core::Cells references) {
  if (!prepared) {
    core::Cells all = cells;
    all.insert(all.end(), references.begin(), references.end());
    return w_.stageInsert(table, std::move(all));
  }
  db::PreparedRow row = std::move(*prepared);
  prepared.reset();
  row.cells.insert(row.cells.end(), references.begin(), references.end());
  return w_.stagePrepared(std::move(row));
}

void RowWriter::commitCounts() {
  report_.personsCreated += pending_.personsCreated;
  report_.personsUpdated += pending_.personsUpdated;
  report_.householdsCreated += pending_.householdsCreated;
  report_.householdsUnassigned += pending_.householdsUnassigned;
  report_.quarantinesCreated += pending_.quarantinesCreated;
  report_.visitsCreated += pending_.visitsCreated;
  for (auto& rename : pending_.renames) report_.renames.push_back(std::move(rename));
  // The nodes move over as they are (a key already there keeps its first value).
  known_.householdByKey.merge(newKeys_);
  known_.householdByNumber.merge(newNumbers_);
  createdByIdNumber_.merge(newIdNumbers_);
  createdOnRow_.merge(pendingCreatedOnRow_);
  createdNamed_.merge(pendingNamed_);
  created_.merge(pendingCreated_);
  dropPending();
}

void RowWriter::dropPending() {
  pending_.personsCreated = pending_.personsUpdated = pending_.householdsCreated = 0;
  pending_.householdsUnassigned = pending_.quarantinesCreated = pending_.visitsCreated = 0;
  pending_.renames.clear();
  newKeys_.clear();
  newNumbers_.clear();
  newIdNumbers_.clear();
  pendingCreatedOnRow_.clear();
  pendingNamed_.clear();
  pendingCreated_.clear();
}

// A household number decides the household: the rows with one number are one household, whatever
// their addresses say, and two numbers at one address are two households (人户分离, 空挂户). Only a
// row without a number is matched by its address, among households without a number.
std::string RowWriter::householdFor(RowRecord& r, const std::optional<db::Row>& person) {
  if (r.household.empty() || (r.addressKey.empty() && r.householdNo.empty())) {
    // A row of this program's export names its household by id.
    if (!r.householdId.empty() && w_.row(core::Table::Household, r.householdId)) return r.householdId;
    return {};
  }
  // A row without a number at the flat where the person it names already lives (numbered or not):
  // they stay in that household.
  if (r.householdNo.empty() && person && !person->text(rc::household).empty())
    if (auto h = w_.row(core::Table::Household, person->text(rc::household));
        h && core::householdKey(h->text(hc::address), h->text(hc::building), h->text(hc::unit), h->text(hc::room)) ==
                 r.addressKey)
      return h->id;
  std::string id = existingHousehold(r);
  if (!id.empty()) return id;
  core::Cells grid;
  if (auto found = known_.gridByName.find(r.grid); found != known_.gridByName.end())
    grid.push_back({hc::grid, std::string(found->second)});
  else
    ++pending_.householdsUnassigned;
  id = insert(core::Table::Household, r.household, r.newHousehold, std::move(grid));
  ++pending_.householdsCreated;
  if (!r.householdNo.empty())
    newNumbers_.emplace(r.householdNo, id);
  else if (!r.addressKey.empty())
    newKeys_.emplace(r.addressKey, id);
  return id;
}

// The household a row names, among this import's and the ledger's: by its number when it has one, else
// by its matching key among households without a number; "" for none.
std::string RowWriter::existingHousehold(const RowRecord& r) {
  if (!r.householdNo.empty()) {
    std::string id = lookup(known_.householdByNumber, r.householdNo);
    if (id.empty()) id = lookup(newNumbers_, r.householdNo);
    if (id.empty() && !known_.preloaded) id = w_.householdWithNumber(r.householdNo).value_or("");
    return id;
  }
  std::string id = lookup(known_.householdByKey, r.addressKey);
  if (id.empty()) id = lookup(newKeys_, r.addressKey);
  if (id.empty() && !known_.preloaded) id = w_.householdWithKey(r.addressKey).value_or("");
  return id;
}

// The person a number names: by its match key (a reissued travel permit is the same person). People
// this import created are not in the (batched) search index yet: they are in createdByIdNumber_.
std::optional<std::string> RowWriter::matchByIdNumber(const std::string& idNumber) {
  const std::string key = core::idMatchKey(idNumber);
  auto created = createdByIdNumber_.find(key);
  if (created != createdByIdNumber_.end()) return std::string(created->second);
  if (known_.preloaded && !known_.idKeyHashes.count(std::hash<std::string>{}(key))) return std::nullopt;
  return w_.residentWithIdKey(key);
}

// One identity number, two names: the row must not rename the person the number belongs to — the
// number is more likely mistyped than the name changed — unless the import was told to accept renames.
void RowWriter::checkName(RowRecord& r, const std::string& id, const db::Row& current, core::Cells& cells) {
  const std::string was = current.text(rc::name), now = cellText(cells, rc::name);
  if (now.empty()) return;
  if (core::nameKey(was) == core::nameKey(now)) {
    std::erase_if(cells, [](const core::Cell& c) { return c.column == rc::name.name; });  // 王 芳 stays 王芳
    return;
  }
  if (acceptRenames_) {
    pending_.renames.push_back({r.row, id, was, now});
    return;
  }
  auto earlier = createdOnRow_.find(id);
  core::Issue issue{earlier == createdOnRow_.end() ? core::IssueCode::IdNameMismatch
                                                   : core::IssueCode::IdNameMismatchInFile,
                    std::string(rc::idNumber)};
  issue.args = {{"other", was}, {"name", now}};
  if (earlier != createdOnRow_.end()) issue.args.push_back({"earlier", std::to_string(earlier->second)});
  issue.detail = cellText(cells, rc::idNumber);
  throw ValidationError({std::move(issue)}, "resident " + id);
}

// An edited export matched by its record id: a deliberate edit, except where it cannot be one — a
// number that is another person's, or a row whose name and number both differ (a row copied from an
// export to enter someone else). Cells the clerk emptied are cleared; renames are listed.
void RowWriter::checkRecordEdit(RowRecord& r, const db::Row& current, core::Cells& cells) {
  const std::string was = current.text(rc::name), now = cellText(cells, rc::name);
  const std::string oldNumber = current.text(rc::idNumber), newNumber = cellText(cells, rc::idNumber);
  auto refuse = [&](core::IssueCode code, std::string detail, std::vector<MessageArg> args) {
    core::Issue issue{code, code == core::IssueCode::IdNameMismatch ? std::string(rc::idNumber) : std::string("id")};
    issue.detail = std::move(detail);
    issue.args = std::move(args);
    throw ValidationError({std::move(issue)}, "resident " + current.id);
  };
  if (!newNumber.empty() && newNumber != oldNumber)
    if (auto owner = matchByIdNumber(newNumber); owner && *owner != current.id)
      if (auto other = w_.row(core::Table::Resident, *owner))
        refuse(core::IssueCode::IdNameMismatch, newNumber, {{"other", other->text(rc::name)}, {"name", now}});
  const bool renamed = !now.empty() && core::nameKey(was) != core::nameKey(now);
  if (renamed && !oldNumber.empty() && !newNumber.empty() && newNumber != oldNumber)
    refuse(core::IssueCode::RecordIdReused, r.recordId, {{"other", was}, {"name", now}});
  if (renamed) pending_.renames.push_back({r.row, current.id, was, now});
  for (const auto& column : r.cleared)
    if (!current[column].has_value() || column == rc::sex.name || column == rc::birthDate.name ||
        column == rc::idType.name)
      continue;
    else
      cells.push_back({column, std::nullopt});
}

// The person the row names by this program's record id or by identity number; nullopt for someone new.
std::optional<db::Row> RowWriter::knownPerson(const RowRecord& r) {
  if (!r.recordId.empty())
    if (auto row = w_.row(core::Table::Resident, r.recordId)) return row;
  const std::string idNumber = cellText(r.person, rc::idNumber);
  if (idNumber.empty()) return std::nullopt;
  auto id = matchByIdNumber(idNumber);
  return id ? w_.row(core::Table::Resident, *id) : std::nullopt;
}

std::string RowWriter::personFor(RowRecord& r, const std::string& household,
                                 const std::optional<db::Row>& known) {
  std::string idNumber = cellText(r.person, rc::idNumber);
  // A row of this program's export names its person by id: matched so even without an id number, or
  // with a name edited (a deliberate edit). An id the ledger does not have is matched as any other row.
  const bool byRecordId = known && known->id == r.recordId;
  std::optional<db::Row> current = known;
  // A row without a number finds its person by name in the household: a person of the ledger (any,
  // as Writer::residentNamed) or one this import created, with or without a number, whether or not the
  // writer's queue has been written out yet.
  // Kept by the hash of household and name (a county's file makes 100,000), checked on a hit.
  const std::string name = core::nameKey(cellText(r.person, rc::name));
  const std::size_t namedKey = std::hash<std::string>{}(household + '\x1f' + name);
  if (!current && idNumber.empty() && !household.empty()) {
    // This import's own people first: the writer's queue hides them from a lookup.
    if (auto named = createdNamed_.find(namedKey); named != createdNamed_.end()) {
      current = w_.row(core::Table::Resident, std::string(named->second));
      if (current &&
          (current->text(rc::household) != household || core::nameKey(current->text(rc::name)) != name))
        current.reset();
    }
    if (!current)
      if (auto named = w_.residentNamed(household, cellText(r.person, rc::name)))
        current = w_.row(core::Table::Resident, *named);
  }
  // Without a number or a household, the next import could not find this person again: it would add
  // them a second time.
  if (!current && idNumber.empty() && household.empty())
    throw ValidationError({core::Issue(core::IssueCode::PersonUnidentified, std::string(rc::idNumber))}, {});
  if (!current) {
    ++pending_.personsCreated;
    core::Cells reference;
    if (!household.empty()) reference.push_back({rc::household, household});
    std::string created = insert(core::Table::Resident, r.person, r.newPerson, std::move(reference));
    if (!idNumber.empty()) newIdNumbers_.emplace(core::idMatchKey(idNumber), created);
    if (!household.empty()) pendingNamed_.emplace(namedKey, created);
    pendingCreatedOnRow_.emplace(created, r.row);
    return created;
  }
  core::Cells cells = r.person;
  if (!household.empty()) cells.push_back({rc::household, household});
  if (byRecordId)
    checkRecordEdit(r, *current, cells);
  else
    checkName(r, current->id, *current, cells);
  auto changed = changedCells(current, cells);
  // A number this row gives the person (an edited export's row): a later row with it is this person,
  // though the batched search index does not know it yet.
  if (const std::string number = cellText(changed, rc::idNumber); !number.empty())
    newIdNumbers_.emplace(core::idMatchKey(number), current->id);
  if (!changed.empty() && w_.stageUpdate(core::Table::Resident, current->id, std::move(changed)))
    ++pending_.personsUpdated;
  return current->id;
}

}  // namespace gl::exchange
