#include "db/ledger.h"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <cstdlib>

#include "core/region_codes.h"
#include "core/error.h"
#include "core/utf8.h"
#include "db/internal/audit.h"
#include "db/connection.h"
#include "sqlite/setup.h"
#include "db/internal/ledger_state.h"
#include "db/migrations.h"
#include "db/internal/policy_rows.h"
#include "db/internal/row_io.h"
#include "db/writer.h"

namespace gl::db {

std::int64_t systemMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

// Ids take 8 random bytes each; asking the kernel once per id costs a system call per row, so the
// bytes come from a 4 KiB buffer refilled from libsodium (the kernel's CSPRNG).
class RandomPool {
 public:
  void fill(std::uint8_t* out, std::size_t n) {
    while (n > 0) {
      if (used_ == buffer_.size()) {
        randombytes_buf(buffer_.data(), buffer_.size());
        used_ = 0;
      }
      std::size_t take = std::min(n, buffer_.size() - used_);
      std::memcpy(out, buffer_.data() + used_, take);
      sodium_memzero(buffer_.data() + used_, take);
      used_ += take;
      out += take;
      n -= take;
    }
  }

 private:
  std::array<std::uint8_t, 4096> buffer_{};
  std::size_t used_ = buffer_.size();
};

void randomFill(std::uint8_t* out, std::size_t n) {
  thread_local RandomPool pool;
  pool.fill(out, n);
}

std::string defaultActor() {
  for (const char* var : {"GRIDLEDGER_USER", "USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "uid:" + std::to_string(getuid());
}

}  // namespace

LedgerState::LedgerState(std::filesystem::path p, std::unique_ptr<SQLite::Database> d)
    : path(std::move(p)), db(std::move(d)), clock(systemMillis), uuids(systemMillis, randomFill), actor(defaultActor()) {}

SQLite::Statement& LedgerState::statement(std::string_view sql) {
  if (beforeStatement) beforeStatement();
  auto it = statements.find(sql);
  if (it == statements.end()) {
    std::string text(sql);
    auto st = std::make_unique<SQLite::Statement>(*db, text);
    it = statements.emplace(std::move(text), std::move(st)).first;
  }
  it->second->tryReset();  // reset() would throw again the error of a step that failed earlier
  it->second->clearBindings();
  return *it->second;
}

void LedgerState::resetAll() {
  for (auto& [sql, st] : statements) st->tryReset();
}

const core::Value& Row::operator[](std::string_view column) const {
  static const core::Value kNull;
  const core::Value* v = findCell(cells, column);
  return v ? *v : kNull;
}

const core::Value& Row::operator[](const core::Column& column) const {
  if (column.index < cells.size() && cells[column.index].column == column.name) return cells[column.index].value;
  return (*this)[column.name];  // a row read with fewer columns, or of another table
}

Ledger::Ledger(std::unique_ptr<LedgerState> state) : state_(std::move(state)) {}
Ledger::~Ledger() = default;

std::unique_ptr<Ledger> Ledger::open(const std::filesystem::path& path, Mode mode) {
  if (sodium_init() < 0) throw Error(Error::Kind::Environment, N_("The cryptography library could not start"));
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (mode == Mode::CreateNew && exists)
    throw Error(Error::Kind::BadInput, N_("A ledger already exists at {path}"), {{"path", path.string()}});
  auto db = openConnection(path, mode != Mode::OpenExisting);
  auto state = std::make_unique<LedgerState>(path, std::move(db));
  guarded(path.string(), [&] {
    migrate(*state->db);
    SQLite::Transaction tx(*state->db, SQLite::TransactionBehavior::IMMEDIATE);
    state->db->exec("INSERT OR IGNORE INTO sync_state (one) VALUES (1)");
    SQLite::Statement site(*state->db, "SELECT uuid FROM site WHERE n = 1");
    if (site.executeStep()) {
      state->siteUuid = site.getColumn(0).getString();
    } else {
      state->siteUuid = state->uuids.next();
      SQLite::Statement add(*state->db, "INSERT INTO site (n, uuid) VALUES (1, ?)");
      add.bind(1, state->siteUuid);
      add.exec();
    }
    site.reset();
    SQLite::Statement last(*state->db, "SELECT last_hlc, clock_offset_ms FROM sync_state WHERE one = 1");
    if (last.executeStep()) {
      state->clock = core::HlcClock(systemMillis, core::Hlc::unpack(last.getColumn(0).getInt64()));
      // The offset to the data center's clock measured at the last sync (docs/sync-protocol.md §8).
      state->clock.setOffsetMs(last.getColumn(1).getInt64());
    }
    last.reset();
    tx.commit();
    rebuildSearchIndexIfStale(*state);
  });
  state->checkpoints = std::make_unique<sqlite::Checkpointer>(*state->db, path);
  return std::unique_ptr<Ledger>(new Ledger(std::move(state)));
}

namespace {
// A name-based UUID (RFC 9562 version 8): BLAKE2b of the name, with the version and variant bits set.
std::string namedId(const std::string& name) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr, 0);
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x80);
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[h[i] >> 4];
    out += hex[h[i] & 15];
  }
  return out;
}
}  // namespace

void Ledger::initialize(std::string_view countyCode, std::string_view countyName) {
  if (initialized())
    throw Error(Error::Kind::Rejected, N_("This ledger is already set up for county {code}"),
                {{"code", setting("county_code").value_or("")}}, state_->path.string());
  core::checkCounty(countyCode, countyName);
  // Every ledger of a county makes these rows alike, so they share ids (named, not random): synced, they
  // are one row, not one copy per ledger.
  write([&](Writer& w) {
    w.insert(core::Table::Region,
             {{core::col::region::code, std::string(countyCode)},
              {core::col::region::name, std::string(countyName)},
              {core::col::region::level, std::string("county")}},
             namedId("region:" + std::string(countyCode)));
    for (const auto& p : core::builtinPolicies())
      w.insert(core::Table::Policy, core::policyCells(p), namedId("policy:" + std::string(countyCode) + ":" + p.code));
    w.setSetting("county_code", countyCode);
    w.setSetting("county_name", countyName);
  });
}

bool Ledger::initialized() const { return setting("county_code").has_value(); }
const std::filesystem::path& Ledger::path() const { return state_->path; }
int Ledger::schemaVersion() const {
  return withState(*state_, [&] { return state_->db->execAndGet("PRAGMA user_version").getInt(); });
}
std::string Ledger::siteId() const { return state_->siteUuid; }
void Ledger::setActor(std::string actor) { state_->actor = std::move(actor); }
void Ledger::setToday(core::Date today) { state_->today = today; }
void Ledger::setWallClock(std::function<std::int64_t()> wall) {
  auto offset = state_->clock.offsetMs();
  state_->clock = core::HlcClock(std::move(wall), state_->clock.last());
  state_->clock.setOffsetMs(offset);
}
core::Date Ledger::today() const { return state_->currentDate(); }

void Ledger::setBulkLoad(bool on) {
  withState(*state_, [&] {
    // A county-sized load touches the search index all over; a larger page cache and fewer
    // checkpoints keep it off the disk until the load is done.
    state_->db->exec(on ? "PRAGMA cache_size = -524288" : "PRAGMA cache_size = -65536");
    state_->checkpoints->setThreshold(on ? 20000 : 1000);
    if (!on) state_->db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  });
}

void Ledger::write(const std::function<void(Writer&)>& work) {
  withState(*state_, [&] {
    SQLite::Transaction tx(*state_->db, SQLite::TransactionBehavior::IMMEDIATE);
    Writer writer(*state_);
    work(writer);
    writer.finish();
    state_->resetAll();
    tx.commit();
  });
}

void addLiveRows(LedgerState& s, int table, std::int64_t delta) {
  if (delta == 0) return;
  auto& st = s.statement(
      "INSERT INTO row_count (tbl, live) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET live = live + excluded.live");
  st.bind(1, table);
  st.bind(2, delta);
  st.exec();
}

ForeignKeysOff::ForeignKeysOff(LedgerState& s) : s_(s) {
  guarded(s.path.string(), [&] { s.db->exec("PRAGMA foreign_keys = OFF"); });
}

ForeignKeysOff::~ForeignKeysOff() {
  // A connection left without its checks would go on writing unchecked rows: it is not kept.
  try {
    sqlite::requireForeignKeys(*s_.db);
  } catch (const std::exception& e) {
    s_.unusable = e.what();
  }
}

void refuseUnusable(const LedgerState& s) {
  throw Error(Error::Kind::Environment,
              N_("The ledger “{file}” cannot be used any more in this window or command ({detail}); close it "
                 "and open it again"),
              {{"file", s.path.string()}, {"detail", s.unusable}});
}

void Ledger::bulkWrite(const std::function<void(Writer&)>& work) {
  ForeignKeysOff off(*state_);
  write(work);
}

std::string Ledger::insert(core::Table table, core::Cells cells) {
  std::string id;
  write([&](Writer& w) { id = w.insert(table, std::move(cells)); });
  return id;
}

void Ledger::update(core::Table table, std::string_view id, core::Cells cells) {
  write([&](Writer& w) { w.update(table, id, std::move(cells)); });
}

void Ledger::tombstone(core::Table table, std::string_view id) {
  write([&](Writer& w) { w.tombstone(table, id); });
}

void Ledger::audit(std::string_view action, std::string_view table, std::string_view row, std::int64_t count,
                   std::string_view detail) {
  withState(*state_, [&] {
    SQLite::Transaction tx(*state_->db, SQLite::TransactionBehavior::IMMEDIATE);
    appendAudit(*state_, action, table, row, count, detail);
    tx.commit();
  });
}

std::int64_t Ledger::verifyAuditChain() const {
  return withState(*state_, [&] { return firstBrokenAuditEntry(*state_); });
}

std::optional<Row> Ledger::get(core::Table table, std::string_view id) const {
  return withState(*state_, [&]() -> std::optional<Row> {
    const auto& spec = core::tableSpec(table);
    auto& st = state_->statement("SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) + " WHERE id = ?");
    st.bind(1, std::string(id));
    if (!st.executeStep()) return std::nullopt;
    Row row = readRow(st, spec);
    st.reset();
    return row;
  });
}

std::vector<std::string> Ledger::residentsWithIdNumber(std::string_view normalized) const {
  return withState(*state_, [&] {
    // Through the search index: the reversed number is a whole term.
    auto& st = state_->statement(
        "SELECT r.id FROM (SELECT rid FROM search_term WHERE term = ?1 AND tbl = ?2 UNION "
        "SELECT rid FROM search_recent WHERE term = ?1 AND tbl = ?2) t JOIN resident r ON r.rid = t.rid "
        "WHERE r.deleted = 0 AND r.id_number = ?3");
    st.bind(1, "i:" + std::string(normalized.rbegin(), normalized.rend()));
    st.bind(2, static_cast<int>(core::Table::Resident));
    st.bind(3, std::string(normalized));
    std::vector<std::string> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
    return ids;
  });
}

void Ledger::forEachRow(core::Table table, const std::function<void(const Row&)>& visit) const {
  withState(*state_, [&] {
    const auto& spec = core::tableSpec(table);
    // A separate statement: the visitor may itself query the ledger.
    SQLite::Statement st(*state_->db, "SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) +
                                          " WHERE deleted = 0 ORDER BY " + (hasRid(table) ? "rid" : "rowid"));
    while (st.executeStep()) visit(readRow(st, spec));
  });
}

std::int64_t Ledger::liveRows(core::Table table) const {
  return withState(*state_, [&] {
    SQLite::Statement st(*state_->db, "SELECT live FROM row_count WHERE tbl = ?");
    st.bind(1, static_cast<int>(table));
    return st.executeStep() ? st.getColumn(0).getInt64() : std::int64_t{0};
  });
}

void Ledger::forEachIdNumber(const std::function<void(std::string_view)>& visit) const {
  withState(*state_, [&] {
    SQLite::Statement st(*state_->db, "SELECT id_number FROM resident WHERE deleted = 0 AND id_number IS NOT NULL");
    while (st.executeStep()) {
      auto column = st.getColumn(0);
      visit(std::string_view(column.getText(), static_cast<std::size_t>(column.getBytes())));
    }
  });
}

std::vector<core::Policy> Ledger::policies() const {
  std::vector<core::Policy> out;
  forEachRow(core::Table::Policy, [&](const Row& r) { out.push_back(core::policyFromCells(r.cells)); });
  return out;
}

core::Scope Ledger::readerScope() const { return core::Scope::wholeCounty(setting("county_code").value_or("")); }

std::optional<std::string> Ledger::setting(std::string_view key) const {
  return withState(*state_, [&]() -> std::optional<std::string> {
    auto& st = state_->statement("SELECT value FROM setting WHERE key = ?");
    st.bind(1, std::string(key));
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::nullopt;
    std::string v = st.getColumn(0).getString();
    st.reset();
    return v;
  });
}

std::vector<std::pair<std::string, std::string>> Ledger::settingsWithPrefix(std::string_view prefix) const {
  return withState(*state_, [&] {
    // A range over the primary key: prefix <= key < prefix + U+10FFFF.
    auto& st = state_->statement("SELECT key, value FROM setting WHERE key >= ? AND key < ? ORDER BY key");
    st.bind(1, std::string(prefix));
    st.bind(2, std::string(prefix) + "\xF4\x8F\xBF\xBF");
    std::vector<std::pair<std::string, std::string>> out;
    while (st.executeStep())
      if (!st.getColumn(1).isNull()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    st.reset();
    return out;
  });
}

void Ledger::setSetting(std::string_view key, std::string_view value) {
  withState(*state_, [&] {
    auto& st = state_->statement("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)");
    st.bind(1, std::string(key));
    st.bind(2, std::string(value));
    st.exec();
  });
}

std::int64_t Ledger::pendingChanges() const {
  return withState(*state_, [&] {
    return state_->db->execAndGet("SELECT pending FROM sync_state WHERE one = 1").getInt64();
  });
}

}  // namespace gl::db
