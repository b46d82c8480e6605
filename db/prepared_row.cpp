// Preparing a new row off the writer's thread (db/writer.h PreparedRow): the checks Writer::validate
// makes of a new row's own cells — normalized, the record's rules, the required cells — without the
// ledger, so an import's reading thread can make them while the writer writes.
#include <stdexcept>

#include "core/validation_error.h"
#include "db/internal/record_rules.h"
#include "db/internal/row_io.h"
#include "db/internal/search_index.h"
#include "db/writer.h"

namespace gl::db {

PreparedRow prepareRow(core::Table table, core::Cells cells, core::Date today, CellsAre given,
                       std::string_view householdKey) {
  PreparedRow out;
  out.table = table;
  const auto& spec = core::tableSpec(table);
  const auto idHint = core::idTypeHintOf(table, cells);
  for (auto& c : cells) {
    const core::ColumnSpec* column = spec.column(c.column);
    if (!column) {
      out.issues.push_back({core::IssueCode::UnknownColumn, c.column, 0, 0, c.column});
      continue;
    }
    // Text is checked again whatever the caller did (its length, its characters): an import builds
    // some text cells from others (an address and its house number) after reading them.
    if (given == CellsAre::Normalized && column->type != core::ColumnType::Text) {
#ifndef NDEBUG
      core::Value again = c.value;
      if (auto found = core::normalizeCell(*column, again, today, idHint); again != c.value || core::hasErrors(found))
        throw std::logic_error("prepareRow: the cell " + c.column + " was given as normalized, and is not");
#endif
      continue;
    }
    auto found = core::normalizeCell(*column, c.value, today, idHint);
    out.issues.insert(out.issues.end(), found.begin(), found.end());
  }
  if (core::hasErrors(out.issues)) {
    out.cells = std::move(cells);
    return out;
  }
  core::Cells row = cells;
  out.local = applyLocalRecordRules(table, cells, row, today, out.issues);
  // The references are the writer's to add and check; every other required cell must be here.
  for (const auto& c : spec.columns)
    if (c.required && c.type != core::ColumnType::Reference) {
      const core::Value* v = findCell(row, c.name);
      if (!v || !*v) out.issues.push_back({core::IssueCode::FieldRequired, std::string(c.name)});
    }
  if (out.local && !core::hasErrors(out.issues) && SearchIndex::indexed(table))
    out.terms = searchTerms(table, row, householdKey);
  out.cells = std::move(cells);
  return out;
}

}  // namespace gl::db
