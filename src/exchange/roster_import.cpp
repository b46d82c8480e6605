// The import's driver: finds the header row below any title rows, maps the columns, then reads the
// rows one at a time and writes each good one, checked whole before any of it is written, in one
// transaction (a row that fails leaves nothing behind). A dry run, a cancel and all-or-nothing with
// errors roll the whole transaction back.
#include "exchange/roster_import.h"

#include <malloc.h>

#include <algorithm>

#include "core/columns.h"
#include "core/validation_error.h"
#include "db/writer.h"
#include "exchange/column_plan.h"
#include "exchange/import_profile.h"
#include "exchange/record_stream.h"
#include "exchange/roster_header.h"
#include "exchange/roster_record.h"
#include "exchange/roster_writer.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

namespace col = core::col;

namespace {

struct RollBack {};  // thrown inside the transaction to undo it (dry run, cancel, all-or-nothing)

// The column an issue found while staging belongs to: the identity number's or the name's column
// of this row, else the column its field came from (0: none gave it).
int columnFor(const core::Issue& issue, const RowRecord& r, const RowLayout& layout) {
  if (issue.column > 0) return issue.column;
  if (issue.field == col::resident::idNumber.name && r.idColumn) return r.idColumn;
  if (issue.field == col::resident::name.name && r.nameColumn) return r.nameColumn;
  if (issue.field == "id") return r.recordIdColumn;
  return layout.columnOf(issue.field);
}

// A row that went in keeps its warnings (a county code in no edition of GB/T 2260), one per field.
void keepWarnings(const RowRecord& r, ImportReport& report) {
  std::vector<std::string> fields;
  for (const auto& issue : r.issues) {
    if (issue.severity != core::Severity::Warning) continue;
    if (std::find(fields.begin(), fields.end(), issue.field) != fields.end()) continue;
    fields.push_back(issue.field);
    report.warnings.push_back(issue);
  }
}

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

RosterPreview previewRoster(const db::Ledger& ledger, const std::filesystem::path& file,
                            const ImportOptions& options, std::size_t maxRows) {
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

ImportReport importRoster(db::Ledger& ledger, const std::filesystem::path& file,
                          const ImportOptions& options) {
  // Blocks of a few MiB and more (the queues, the sorted terms, the bookkeeping's arena) come from the
  // system and go back to it when freed. glibc would otherwise raise this threshold after the first
  // import freed its arena, and a second import in the same window would keep its large blocks.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  auto reader = openSpreadsheet(file);
  ImportReport report;
  HeaderFound found = findHeader(*reader, ledger, options, file);
  report.sheet = found.sheet;
  report.profile = found.profile;
  report.headerRow = found.row;
  report.columns = std::move(found.columns);
  report.missingColumns = missingColumns(report.columns);
  // About 55 bytes a row in an .xlsx, more in a .csv: enough to choose how to look things up.
  Known known = readKnown(ledger, static_cast<std::int64_t>(reader->bytesTotal() / 55));
  const core::Date today = ledger.today();
  // No bulk-load pragmas here: their 512 MB page cache would take the import past its memory budget
  // on a county-sized ledger for an 8 % gain.
  try {
    ledger.bulkWrite([&](db::Writer& w) {
      w.bulkLoad(known.bookkeepingBytes());
      const RowLayout layout(report.columns);
      {
        RowWriter writer(w, known, report, options.acceptRenames);
        RecordStream records(*reader, layout, today);
        while (RowRecord* next = records.next()) {
          RowRecord& r = *next;
          if (!options.progress.report({static_cast<std::int64_t>(records.bytesRead()),
                                        static_cast<std::int64_t>(records.bytesTotal())})) {
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
              keepWarnings(r, report);
              continue;
            } catch (const ValidationError& e) {
              w.dropStaged();
              writer.dropPending();
              for (auto issue : e.issues()) {
                placeIssue(issue, r, layout, columnFor(issue, r, layout));
                r.issues.push_back(std::move(issue));
              }
            }
          }
          ++report.rejected;
          report.rejectedRows.push_back({r.row, std::move(r.texts), std::move(r.issues)});
        }
      }
      known.release();  // before the index and the commit, which need memory of their own
      if (options.dryRun || (options.allOrNothing && report.rejected > 0)) throw RollBack{};
    });
    report.written = true;
  } catch (const RollBack&) {
    report.written = false;
  }
  // The import's memory goes back to the system now, not when the window closes: freed on three
  // threads, it stays in their allocator arenas and the next import would add its own on top.
  malloc_trim(0);
  return report;
}

}  // namespace gl::exchange
