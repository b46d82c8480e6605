// The SQLite store applies the record rules to a pushed row (core/pushed_row_rules.h,
// docs/sync-protocol.md §5).
#include <algorithm>

#include "center/sqlite_store.h"
#include "core/columns.h"
#include "core/policy_cells.h"
#include "core/pushed_row_rules.h"

namespace gl::center {

void SqliteStore::refuseCell(const core::SyncCell& c, std::string_view reason, sync::PushResponse& out, bool answer) {
  out.refused.push_back({c.table, c.row, c.column, std::string(reason), {}, {}});
  if (!answer) return;
  if (auto s = cell(c.row, c.column)) out.current.push_back({c.table, c.row, c.column, s->value, s->hlc, s->site, {}});
}

std::optional<core::Policy> SqliteStore::policyByCode(const std::string& code) {
  auto& find = statement(
      "SELECT c.row FROM cell_now c WHERE c.col = 'code' AND c.val = ? AND c.tbl = ? AND NOT EXISTS "
      "(SELECT 1 FROM cell_now d WHERE d.row = c.row AND d.col = 'deleted' AND d.val = '1') LIMIT 1");
  find.bind(1, code);
  find.bind(2, static_cast<int>(core::Table::Policy));
  std::optional<std::string> row;
  if (find.executeStep()) row = find.getColumn(0).getString();
  find.reset();
  if (!row) return std::nullopt;
  core::Cells cells;
  for (const auto& column : core::tableSpec(core::Table::Policy).columns)
    if (auto s = cell(*row, std::string(column.name))) cells.emplace_back(std::string(column.name), s->value);
  return core::policyFromCells(cells);
}

bool SqliteStore::ruleRow(const std::string& id, bool known, RowPush& row, std::int64_t nowMs,
                          sync::PushResponse& out) {
  const core::Table table = row.cells.front()->table;
  core::Cells pushed;
  for (const auto& [column, c] : row.latest)
    if (core::ruledColumn(table, column)) pushed.emplace_back(column, c->value);
  if (pushed.empty()) return true;
  core::Cells stored;
  if (known)
    for (const auto& column : core::ruledColumns(table))
      if (auto s = cell(id, column)) stored.emplace_back(column, s->value);
  std::optional<core::Policy> policy;
  if (table == core::Table::Quarantine) {
    core::Cells after = stored;
    for (const auto& c : pushed) core::setCell(after, c.column, c.value);
    if (const core::Value* code = core::findCell(after, core::col::quarantine::policy); code && *code)
      policy = policyByCode(**code);
  }
  auto ruling = core::rulePushedRow(table, stored, pushed, policy, !known, core::localDateAt(nowMs));
  // A new row that breaks a rule is refused whole, as the ledger's writer refuses such an insert: the
  // ledger that made it then removes it and lists its values with the refusals.
  if (ruling.wholeRow || (!known && !ruling.refused.empty())) {
    const auto& spec = core::tableSpec(table);
    for (auto* c : row.cells)
      if (c->table == table && (c->column == "deleted" || spec.column(c->column)))
        refuseCell(*c, core::refusal::kInconsistent, out);
    return false;
  }
  for (const auto& column : ruling.refused) {
    auto it = row.latest.find(column);
    if (it == row.latest.end()) continue;
    refuseCell(*it->second, core::refusal::kInconsistent, out);
    row.latest.erase(it);
    std::erase_if(row.conflicts, [&](const Conflict& k) { return k.winner.column == column; });
  }
  row.derived = std::move(ruling.derived);
  return true;
}

}  // namespace gl::center
