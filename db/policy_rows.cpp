#include "db/internal/policy_rows.h"

#include "core/columns.h"
#include "core/validation_error.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"

namespace gl::db {

std::optional<core::Policy> findPolicy(LedgerState& s, std::string_view code) {
  const auto& spec = core::tableSpec(core::Table::Policy);
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM policy WHERE code = ? AND deleted = 0 LIMIT 1");
  st.bind(1, std::string(code));
  if (!st.executeStep()) return std::nullopt;
  Row row = readRow(st, spec);
  st.reset();
  return core::policyFromCells(row.cells);
}

}  // namespace gl::db
