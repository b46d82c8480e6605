#include "db/internal/bulk_inserts.h"

#include <algorithm>

#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"

namespace gl::db {

namespace {

constexpr std::size_t kPerStatement = 64;  // rows to one INSERT (64 × 13 values, far below SQLite's limit)
constexpr std::size_t kQueueRows = 1024;   // rows queued before they are handed to the writing thread
constexpr int kLocalSite = 1;
constexpr std::int64_t kLeastCacheKiB = 16 * 1024;
constexpr int kClock = -1;  // statement kind of the change-log stamps (a table's kind is its number)

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

std::string clockSql(std::size_t rows) {
  std::string sql = "INSERT INTO clock (tbl, row, col, hlc, site, base) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql.append(r ? ", " : "").append("(?, ?, '', ?, 1, NULL)");
  return sql;
}

}  // namespace

BulkInserts::BulkInserts(LedgerState& s, std::int64_t callerBytes)
    : s_(s), filling_(std::make_unique<Batch>()) {
  for (const auto& spec : core::tables()) {
    if (!hasRid(spec.table)) continue;
    auto& st = s_.statement("SELECT coalesce(max(rid), 0) FROM " + std::string(spec.name));
    lastRid_[static_cast<std::size_t>(spec.table)] = st.executeStep() ? st.getColumn(0).getInt64() : 0;
    st.reset();
  }
  // The page cache makes room for the caller's own working memory (an import's bookkeeping), so that
  // the two together stay within the ledger's usual budget (docs/import.md §8).
  savedCacheSize_ = s_.db->execAndGet("PRAGMA cache_size").getInt();
  if (callerBytes > 0) {
    const std::int64_t pageSize = s_.db->execAndGet("PRAGMA page_size").getInt64();
    const std::int64_t cacheKiB =
        savedCacheSize_ < 0 ? -std::int64_t{savedCacheSize_} : savedCacheSize_ * pageSize / 1024;
    const std::int64_t lean = std::max(kLeastCacheKiB, cacheKiB - callerBytes / 1024);
    if (lean < cacheKiB) s_.db->exec("PRAGMA cache_size = -" + std::to_string(lean));
  }
  thread_ = std::thread([this] { run(); });
  s_.beforeStatement = [this] { wait(); };
}

BulkInserts::~BulkInserts() {
  s_.beforeStatement = nullptr;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
  try {
    s_.db->exec("PRAGMA cache_size = " + std::to_string(savedCacheSize_));
  } catch (...) {  // the connection's own value is only a cache size
  }
}

std::int64_t BulkInserts::add(const core::TableSpec& spec, const std::string& id, core::Cells cells,
                              core::Hlc hlc) {
  auto t = static_cast<std::size_t>(spec.table);
  Queue& q = filling_->queues[t];
  const std::int64_t rid = hasRid(spec.table) ? ++lastRid_[t] : 0;
  q.ids.push_back(id);
  q.rids.push_back(rid);
  q.hlcs.push_back(static_cast<std::int64_t>(hlc.packed()));
  // Each cell to its column's place in the row (a cell given twice: the later one).
  const std::size_t first = q.values.size(), width = spec.columns.size();
  q.values.resize(first + width);
  for (auto& c : cells)
    for (std::size_t k = 0; k < width; ++k)
      if (spec.columns[k].name == c.column) {
        q.values[first + k] = std::move(c.value);
        break;
      }
  if (spec.table == core::Table::Household) {
    if (addressesFrom_ == 0) addressesFrom_ = rid;
    addressesTo_ = rid;
  }
  filling_->held.insert(q.ids.back());
  if (++filling_->rows >= kQueueRows) handOff();
  return rid;
}

bool BulkInserts::holds(std::string_view id) const {
  if (queued(id)) return true;
  if (!writing_ || !writing_->held.count(id)) return false;
  std::lock_guard lock(mutex_);
  return busy_;  // once written, the row is the ledger's: a reference to it is checked there
}

void BulkInserts::flush() {
  if (filling_->rows > 0) handOff();
  wait();
}

void BulkInserts::handOff() {
  wait();
  std::unique_lock lock(mutex_);
  retired_ = std::move(writing_);  // freed by the writing thread, after its next batch
  writing_ = std::move(filling_);
  busy_ = true;
  lock.unlock();
  changed_.notify_all();
  filling_ = std::make_unique<Batch>();
}

void BulkInserts::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !busy_; });
  if (error_) std::rethrow_exception(error_);  // every later use fails too: the write goes back
}

void BulkInserts::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || busy_; });
    if (!busy_) return;
    Batch* batch = writing_.get();
    std::unique_ptr<Batch> retired = std::move(retired_);
    lock.unlock();
    std::exception_ptr failed;
    try {
      if (!error_) writeBatch(*batch);  // error_: set and read under the lock only while busy_ is false
    } catch (...) {
      failed = std::current_exception();
    }
    retired.reset();
    lock.lock();
    if (failed) error_ = failed;
    busy_ = false;
    changed_.notify_all();
  }
}

void BulkInserts::writeBatch(Batch& b) {
  writeClock(b);  // before the rows: their stamps are freed with them
  for (const auto& spec : core::tables()) writeRows(spec, b.queues[static_cast<std::size_t>(spec.table)]);
}

SQLite::Statement& BulkInserts::statement(int kind, std::size_t rows) {
  auto& st = statements_[{kind, rows}];
  if (!st) {
    const std::string sql =
        kind == kClock ? clockSql(rows) : insertSql(core::tableSpec(static_cast<core::Table>(kind)), rows);
    st = std::make_unique<SQLite::Statement>(*s_.db, sql);
  }
  st->tryReset();
  st->clearBindings();
  return *st;
}

void BulkInserts::writeRows(const core::TableSpec& spec, Queue& q) {
  const std::size_t width = spec.columns.size();
  const bool rid = hasRid(spec.table);
  for (std::size_t done = 0; done < q.ids.size();) {
    const std::size_t n = q.ids.size() - done >= kPerStatement ? kPerStatement : 1;
    auto& st = statement(static_cast<int>(spec.table), n);
    int i = 1;
    for (std::size_t r = done; r < done + n; ++r) {
      if (rid) st.bind(i++, q.rids[r]);
      st.bindNoCopy(i++, q.ids[r]);
      for (std::size_t c = 0; c < width; ++c)
        bindValueNoCopy(st, i++, spec.columns[c], q.values[r * width + c]);
    }
    st.exec();
    done += n;
  }
  // The ids stay until the batch is retired: holds() looks them up meanwhile.
  q.values = {};
  q.rids = {};
  q.hlcs = {};
}

void BulkInserts::writeClock(const Batch& b) {
  // The (table, row, stamp) of every queued row, in the order they were queued within each table.
  std::vector<std::tuple<int, const std::string*, std::int64_t>> stamps;
  stamps.reserve(b.rows);
  for (std::size_t t = 0; t < kTables; ++t)
    for (std::size_t r = 0; r < b.queues[t].ids.size(); ++r)
      stamps.emplace_back(static_cast<int>(t), &b.queues[t].ids[r], b.queues[t].hlcs[r]);
  for (std::size_t done = 0; done < stamps.size();) {
    const std::size_t n = stamps.size() - done >= kPerStatement ? kPerStatement : 1;
    auto& st = statement(kClock, n);
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
