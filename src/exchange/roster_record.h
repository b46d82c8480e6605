// One roster row turned into the ledger's cells (internal to the importer): the person, household,
// quarantine and visit it describes, each cell already normalized and checked by the data model's
// own rules, and every problem placed at the row and column it came from.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/issue.h"
#include "core/schema.h"
#include "db/writer.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

// A mapping prepared once for all the rows of a sheet: each mapped column's target, and the
// spreadsheet column each ledger column comes from (the first, when several map to one field).
class RowLayout {
 public:
  explicit RowLayout(const std::vector<ColumnMapping>& columns);
  struct Slot {
    int column = 0;  // 1-based
    ImportField field = ImportField::Ignore;
    core::Table table = core::Table::Resident;
    const core::ColumnSpec* spec = nullptr;  // nullptr for the grid, ignored and sensitive columns
    std::string header;                      // as the file wrote it
    bool residentIdOnly = false, kindFromPlace = false;
  };
  const std::vector<Slot>& slots() const { return slots_; }
  std::size_t width() const { return width_; }
  // The spreadsheet column (1-based) a cell of `table` came from; 0 when none did.
  int columnOf(core::Table table, std::string_view column) const;
  // The same for a data-model column of whichever table has it (the importer's columns are unique).
  int columnOf(std::string_view column) const;
  // The header of a spreadsheet column (1-based) as the file wrote it; "" for none.
  const std::string& headerOf(int column) const;

 private:
  std::vector<Slot> slots_;
  std::vector<std::string> headers_;
  std::size_t width_ = 0;
  std::map<std::pair<core::Table, std::string>, int> where_;
};

struct RowRecord {
  std::int64_t row = 0;
  core::Cells person, household, quarantine, visit;
  std::string grid;             // as written (a grid's name or code)
  std::string recordId, householdId;  // from this program's export: the person's and household's ids
  std::string householdNo;
  std::string addressKey;       // core::addressKey of the address (+ building, unit, room cells)
  int idColumn = 0, nameColumn = 0, recordIdColumn = 0;  // where the number, name and record id came from
  std::vector<std::string> cleared;  // resident columns the sheet has and this row left empty
  std::vector<core::Issue> issues;
  std::vector<std::string> texts;  // every cell as text, in column order (for the rejected-rows file)
  // The records as new rows, checked on the reading thread (db::prepareRow) for the writer to insert
  // as they are, should the row need them new.
  std::optional<db::PreparedRow> newPerson, newHousehold, newQuarantine, newVisit;
  bool blank = true;            // no mapped field has a value
  bool totalOrNote = false;     // 合计/总计/小计 or 填表说明 rows: skipped

  bool hasErrors() const { return core::hasErrors(issues); }
};

// Reads a row through the mapping: cell kinds judged (an id number in a numeric cell is an error,
// never repaired; date cells become dates), codes mapped ("居家隔离" → home), every cell normalized.
RowRecord recordFromRow(const SheetRow& row, const RowLayout& layout, bool date1904, core::Date today);

// Places an issue at a column of the row: its row, column and header, and, for an error about a
// value, the cell as the file wrote it (性别 “男”, not the stored "male").
void placeIssue(core::Issue& issue, const RowRecord& r, const RowLayout& layout, int column);
// True for text that a CSV export guarded with an apostrophe ("'=SUM(…)", "'-3"): read without it.
bool formulaGuarded(std::string_view text);

}  // namespace gl::exchange
