#include "center/sqlite_store.h"

#include <filesystem>

#include "core/error.h"
#include "core/scope.h"
#include "center/store_migrations.h"
#include "sqlite/migrate.h"
#include "sqlite/private_file.h"
#include "sqlite/setup.h"

namespace gl::center {

namespace {
// The store's own mutex serializes the connection; SQLite's would only add a lock per call.
int openFlags(bool create) { return SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX; }

std::string storePath(const std::string& dir, bool create) {
  std::filesystem::path d(dir);
  auto file = d / "center.sqlite";
  if (create && std::filesystem::exists(file))
    throw Error(Error::Kind::BadInput, N_("A data center already exists in {path}"), {{"path", dir}});
  if (!create && !std::filesystem::exists(file))
    throw Error(Error::Kind::BadInput, N_("No data center in {path}: run gridcenter init first"), {{"path", dir}});
  // The folder and the store are the data center account's alone, whatever the umask.
  sqlite::keepPrivateDirectory(d);
  sqlite::keepPrivate(file);
  return file.string();
}
}  // namespace

SqliteStore::SqliteStore(const std::string& dir, bool create, SqliteTuning tuning)
    : tuning_(tuning), db_(storePath(dir, create), openFlags(create)) {
  db_.exec("PRAGMA journal_mode = WAL");
  // An acknowledged push is on the disk before its response leaves: a kill -9 loses none.
  db_.exec("PRAGMA synchronous = FULL");
  db_.exec("PRAGMA busy_timeout = 10000");
  db_.exec("PRAGMA cache_size = -131072");  // 128 MiB: a county's cells stay in memory
  // A store from a newer gridcenter is refused, never downgraded.
  sqlite::migrate(db_, storeMigrations(),
                  N_("This data center's store was written by a newer gridcenter (schema {found}, this program "
                     "knows {known}); update the program"));
  SQLite::Statement st(db_, "SELECT value FROM meta WHERE key = 'county'");
  if (st.executeStep()) county_ = st.getColumn(0).getString();
  st.reset();
  loadSeq();
  // Checkpoints run on a thread of their own, woken by commits (not in the commit of whichever push
  // crosses the threshold: that push would wait for the copy). Folds commit 2,000 cells at a time and
  // a county's first load far more, so the threshold is ten times the ledger's.
  checkpoints_ = std::make_unique<sqlite::Checkpointer>(db_, db_.getFilename());
  checkpoints_->setThreshold(10000);
}

SQLite::Statement& SqliteStore::statement(const std::string& sql) {
  auto& st = statements_[sql];
  if (!st) st = std::make_unique<SQLite::Statement>(db_, sql);
  st->tryReset();  // reset() would throw again the error of a step that failed earlier
  st->clearBindings();
  return *st;
}

SQLite::Statement& SqliteStore::hot(Hot slot, const char* sql) {
  auto*& st = hot_[static_cast<std::size_t>(slot)];
  if (!st) return *(st = &statement(sql));  // owned by statements_, which never drops one
  st->tryReset();
  st->clearBindings();
  return *st;
}

void SqliteStore::initialize(const std::string& county, const std::string& name) {
  auto lock = lockRequest();
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  for (auto [k, v] : {std::pair{"county", county}, {"name", name}, {"seq", std::string("0")}}) {
    auto& st = statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    st.bind(1, k);
    st.bind(2, v);
    st.exec();
  }
  tx.commit();
  county_ = county;
}

void SqliteStore::putAccount(const Account& a) {
  auto lock = lockRequest();
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  auto& st = statement(
      "INSERT INTO account (name, role, scope, hash, password_set) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE "
      "SET role = excluded.role, scope = excluded.scope, hash = excluded.hash, password_set = excluded.password_set, "
      "failures = 0, locked_until = 0");
  st.bind(1, a.name);
  st.bind(2, std::string(core::roleCode(a.role)));
  st.bind(3, core::joinCodes(a.scope));
  st.bind(4, a.passwordHash);
  st.bind(5, a.passwordSetMs);
  st.exec();
  auto& out = statement("DELETE FROM token WHERE account = ?");
  out.bind(1, a.name);
  out.exec();
  tx.commit();
}

std::optional<Account> SqliteStore::account(const std::string& name) {
  auto lock = lockRequest();
  auto& st = statement("SELECT name, role, scope, hash, failures, locked_until, password_set, disabled FROM account WHERE name = ?");
  st.bind(1, name);
  if (!st.executeStep()) return std::nullopt;
  Account a;
  a.name = st.getColumn(0).getString();
  a.role = core::roleOrLeast(st.getColumn(1).getString());
  a.scope = core::splitCodes(st.getColumn(2).getString());
  a.passwordHash = st.getColumn(3).getString();
  a.failures = st.getColumn(4).getInt();
  a.lockedUntilMs = st.getColumn(5).getInt64();
  a.passwordSetMs = st.getColumn(6).getInt64();
  a.disabled = st.getColumn(7).getInt() != 0;
  st.reset();
  return a;
}

bool SqliteStore::reserveAttempt(const std::string& name, int limit, std::int64_t nowMs, std::int64_t lockUntilMs) {
  auto lock = lockRequest();
  // The attempt that reaches the limit locks the account itself, before its password is checked: a
  // process that dies during that check leaves a lock that runs out, not one that never does.
  auto& st = statement(
      "UPDATE account SET failures = CASE WHEN locked_until <> 0 OR failures >= ?3 THEN 1 ELSE failures + 1 END, "
      "locked_until = CASE WHEN (CASE WHEN locked_until <> 0 OR failures >= ?3 THEN 1 ELSE failures + 1 END) >= ?3 "
      "THEN ?4 ELSE 0 END WHERE name = ?1 AND locked_until <= ?2");
  st.bind(1, name);
  st.bind(2, nowMs);
  st.bind(3, limit);
  st.bind(4, lockUntilMs);
  return st.exec() == 1;
}

bool SqliteStore::setDisabled(const std::string& name, bool disabled) {
  auto lock = lockRequest();
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  auto& st = statement("UPDATE account SET disabled = ? WHERE name = ?");
  st.bind(1, disabled ? 1 : 0);
  st.bind(2, name);
  bool found = st.exec() == 1;
  if (found && disabled) {
    auto& out = statement("DELETE FROM token WHERE account = ?");
    out.bind(1, name);
    out.exec();
  }
  tx.commit();
  return found;
}

void SqliteStore::attemptSucceeded(const std::string& name) {
  auto lock = lockRequest();
  auto& st = statement("UPDATE account SET failures = 0, locked_until = 0 WHERE name = ?");
  st.bind(1, name);
  st.exec();
}

void SqliteStore::addToken(const std::string& tokenHash, const std::string& name, std::int64_t expiresMs) {
  auto lock = lockRequest();
  auto& st = statement("INSERT INTO token (hash, account, expires) VALUES (?, ?, ?)");
  st.bind(1, tokenHash);
  st.bind(2, name);
  st.bind(3, expiresMs);
  st.exec();
}

std::optional<std::string> SqliteStore::tokenAccount(const std::string& tokenHash, std::int64_t nowMs) {
  auto lock = lockRequest();
  auto& st = statement("SELECT account FROM token WHERE hash = ? AND expires > ?");
  st.bind(1, tokenHash);
  st.bind(2, nowMs);
  if (!st.executeStep()) return std::nullopt;
  std::string name = st.getColumn(0).getString();
  st.reset();
  return name;
}

std::optional<std::string> SqliteStore::replay(const std::string& site, const std::string& batch,
                                               const std::string& bodyHash) {
  auto lock = lockRequest();
  auto& st = statement("SELECT body_hash, response FROM batch WHERE site = ? AND batch = ?");
  st.bind(1, site);
  st.bind(2, batch);
  if (!st.executeStep()) return std::nullopt;
  std::string hash = st.getColumn(0).getString(), response = st.getColumn(1).getString();
  st.reset();
  if (hash != bodyHash)
    throw Error(Error::Kind::BadInput, N_("Batch {batch} was sent before with other changes"), {{"batch", batch}});
  return response;
}

core::Hlc SqliteStore::lastClock() {
  auto lock = lockRequest();
  auto& st = statement("SELECT value FROM meta WHERE key = 'last_hlc'");
  core::Hlc h;
  if (st.executeStep()) h = core::Hlc::unpack(std::stoll(st.getColumn(0).getString()));
  st.reset();
  return h;
}

void SqliteStore::saveSeq() {
  auto& st = statement("INSERT OR REPLACE INTO meta (key, value) VALUES ('seq', ?)");
  st.bind(1, std::to_string(seq_));
  st.exec();
}

void SqliteStore::saveClocks(const core::HlcClock& clock) {
  auto& last = statement("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_hlc', ?)");
  last.bind(1, std::to_string(clock.last().packed()));
  last.exec();
  saveSeq();
}

void SqliteStore::loadSeq() {
  auto& st = statement("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq'");
  seq_ = st.executeStep() ? st.getColumn(0).getInt64() : 0;
  st.reset();
}

std::unique_ptr<CenterStore> openSqliteStore(const std::string& dir, bool create, SqliteTuning tuning) {
  sqlite::configureSqlite();
  try {
    return std::make_unique<SqliteStore>(dir, create, tuning);
  } catch (const SQLite::Exception& e) {
    throw Error(Error::Kind::Environment, N_("The data center's store in {path} cannot be opened: {detail}"),
                {{"path", dir}, {"detail", e.what()}});
  }
}

}  // namespace gl::center
