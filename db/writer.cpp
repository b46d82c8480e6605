#include "db/writer.h"

#include <algorithm>
#include <array>
#include <thread>

#include "core/validation_error.h"
#include "db/internal/audit.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/internal/record_rules.h"
#include "db/internal/row_io.h"

namespace gl::db {

using core::Cells;
using core::Issue;
using core::IssueCode;
using core::Table;

namespace {

std::string makeInsertSql(const core::TableSpec& spec) {
  std::string cols = "id", marks = "?";
  for (const auto& c : spec.columns) {
    cols.append(", ").append(c.name);
    marks += ", ?";
  }
  return "INSERT INTO " + std::string(spec.name) + " (" + cols + ") VALUES (" + marks + ")";
}

// Built once per table (thread-safe static initialization).
const std::string& insertSql(const core::TableSpec& spec) {
  static const auto all = [] {
    std::array<std::string, static_cast<std::size_t>(Table::Policy) + 1> sql;
    for (const auto& t : core::tables()) sql[static_cast<std::size_t>(t.table)] = makeInsertSql(t);
    return sql;
  }();
  return all[static_cast<std::size_t>(spec.table)];
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

Writer::Writer(LedgerState& s) : s_(s), log_(s), index_(s) {
  // Another connection (the window's background sync) may have pulled newer clocks or measured the
  // data center's offset since this one last wrote: new stamps start above what the ledger has seen.
  auto& st = s_.statement("SELECT last_hlc, clock_offset_ms FROM sync_state WHERE one = 1");
  if (st.executeStep()) {
    auto seen = core::Hlc::unpack(st.getColumn(0).getInt64());
    s_.clock.setOffsetMs(st.getColumn(1).getInt64());
    if (seen > s_.clock.last()) s_.clock.receive(seen);
  }
  st.reset();
}

core::Date Writer::today() const { return s_.currentDate(); }

void Writer::validate(const core::TableSpec& spec, Cells& cells, const Cells* current, std::string_view id) {
  std::vector<Issue> issues;
  // A document type given with the number says which shapes the number may have (core/identity.h).
  const auto idHint = core::idTypeHintOf(spec.table, cells);
  for (auto& c : cells) {
    const core::ColumnSpec* column = spec.column(c.column);
    if (!column) {
      issues.push_back({c.column == "id" || c.column == "deleted" ? IssueCode::ReadOnlyColumn : IssueCode::UnknownColumn,
                        c.column, 0, 0, c.column});
      continue;
    }
    auto found = core::normalizeCell(*column, c.value, today(), idHint);
    issues.insert(issues.end(), found.begin(), found.end());
  }
  if (core::hasErrors(issues)) throw ValidationError(std::move(issues), context(spec, id));
  // The row as it will be; derived cells are already in their stored form.
  Cells row = current ? *current : Cells{};
  for (const auto& c : cells) setCell(row, c.column, c.value);
  applyRecordRules(s_, spec.table, cells, row, current == nullptr, today(), issues);
  if (!current) {
    auto missing = core::checkRequired(spec, row);
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
    const auto* target = core::findTable(column->references);
    if (target && isStaged(target->table, *c.value)) continue;
    if (target && bulk_ && bulk_->holds(*c.value)) continue;  // queued by this bulk write
    auto& st = s_.statement("SELECT 1 FROM " + std::string(column->references) + " WHERE id = ? AND deleted = 0");
    st.bind(1, *c.value);
    bool exists = st.executeStep();
    st.reset();
    if (!exists) issues.push_back({IssueCode::BadReference, c.column, 0, 0, *c.value});
  }
}

bool Writer::isStaged(Table table, const std::string& id) const {
  return std::any_of(staged_.begin(), staged_.end(),
                     [&](const Staged& r) { return r.isInsert && r.table == table && r.id == id; });
}

std::string Writer::insert(Table table, Cells cells, std::string id) {
  const auto& spec = core::tableSpec(table);
  validate(spec, cells, nullptr, {});
  if (id.empty()) id = s_.uuids.next();
  writeInsert(spec, id, std::move(cells));
  return id;
}

void Writer::writeInsert(const core::TableSpec& spec, const std::string& id, Cells cells,
                         std::optional<std::vector<std::string>> terms) {
  if (bulk_) {
    if (SearchIndex::indexed(spec.table) && !terms) terms = searchTerms(spec.table, cells);
    std::int64_t rid = bulk_->add(spec, id, std::move(cells), s_.clock.now());
    log_.countInserted();
    if (terms) index_.addTerms(spec.table, rid, std::move(*terms));
    ++countDelta_[static_cast<int>(spec.table)];
    note("insert", spec.table, id);
    policiesChanged_ |= spec.table == Table::Policy;
    return;
  }
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
  log_.rowInserted(spec.table, id, s_.clock.now());
  if (SearchIndex::indexed(spec.table)) index_.add(spec.table, rid, ordered);
  ++countDelta_[static_cast<int>(spec.table)];
  note("insert", spec.table, id);
  policiesChanged_ |= spec.table == Table::Policy;
}

Cells Writer::checkUpdate(const core::TableSpec& spec, std::string_view id, Cells cells, Staged& out) {
  settle();
  if (bulk_ && spec.table == Table::Household) bulk_->flushAddresses();  // its old address is removed
  Row current = loadLive(s_, spec, id, out.rid);
  validate(spec, cells, &current.cells, id);
  Cells changed;
  for (auto& c : cells) {
    const core::Value* old = findCell(current.cells, c.column);
    if (old && *old == c.value) continue;
    changed.push_back(std::move(c));
  }
  out.table = spec.table;
  out.id = id;
  out.isInsert = false;
  out.current = std::move(current.cells);
  return changed;
}

void Writer::update(Table table, std::string_view id, Cells cells) {
  Staged row;
  row.cells = checkUpdate(core::tableSpec(table), id, std::move(cells), row);
  if (!row.cells.empty()) writeUpdate(row);
}

void Writer::writeUpdate(const Staged& row) {
  const auto& spec = core::tableSpec(row.table);
  const Cells& changed = row.cells;
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
  st.bind(i, row.id);
  st.exec();
  core::Hlc hlc = s_.clock.now();
  for (const auto& c : changed) log_.cellChanged(row.table, row.id, c.column, hlc);
  if (SearchIndex::indexed(row.table)) {
    Cells next = row.current;
    for (const auto& c : changed) setCell(next, c.column, c.value);
    index_.remove(row.table, row.rid, row.current);
    index_.add(row.table, row.rid, next);
  }
  note("update", row.table, row.id, detail);
  policiesChanged_ |= row.table == Table::Policy;
}

std::string Writer::stageInsert(Table table, Cells cells) {
  const auto& spec = core::tableSpec(table);
  validate(spec, cells, nullptr, {});
  Staged row;
  row.table = table;
  row.id = s_.uuids.next();
  row.cells = std::move(cells);
  staged_.push_back(std::move(row));
  return staged_.back().id;
}

bool Writer::stageUpdate(Table table, std::string_view id, Cells cells) {
  Staged row;
  row.cells = checkUpdate(core::tableSpec(table), id, std::move(cells), row);
  if (row.cells.empty()) return false;
  staged_.push_back(std::move(row));
  return true;
}

void Writer::writeStaged() {
  for (auto& row : staged_) {
    if (row.isInsert) writeInsert(core::tableSpec(row.table), row.id, std::move(row.cells), std::move(row.terms));
    else writeUpdate(row);
  }
  staged_.clear();
}

std::string Writer::stagePrepared(PreparedRow prepared) {
  if (!prepared.local) return stageInsert(prepared.table, std::move(prepared.cells));
  const auto& spec = core::tableSpec(prepared.table);
  if (core::hasErrors(prepared.issues)) throw ValidationError(std::move(prepared.issues), context(spec, {}));
  // The references the caller added: there, and naming live or staged rows.
  std::vector<Issue> issues;
  for (const auto& c : spec.columns)
    if (c.required && c.type == core::ColumnType::Reference && !findCell(prepared.cells, c.name))
      issues.push_back({IssueCode::FieldRequired, std::string(c.name)});
  if (issues.empty()) checkReferences(spec, prepared.cells, issues);
  if (core::hasErrors(issues)) throw ValidationError(std::move(issues), context(spec, {}));
  Staged row;
  row.table = prepared.table;
  row.id = s_.uuids.next();
  row.cells = std::move(prepared.cells);
  row.terms = std::move(prepared.terms);
  staged_.push_back(std::move(row));
  return staged_.back().id;
}

void Writer::bulkLoad(std::int64_t callerBytes) {
  index_.batch();
  if (!bulk_) bulk_ = std::make_unique<BulkInserts>(s_, callerBytes);
}

void Writer::settle() {
  if (bulk_) bulk_->flush();
}

void Writer::foldSearchTerms() {
  settle();  // the fold's statements do not go through LedgerState::statement()
  index_.fold();
}

void Writer::dropStaged() { staged_.clear(); }

void Writer::tombstone(Table table, std::string_view id) {
  settle();
  if (bulk_ && table == Table::Household) bulk_->flushAddresses();
  const auto& spec = core::tableSpec(table);
  std::int64_t rid = 0;
  Row current = loadLive(s_, spec, id, rid);
  checkNoDependants(s_, table, id, current.cells);
  auto& st = s_.statement("UPDATE " + std::string(spec.name) + " SET deleted = 1 WHERE id = ?");
  st.bind(1, std::string(id));
  st.exec();
  log_.cellChanged(table, id, "deleted", s_.clock.now());
  if (SearchIndex::indexed(table)) index_.remove(table, rid, current.cells);
  --countDelta_[static_cast<int>(table)];
  note("tombstone", table, id);
  policiesChanged_ |= table == Table::Policy;
}

void Writer::note(std::string_view action, Table table, std::string_view id, std::string detail) {
  auto& n = audit_[{action, static_cast<int>(table)}];
  if (++n.count == 1) {
    n.row = id;
    n.detail = std::move(detail);
  }
}

void Writer::setSetting(std::string_view key, std::string_view value) {
  auto& st = s_.statement("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)");
  st.bind(1, std::string(key));
  st.bind(2, std::string(value));
  st.exec();
}

bool Writer::removeSetting(std::string_view key) {
  auto& st = s_.statement("DELETE FROM setting WHERE key = ?");
  st.bind(1, std::string(key));
  return st.exec() > 0;
}

void Writer::finish() {
  if (bulk_) {
    // The search terms are sorted beside the addresses' one long statement, on the other core.
    std::jthread sorter([this] {
      try {
        index_.sortPending();
      } catch (...) {  // left to flush(), which sorts them again
      }
    });
    bulk_->flushAddresses();
  }
  index_.flush();
  if (bulk_) index_.foldIfMany();
  // The policy set is checked as a whole once the transaction's writes are in: a chain of new
  // policies may name a follow-on that the same transaction adds later.
  if (policiesChanged_) checkPolicySet(s_, "policy");
  for (const auto& [tbl, delta] : countDelta_) addLiveRows(s_, tbl, delta);
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
