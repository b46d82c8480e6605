// The import's driver: finds the header row below any title rows, maps the columns, then reads the
// rows one at a time and writes each good one, checked whole before any of it is written, in one
// transaction (a row that fails leaves nothing behind). A dry run, a cancel and all-or-nothing with errors roll the
// whole transaction back.
#include "exchange/roster_import.h"

#include <unordered_map>
#include <unordered_set>

#include "core/address.h"
#include "core/ascii.h"
#include "core/error.h"
#include "core/utf8.h"
#include "core/validation_error.h"
#include "db/writer.h"
#include "exchange/import_profile.h"
#include "exchange/record_stream.h"
#include "exchange/roster_record.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

namespace {

constexpr int kHeaderSearchRows = 30;

struct RollBack {};  // thrown inside the transaction to undo it (dry run, cancel, all-or-nothing)

std::optional<ImportField> overrideFor(const ImportOptions& options, const std::string& header) {
  for (const auto& [column, field] : options.overrides)
    if (column == header || normalizeHeader(column) == normalizeHeader(header)) {
      auto f = fieldByName(field);
      if (!f)
        throw Error(Error::Kind::BadInput, N_("Unknown field “{field}” in --map {column}={field}"),
                    {{"field", field}, {"column", column}});
      return f;
    }
  return std::nullopt;
}

// The header: the first row (of the first 30) that is a saved profile's layout, or that names at
// least two fields, one of them the name or the identity number; the rows above it are titles.
std::optional<std::vector<ColumnMapping>> headerOf(const SheetRow& row, const ImportOptions& options,
                                                   const std::vector<ImportProfile>& profiles,
                                                   std::string& profileUsed) {
  std::vector<std::string> headers;
  for (const auto& cell : row.cells) headers.push_back(core::utf8::trim(cell.text));
  for (const auto& profile : profiles)
    if (matchesProfile(profile, headers)) {
      std::vector<ColumnMapping> columns;
      for (std::size_t i = 0; i < profile.columns.size(); ++i) {
        auto field = fieldByName(profile.columns[i].second);
        columns.push_back({static_cast<int>(i) + 1, headers[i], field == ImportField::Ignore ? std::nullopt : field});
      }
      profileUsed = profile.name;
      return columns;
    }
  std::vector<ColumnMapping> columns;
  int known = 0;
  bool person = false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    ColumnMapping m;
    m.column = static_cast<int>(i) + 1;
    m.header = core::utf8::trim(row.cells[i].text);
    if (!m.header.empty()) {
      m.field = overrideFor(options, m.header);
      if (!m.field) m.field = fieldForHeader(m.header);
    }
    if (m.field && *m.field != ImportField::Ignore && *m.field != ImportField::Sensitive) {
      ++known;
      person |= *m.field == ImportField::Name || *m.field == ImportField::IdNumber;
    }
    columns.push_back(std::move(m));
  }
  if (known < 2 || !person) return std::nullopt;
  return columns;
}

std::size_t sheetIndex(const SheetReader& reader, const std::string& wanted,
                       const std::filesystem::path& file) {
  const auto& names = reader.sheetNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == wanted) return i;
  if (!wanted.empty() && core::ascii::allDigits(wanted)) {
    auto n = std::stoul(wanted);
    if (n >= 1 && n <= names.size()) return n - 1;
  }
  throw Error(Error::Kind::BadInput, N_("“{file}” has no sheet “{sheet}”"),
              {{"file", file.string()}, {"sheet", wanted}});
}

// What the ledger already has, read before the transaction: households by number and by address
// key, grids by name and code.
struct Known {
  std::unordered_map<std::string, std::string> householdByKey, householdByNumber, gridByName;
  // Hashes of the identity numbers the ledger has: a number not among them is surely a new person,
  // with no lookup (most of a first import).
  std::unordered_set<std::size_t> idNumberHashes;
};

Known readKnown(const db::Ledger& ledger) {
  Known k;
  ledger.forEachRow(core::Table::Household, [&](const db::Row& h) {
    k.householdByKey.emplace(core::addressKey(h.text("address")), h.id);
    if (!h.text("household_no").empty()) k.householdByNumber.emplace(h.text("household_no"), h.id);
  });
  ledger.forEachIdNumber([&](std::string_view n) { k.idNumberHashes.insert(std::hash<std::string_view>{}(n)); });
  ledger.forEachRow(core::Table::Grid, [&](const db::Row& g) {
    k.gridByName.emplace(g.text("name"), g.id);
    k.gridByName.emplace(g.text("code"), g.id);
  });
  return k;
}

// Only the cells that say something new: an import never blanks a value the ledger has.
core::Cells changedCells(const std::optional<db::Row>& current, const core::Cells& cells) {
  core::Cells out;
  for (const auto& c : cells)
    if (c.value && (!current || (*current)[c.column] != c.value)) out.push_back(c);
  return out;
}

class RowWriter {
 public:
  RowWriter(db::Writer& w, Known& known, ImportReport& report) : w_(w), known_(known), report_(report) {}

  // Stages the row's writes (db::Writer::stageInsert): every check happens here, and the caller
  // writes them all or drops them all.
  void stage(RowRecord& r) {
    std::string household = householdFor(r);
    const auto createdBefore = pending_.personsCreated;
    std::string person = personFor(r, household);
    // A person made by this very row has no quarantine or visit yet: nothing to look up.
    const bool newPerson = pending_.personsCreated > createdBefore;
    if (!r.quarantine.empty()) {
      std::string start = text(r.quarantine, "start_on");
      if (newPerson || !w_.quarantineOf(person, start)) {
        core::Cells cells = r.quarantine;
        cells.push_back({"resident", person});
        w_.stageInsert(core::Table::Quarantine, std::move(cells));
        ++pending_.quarantinesCreated;
      }
    }
    if (!r.visit.empty()) {
      if (household.empty())
        throw ValidationError(
            {core::Issue(core::IssueCode::FieldRequired, "address", static_cast<int>(r.row))}, {});
      if (newPerson || !w_.visitOn(household, person, text(r.visit, "visited_on"))) {
        core::Cells cells = r.visit;
        cells.push_back({"household", household});
        cells.push_back({"resident", person});
        w_.stageInsert(core::Table::Visit, std::move(cells));
        ++pending_.visitsCreated;
      }
    }
  }

  // Counts of the row just written go into the report only once it is written.
  void commitCounts() {
    report_.personsCreated += pending_.personsCreated;
    report_.personsUpdated += pending_.personsUpdated;
    report_.householdsCreated += pending_.householdsCreated;
    report_.householdsUnassigned += pending_.householdsUnassigned;
    report_.quarantinesCreated += pending_.quarantinesCreated;
    report_.visitsCreated += pending_.visitsCreated;
    for (auto& [k, id] : newKeys_) known_.householdByKey.emplace(k, id);
    for (auto& [n, id] : newNumbers_) known_.householdByNumber.emplace(n, id);
    for (auto& [n, id] : newIdNumbers_) createdByIdNumber_.emplace(n, id);
    dropPending();
  }
  void dropPending() {
    pending_ = {};
    newKeys_.clear();
    newNumbers_.clear();
    newIdNumbers_.clear();
  }

 private:
  static std::string text(const core::Cells& cells, std::string_view column) {
    for (const auto& c : cells)
      if (c.column == column && c.value) return *c.value;
    return {};
  }

  std::string householdFor(RowRecord& r) {
    if (r.household.empty() || (r.addressKey.empty() && r.householdNo.empty())) {
      // A row of this program's export names its household by id.
      if (!r.householdId.empty() && w_.row(core::Table::Household, r.householdId)) return r.householdId;
      return {};
    }
    auto lookup = [](const auto& map, const std::string& k) -> std::string {
      auto it = map.find(k);
      return it == map.end() ? std::string() : it->second;
    };
    std::string id = r.householdNo.empty() ? std::string() : lookup(known_.householdByNumber, r.householdNo);
    if (id.empty() && !r.householdNo.empty()) id = lookup(newNumbers_, r.householdNo);
    if (id.empty() && !r.addressKey.empty()) id = lookup(known_.householdByKey, r.addressKey);
    if (id.empty() && !r.addressKey.empty()) id = lookup(newKeys_, r.addressKey);
    if (!id.empty()) return id;
    core::Cells cells = r.household;
    auto grid = known_.gridByName.find(r.grid);
    if (grid != known_.gridByName.end())
      cells.push_back({"grid", grid->second});
    else
      ++pending_.householdsUnassigned;
    id = w_.stageInsert(core::Table::Household, std::move(cells));
    ++pending_.householdsCreated;
    if (!r.addressKey.empty()) newKeys_.emplace(r.addressKey, id);
    if (!r.householdNo.empty()) newNumbers_.emplace(r.householdNo, id);
    return id;
  }

  std::string personFor(RowRecord& r, const std::string& household) {
    std::string idNumber = text(r.person, "id_number");
    std::optional<std::string> id;
    // A row of this program's export names its person by id: matched so even without an id number,
    // or with a name edited. An id the ledger does not have is matched as any other row.
    if (!r.recordId.empty() && w_.row(core::Table::Resident, r.recordId)) id = r.recordId;
    if (!id && !idNumber.empty()) {
      // People this import created are not in the (batched) search index yet.
      auto created = createdByIdNumber_.find(idNumber);
      if (created != createdByIdNumber_.end()) id = created->second;
      else if (known_.idNumberHashes.count(std::hash<std::string_view>{}(idNumber))) id = w_.residentWithIdNumber(idNumber);
    }
    if (!id && idNumber.empty() && !household.empty())
      id = w_.residentNamed(household, text(r.person, "name"));
    core::Cells cells = r.person;
    if (!household.empty()) cells.push_back({"household", household});
    if (!id) {
      ++pending_.personsCreated;
      std::string created = w_.stageInsert(core::Table::Resident, std::move(cells));
      if (!idNumber.empty()) newIdNumbers_.emplace(idNumber, created);
      return created;
    }
    auto changed = changedCells(w_.row(core::Table::Resident, *id), cells);
    if (!changed.empty() && w_.stageUpdate(core::Table::Resident, *id, std::move(changed))) ++pending_.personsUpdated;
    return *id;
  }

  db::Writer& w_;
  Known& known_;
  ImportReport& report_;
  ImportReport pending_;
  std::unordered_map<std::string, std::string> newKeys_, newNumbers_, newIdNumbers_;
  std::unordered_map<std::string, std::string> createdByIdNumber_;
};

}  // namespace

ImportProfile profileOf(const std::string& name, const ImportReport& report) {
  ImportProfile p;
  p.name = name;
  for (const auto& c : report.columns)
    p.columns.emplace_back(c.header, std::string(fieldName(c.field.value_or(ImportField::Ignore))));
  return p;
}

std::vector<std::string> ImportReport::unmappedColumns() const {
  std::vector<std::string> out;
  for (const auto& c : columns)
    if (!c.field && !c.header.empty()) out.push_back(c.header);
  return out;
}

std::vector<std::string> ImportReport::sensitiveColumns() const {
  std::vector<std::string> out;
  for (const auto& c : columns)
    if (c.field == ImportField::Sensitive) out.push_back(c.header);
  return out;
}

namespace {

struct HeaderFound {
  std::string sheet, profile;
  std::int64_t row = 0;
  std::vector<ColumnMapping> columns;
};

// The sheet and its header row, read before anything is written; the reader is left just below it.
HeaderFound findHeader(SheetReader& reader, const db::Ledger& ledger, const ImportOptions& options,
                       const std::filesystem::path& file) {
  std::vector<std::size_t> sheets;
  if (!options.sheet.empty())
    sheets.push_back(sheetIndex(reader, options.sheet, file));
  else
    for (std::size_t i = 0; i < reader.sheetNames().size(); ++i) sheets.push_back(i);
  std::vector<ImportProfile> profiles;
  if (!options.profile.empty()) {
    for (auto& p : loadProfiles(ledger))
      if (p.name == options.profile) profiles.push_back(std::move(p));
    if (profiles.empty())
      throw Error(Error::Kind::BadInput, N_("There is no import profile “{profile}”"), {{"profile", options.profile}});
  } else if (options.overrides.empty()) {
    profiles = loadProfiles(ledger);
  }
  HeaderFound found;
  SheetRow row;
  for (std::size_t sheet : sheets) {
    reader.openSheet(sheet);
    for (int n = 0; n < kHeaderSearchRows && reader.next(row); ++n)
      if (auto columns = headerOf(row, options, profiles, found.profile)) {
        found.columns = std::move(*columns);
        found.row = row.number;
        found.sheet = reader.sheetNames()[sheet];
        break;
      }
    if (found.row) break;
  }
  if (!found.row)
    throw Error(Error::Kind::BadInput,
                N_("No header row found in “{file}”: the first rows should name columns such as 姓名 and 身份证号 "
                   "(or map them with --map 列名=field)"),
                {{"file", file.string()}});
  if (!options.profile.empty() && found.profile.empty())
    throw Error(Error::Kind::BadInput, N_("“{file}” does not have the columns of import profile “{profile}”"),
                {{"file", file.string()}, {"profile", options.profile}});
  return found;
}

}  // namespace

RosterPreview previewRoster(const db::Ledger& ledger, const std::filesystem::path& file, const ImportOptions& options,
                            std::size_t maxRows) {
  auto reader = openSpreadsheet(file);
  RosterPreview preview;
  preview.sheets = reader->sheetNames();
  HeaderFound found = findHeader(*reader, ledger, options, file);
  preview.sheet = found.sheet;
  preview.profile = found.profile;
  preview.headerRow = found.row;
  preview.columns = std::move(found.columns);
  SheetRow row;
  const core::Date today = ledger.today();
  const RowLayout layout(preview.columns);
  while (preview.rows.size() < maxRows && reader->next(row)) {
    RowRecord r = recordFromRow(row, layout, reader->date1904(), today);
    r.texts.resize(preview.columns.size());
    preview.rows.push_back(std::move(r.texts));
  }
  return preview;
}

ImportReport importRoster(db::Ledger& ledger, const std::filesystem::path& file, const ImportOptions& options) {
  auto reader = openSpreadsheet(file);
  ImportReport report;
  HeaderFound found = findHeader(*reader, ledger, options, file);
  report.sheet = found.sheet;
  report.profile = found.profile;
  report.headerRow = found.row;
  report.columns = std::move(found.columns);
  Known known = readKnown(ledger);
  const core::Date today = ledger.today();
  // No bulk-load pragmas here: their 512 MB page cache would take the import past its memory budget
  // on a county-sized ledger for an 8 % gain.
  try {
    ledger.bulkWrite([&](db::Writer& w) {
      RowWriter writer(w, known, report);
      w.batchSearchIndex();
      const RowLayout layout(report.columns);
      RecordStream records(*reader, layout, today);
      RowRecord r;
      while (records.next(r)) {
        if (options.progress && !options.progress(records.bytesRead(), records.bytesTotal())) {
          report.cancelled = true;
          throw RollBack{};
        }
        if (r.totalOrNote) {
          ++report.skipped;
          continue;
        }
        if (r.blank) continue;
        ++report.rows;
        if (!r.hasErrors()) {
          try {
            writer.stage(r);
            // Checked whole: a failure from here on is the disk's, and takes the transaction back.
            w.writeStaged();
            writer.commitCounts();
            ++report.imported;
            continue;
          } catch (const ValidationError& e) {
            w.dropStaged();
            writer.dropPending();
            for (auto issue : e.issues()) {
              issue.row = static_cast<int>(r.row);
              if (issue.column == 0) issue.column = layout.columnOf(core::Table::Resident, issue.field);
              r.issues.push_back(std::move(issue));
            }
          }
        }
        ++report.rejected;
        report.rejectedRows.push_back({r.row, std::move(r.texts), std::move(r.issues)});
      }
      if (options.dryRun || (options.allOrNothing && report.rejected > 0)) throw RollBack{};
    });
    report.written = true;
  } catch (const RollBack&) {
    report.written = false;
  }
  return report;
}

}  // namespace gl::exchange
