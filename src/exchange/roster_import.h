// Importing a roster spreadsheet (docs/import.md): each data row describes a person and,
// where its columns are there, their household, a quarantine and a screening visit. Matching makes a
// second import of the same file change nothing: a person by normalized id number (or, without one,
// by name within the household), a household by household number or normalized address, a
// quarantine by (person, start date), a visit by (household, person, date). A row with any error is
// rejected whole, with its spreadsheet row, column and reason; the others go in, all in one
// transaction. A file that cannot be read changes nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/issue.h"
#include "core/progress.h"
#include "db/ledger.h"
#include "exchange/column_map.h"

namespace gl::exchange {

struct ImportOptions {
  std::string sheet;  // a sheet's name or 1-based number; "" = the first sheet with a header row
  // Column header → field name ("联系人电话" → "phone", "备用列" → "ignore"): the user's word wins
  // over the dictionary.
  std::vector<std::pair<std::string, std::string>> overrides;
  // An import profile to use by name; "" = recognise a saved profile by the file's header row.
  std::string profile;
  bool dryRun = false;        // everything is checked and counted, nothing is written
  bool allOrNothing = false;  // one rejected row rejects the file
  // A row whose identity number is another person's, under another name, renames that person instead
  // of being rejected (a file that really corrects names); every rename is listed in the report.
  bool acceptRenames = false;
  // Hears bytes read of the file's total as the rows go; a stop request cancels (nothing is written).
  core::Reporter progress;
};

struct ColumnMapping {
  int column = 0;      // 1-based
  std::string header;  // as written in the file
  std::optional<ImportField> field;  // nullopt: unmapped, dropped
  // A decision taken from the set of headers, as an English message id (translate at the edge):
  // "beside a building column, 门牌 is the room". Empty when the header alone decided.
  std::string note;
  bool residentIdOnly = false;  // an identity number column headed 身份证号: resident numbers only
  bool kindFromPlace = false;   // a quarantine place column that also gives the quarantine's kind
};

// A field that rows need and that no column gives, said once before the rows' errors.
struct MissingColumn {
  std::string field;  // the field's name, as --map takes it ("quarantine_kind")
  std::string label;  // the data model's column, for its translated label ("kind")
};

// A person renamed by an import run with acceptRenames.
struct Rename {
  std::int64_t row = 0;
  std::string id, from, to;
};

// A rejected row: what the file said, and why (issues carry the spreadsheet row and column).
struct RejectedRow {
  std::int64_t row = 0;
  std::vector<std::string> cells;  // the row's cells as text, in the header's column order
  std::vector<core::Issue> issues;
};

struct ImportReport {
  std::string sheet;
  std::string profile;  // the import profile whose mapping was used ("" = the dictionary)
  std::int64_t headerRow = 0;
  std::vector<ColumnMapping> columns;
  std::int64_t rows = 0;      // data rows below the header (blank rows not counted)
  std::int64_t imported = 0;  // rows written (or matched: a repeated row imports as "nothing to change")
  std::int64_t rejected = 0;
  std::int64_t skipped = 0;   // total (合计) and notes (填表说明) rows
  std::int64_t personsCreated = 0, personsUpdated = 0, householdsCreated = 0, quarantinesCreated = 0,
               visitsCreated = 0;
  std::int64_t householdsUnassigned = 0;  // created without a known grid: the "to dispatch" list
  std::vector<RejectedRow> rejectedRows;
  std::vector<core::Issue> warnings;  // of rows that went in, at most one per row and field
  std::vector<MissingColumn> missingColumns;
  std::vector<Rename> renames;
  bool written = false;    // false for a dry run, a cancelled import, or all-or-nothing with errors
  bool cancelled = false;

  std::vector<std::string> unmappedColumns() const;
  std::vector<std::string> sensitiveColumns() const;  // recognised and never imported
};

// The mapping of an import as a profile to save (unmapped columns as "ignore").
struct ImportProfile;
ImportProfile profileOf(const std::string& name, const ImportReport& report);

// What the import wizard shows before anything is written: the sheets, the header it found and the
// mapping, and the first rows below the header as text.
struct RosterPreview {
  std::vector<std::string> sheets;
  std::string sheet, profile;
  std::int64_t headerRow = 0;
  std::vector<ColumnMapping> columns;
  std::vector<std::vector<std::string>> rows;
};
RosterPreview previewRoster(const db::Ledger& ledger, const std::filesystem::path& file, const ImportOptions& options,
                            std::size_t maxRows = 20);

ImportReport importRoster(db::Ledger& ledger, const std::filesystem::path& file, const ImportOptions& options);

// Writes the rejected rows as a UTF-8 CSV (with BOM) that staff can fix and import again: the
// header row of the file plus a reason column.
void writeRejectedRows(const ImportReport& report, const std::filesystem::path& out);

}  // namespace gl::exchange
