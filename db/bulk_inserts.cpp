#include "db/bulk_inserts.h"

#include "db/ledger_state.h"
#include "db/row_io.h"

namespace gl::db {

namespace {

constexpr std::size_t kPerStatement = 64;   // rows to one INSERT (64 × 13 values, far below SQLite's limit)
constexpr std::size_t kQueueRows = 1024;     // rows queued before they are written out
constexpr int kLocalSite = 1;

// "INSERT INTO t (rid, id, c1, …) VALUES (?, …), …" for `rows` rows.
std::string insertSql(const core::TableSpec& spec, std::size_t rows) {
  std::string cols = hasRid(spec.table) ? "rid, id" : "id", marks = hasRid(spec.table) ? "(?, ?" : "(?";
  for (const auto& c : spec.columns) {
    cols.append(", ").append(c.name);
    marks += ", ?";
  }
  marks += ")";
  std::string sql = "INSERT INTO " + std::string(spec.name) + " (" + cols + ") VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql.append(r ? ", " : "").append(marks);
  return sql;
}

std::string valuesSql(std::string_view head, std::string_view one, std::size_t rows) {
  std::string sql(head);
  for (std::size_t r = 0; r < rows; ++r) sql.append(r ? ", " : "").append(one);
  return sql;
}

}  // namespace

BulkInserts::BulkInserts(LedgerState& s) : s_(s) {}

std::int64_t BulkInserts::add(const core::TableSpec& spec, const std::string& id, core::Cells cells,
                              core::Hlc hlc) {
  auto t = static_cast<std::size_t>(spec.table);
  Queue& q = queues_[t];
  std::int64_t rid = 0;
  if (hasRid(spec.table)) {
    if (lastRid_[t] == 0) {
      auto& st = s_.statement("SELECT coalesce(max(rid), 0) FROM " + std::string(spec.name));
      lastRid_[t] = st.executeStep() ? st.getColumn(0).getInt64() : 0;
      st.reset();
    }
    rid = ++lastRid_[t];
  }
  q.ids.push_back(id);
  q.rids.push_back(rid);
  q.hlcs.push_back(static_cast<std::int64_t>(hlc.packed()));
  for (const auto& column : spec.columns) {
    core::Value* v = nullptr;
    for (auto& c : cells)
      if (c.column == column.name) v = &c.value;
    q.values.push_back(v ? std::move(*v) : std::nullopt);
  }
  if (spec.table == core::Table::Household) {
    if (addressesFrom_ == 0) addressesFrom_ = rid;
    addressesTo_ = rid;
  }
  held_.insert(q.ids.back());
  if (++queued_ >= kQueueRows) flush();
  return rid;
}

bool BulkInserts::holds(std::string_view id) const { return held_.count(id) > 0; }

void BulkInserts::flush() {
  if (queued_ == 0) return;
  writeClock();  // before the rows: it reads their ids from the queues
  held_.clear();
  for (const auto& spec : core::tables()) writeRows(spec, queues_[static_cast<std::size_t>(spec.table)]);
  queued_ = 0;
}

void BulkInserts::writeRows(const core::TableSpec& spec, Queue& q) {
  const std::size_t width = spec.columns.size();
  const bool rid = hasRid(spec.table);
  for (std::size_t done = 0; done < q.ids.size();) {
    const std::size_t n = q.ids.size() - done >= kPerStatement ? kPerStatement : 1;
    auto& st = s_.statement(insertSql(spec, n));
    int i = 1;
    for (std::size_t r = done; r < done + n; ++r) {
      if (rid) st.bind(i++, q.rids[r]);
      st.bindNoCopy(i++, q.ids[r]);
      for (std::size_t c = 0; c < width; ++c) bindValueNoCopy(st, i++, spec.columns[c], q.values[r * width + c]);
    }
    st.exec();
    done += n;
  }
  q = {};
}

void BulkInserts::writeClock() {
  // The (table, row, stamp) of every queued row, in the order they were queued within each table.
  std::vector<std::tuple<int, const std::string*, std::int64_t>> stamps;
  for (std::size_t t = 0; t < kTables; ++t)
    for (std::size_t r = 0; r < queues_[t].ids.size(); ++r)
      stamps.emplace_back(static_cast<int>(t), &queues_[t].ids[r], queues_[t].hlcs[r]);
  for (std::size_t done = 0; done < stamps.size();) {
    const std::size_t n = stamps.size() - done >= kPerStatement ? kPerStatement : 1;
    auto& st = s_.statement(valuesSql("INSERT INTO clock (tbl, row, col, hlc, site, base) VALUES ",
                                      "(?, ?, '', ?, 1, NULL)", n));
    int i = 1;
    for (std::size_t r = done; r < done + n; ++r) {
      const auto& [tbl, row, hlc] = stamps[r];
      st.bind(i++, tbl);
      st.bindNoCopy(i++, *row);
      st.bind(i++, hlc);
    }
    st.exec();
    done += n;
  }
  static_assert(kLocalSite == 1, "the statement above writes site 1, this ledger's own");
}

void BulkInserts::flushAddresses() {
  flush();
  if (addressesFrom_ == 0) return;
  auto& st = s_.statement(
      "INSERT INTO household_address (rowid, address) SELECT rid, address FROM household "
      "WHERE rid BETWEEN ? AND ? AND address IS NOT NULL");
  st.bind(1, addressesFrom_);
  st.bind(2, addressesTo_);
  st.exec();
  addressesFrom_ = addressesTo_ = 0;
}

}  // namespace gl::db
