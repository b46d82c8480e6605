#include "db/writer.h"

#include <algorithm>

#include "core/identity.h"
#include "core/lifecycle.h"
#include "core/validation_error.h"
#include "db/audit.h"
#include "db/ledger_state.h"
#include "db/policy_rows.h"
#include "db/row_io.h"

namespace gl::db {

using core::Cells;
using core::Issue;
using core::IssueCode;
using core::Table;

namespace {

std::string insertSql(const core::TableSpec& spec) {
  std::string cols = "id", marks = "?";
  for (const auto& c : spec.columns) {
    cols.append(", ").append(c.name);
    marks += ", ?";
  }
  return "INSERT INTO " + std::string(spec.name) + " (" + cols + ") VALUES (" + marks + ")";
}

std::string context(const core::TableSpec& spec, std::string_view id) {
  std::string out(spec.name);
  if (!id.empty()) out.append(" ").append(id);
  return out;
}

// Loads a row for change; a missing or tombstoned row is refused.
Row loadLive(LedgerState& s, const core::TableSpec& spec, std::string_view id, std::int64_t& rid) {
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) + " WHERE id = ?");
  st.bind(1, std::string(id));
  if (!st.executeStep())
    throw Error(Error::Kind::BadInput, N_("No {table} record with id {id}"),
                {{"table", std::string(spec.name)}, {"id", std::string(id)}});
  Row row = readRow(st, spec, &rid);
  st.reset();
  if (row.deleted)
    throw Error(Error::Kind::Rejected, N_("The {table} record {id} has been deleted"),
                {{"table", std::string(spec.name)}, {"id", std::string(id)}});
  return row;
}

}  // namespace

Writer::Writer(LedgerState& s) : s_(s), log_(s), index_(s) {}

core::Date Writer::today() const { return s_.currentDate(); }

void Writer::validate(const core::TableSpec& spec, Cells& cells, bool isNew, std::string_view id) {
  std::vector<Issue> issues;
  for (auto& c : cells) {
    const core::ColumnSpec* column = spec.column(c.column);
    if (!column) {
      issues.push_back({c.column == "id" || c.column == "deleted" ? IssueCode::ReadOnlyColumn : IssueCode::UnknownColumn,
                        c.column, 0, 0, c.column});
      continue;
    }
    auto found = core::normalizeCell(*column, c.value, today());
    issues.insert(issues.end(), found.begin(), found.end());
  }
  if (core::hasErrors(issues)) throw ValidationError(std::move(issues), context(spec, id));
  // Derived values are already in their stored form; required cells and references are checked after.
  derive(spec.table, cells, isNew ? nullptr : &current_);
  if (isNew) {
    auto missing = core::checkRequired(spec, cells);
    issues.insert(issues.end(), missing.begin(), missing.end());
  } else {
    for (const auto& c : cells)
      if (const auto* column = spec.column(c.column); column && column->required && !c.value)
        issues.push_back({IssueCode::FieldRequired, c.column});
  }
  if (!core::hasErrors(issues)) checkReferences(spec, cells, issues);
  if (core::hasErrors(issues)) throw ValidationError(std::move(issues), context(spec, id));
}

void Writer::checkReferences(const core::TableSpec& spec, const Cells& cells, std::vector<Issue>& issues) {
  for (const auto& c : cells) {
    const auto* column = spec.column(c.column);
    if (!column || column->type != core::ColumnType::Reference || !c.value) continue;
    auto& st = s_.statement("SELECT 1 FROM " + std::string(column->references) + " WHERE id = ? AND deleted = 0");
    st.bind(1, *c.value);
    bool exists = st.executeStep();
    st.reset();
    if (!exists) issues.push_back({IssueCode::BadReference, c.column, 0, 0, *c.value});
  }
}

// Values that follow from others: birth date, sex and document type from an identity number; the
// planned end and kind of a quarantine from its policy. Explicit values in the same write win.
void Writer::derive(Table table, Cells& cells, const Cells* current) {
  auto given = [&](std::string_view col) { return findCell(cells, col) != nullptr; };
  auto valueOf = [&](std::string_view col) -> core::Value {
    if (const auto* v = findCell(cells, col)) return *v;
    if (current)
      if (const auto* v = findCell(*current, col)) return *v;
    return std::nullopt;
  };
  if (table == Table::Resident && given("id_number")) {
    core::Value id = valueOf("id_number");
    if (!id) return;
    auto checked = core::checkId(*id, today());
    if (!checked.valid) return;
    if (!given("id_type")) setCell(cells, "id_type", std::string(core::idKindCode(checked.kind)));
    if (!given("birth_date") && checked.birthDate) setCell(cells, "birth_date", checked.birthDate->iso());
    if (!given("sex") && checked.sex != core::Sex::Unknown) setCell(cells, "sex", std::string(core::sexCode(checked.sex)));
  }
  if (table == Table::Quarantine && !current) {
    if (!given("status")) setCell(cells, "status", std::string("active"));
    core::Value code = valueOf("policy"), start = valueOf("start_on");
    if (!code) return;
    auto policy = findPolicy(s_, *code);
    if (!policy) return;
    if (!given("kind")) setCell(cells, "kind", std::string(core::kindCode(policy->kind)));
    if (!given("planned_end_on") && start)
      if (auto d = core::Date::fromIso(*start)) setCell(cells, "planned_end_on", core::plannedEnd(*policy, *d).iso());
  }
}

std::string Writer::insert(Table table, Cells cells) {
  const auto& spec = core::tableSpec(table);
  validate(spec, cells, true, {});
  if (table == Table::Quarantine) {
    auto start = findCell(cells, "start_on"), end = findCell(cells, "planned_end_on");
    if (start && end && *start && *end && **end < **start)
      throw ValidationError({{IssueCode::QuarantineEndBeforeStart, "planned_end_on"}}, context(spec, {}));
  }
  if (table == Table::Policy) checkPolicyCells(cells, context(spec, {}));

  std::string id = s_.uuids.next();
  auto& st = s_.statement(insertSql(spec));
  st.bind(1, id);
  Cells ordered;
  ordered.reserve(spec.columns.size());
  int i = 2;
  for (const auto& column : spec.columns) {
    const core::Value* v = findCell(cells, column.name);
    ordered.push_back({std::string(column.name), v ? *v : std::nullopt});
    bindValue(st, i++, column, ordered.back().value);
  }
  st.exec();
  std::int64_t rid = s_.db->getLastInsertRowid();
  log_.rowInserted(table, id, s_.clock.now());
  if (SearchIndex::indexed(table)) index_.add(table, rid, ordered);
  ++countDelta_[static_cast<int>(table)];
  note("insert", table, id);
  return id;
}

void Writer::update(Table table, std::string_view id, Cells cells) {
  const auto& spec = core::tableSpec(table);
  std::int64_t rid = 0;
  Row current = loadLive(s_, spec, id, rid);
  current_ = current.cells;
  validate(spec, cells, false, id);

  Cells changed;
  for (auto& c : cells) {
    const core::Value* old = findCell(current.cells, c.column);
    if (old && *old == c.value) continue;
    changed.push_back(std::move(c));
  }
  if (changed.empty()) return;
  Cells next = current.cells;
  for (const auto& c : changed) setCell(next, c.column, c.value);
  if (table == Table::Quarantine) {
    auto start = findCell(next, "start_on"), end = findCell(next, "planned_end_on");
    if (start && end && *start && *end && **end < **start)
      throw ValidationError({{IssueCode::QuarantineEndBeforeStart, "planned_end_on"}}, context(spec, id));
  }
  if (table == Table::Policy) checkPolicyCells(next, context(spec, id));

  std::string sql = "UPDATE " + std::string(spec.name) + " SET ";
  for (std::size_t k = 0; k < changed.size(); ++k) sql.append(k ? ", " : "").append(changed[k].column).append(" = ?");
  sql += " WHERE id = ?";
  auto& st = s_.statement(sql);
  int i = 1;
  std::string detail;
  for (const auto& c : changed) {
    bindValue(st, i++, *spec.column(c.column), c.value);
    detail.append(detail.empty() ? "" : ",").append(c.column);
  }
  st.bind(i, std::string(id));
  st.exec();
  core::Hlc hlc = s_.clock.now();
  for (const auto& c : changed) log_.cellChanged(table, id, c.column, hlc);
  if (SearchIndex::indexed(table)) {
    index_.remove(table, rid, current.cells);
    index_.add(table, rid, next);
  }
  note("update", table, id, detail);
}

void Writer::tombstone(Table table, std::string_view id) {
  const auto& spec = core::tableSpec(table);
  std::int64_t rid = 0;
  Row current = loadLive(s_, spec, id, rid);
  auto& st = s_.statement("UPDATE " + std::string(spec.name) + " SET deleted = 1 WHERE id = ?");
  st.bind(1, std::string(id));
  st.exec();
  log_.cellChanged(table, id, "deleted", s_.clock.now());
  if (SearchIndex::indexed(table)) index_.remove(table, rid, current.cells);
  --countDelta_[static_cast<int>(table)];
  note("tombstone", table, id);
}

void Writer::note(std::string_view action, Table table, std::string_view id, std::string detail) {
  auto& n = audit_[{std::string(action), static_cast<int>(table)}];
  if (++n.count == 1) {
    n.row = id;
    n.detail = std::move(detail);
  }
}

void Writer::finish() {
  for (const auto& [tbl, delta] : countDelta_) {
    if (delta == 0) continue;
    auto& st = s_.statement(
        "INSERT INTO row_count (tbl, live) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET live = live + excluded.live");
    st.bind(1, tbl);
    st.bind(2, delta);
    st.exec();
  }
  auto& hw = s_.statement("UPDATE sync_state SET last_hlc = max(last_hlc, ?), pending = pending + ? WHERE one = 1");
  hw.bind(1, static_cast<std::int64_t>(s_.clock.last().packed()));
  hw.bind(2, log_.pendingAdded());
  hw.exec();
  // One audit entry per action and table: the row id when a single row changed, else the count.
  for (const auto& [key, n] : audit_) {
    const auto& spec = core::tableSpec(static_cast<Table>(key.second));
    appendAudit(s_, key.first, spec.name, n.count == 1 ? n.row : std::string(), n.count,
                n.count == 1 ? n.detail : std::string());
  }
}

}  // namespace gl::db
