// One roster row turned into the ledger's cells (internal to the importer): the person, household,
// quarantine and visit it describes, each cell already normalized and checked by the data model's
// own rules, and every problem placed at the row and column it came from.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/issue.h"
#include "core/schema.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

struct RowRecord {
  std::int64_t row = 0;
  core::Cells person, household, quarantine, visit;
  std::string grid;             // as written (a grid's name or code)
  std::string householdNo;
  std::string addressKey;       // core::addressKey of the address (+ building, unit, room cells)
  std::vector<core::Issue> issues;
  std::vector<std::string> texts;  // every cell as text, in column order (for the rejected-rows file)
  bool blank = true;            // no mapped field has a value
  bool totalOrNote = false;     // 合计/总计/小计 or 填表说明 rows: skipped

  bool hasErrors() const { return core::hasErrors(issues); }
  // The spreadsheet column (1-based) a cell of `table` came from, for issues found later.
  int columnOf(core::Table table, const std::string& column) const;
  std::map<std::string, int> columns;  // "table.column" → 1-based spreadsheet column
};

// Reads a row through the mapping: cell kinds judged (an id number in a numeric cell is an error,
// never repaired; date cells become dates), codes mapped ("居家隔离" → home), every cell normalized.
RowRecord recordFromRow(const SheetRow& row, const std::vector<ColumnMapping>& columns, bool date1904,
                        core::Date today);

}  // namespace gl::exchange
