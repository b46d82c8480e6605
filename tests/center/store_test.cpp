// The data center's store keeps the client's discipline: numbered migrations under user_version, a
// newer store refused, an older one brought up to date with its rows kept.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "center/store_migrations.h"
#include "core/error.h"
#include "sqlite/migrate.h"
#include "temp_store.h"

namespace {
int userVersion(const std::filesystem::path& file) {
  SQLite::Database db(file.string());
  return db.execAndGet("PRAGMA user_version").getInt();
}
}  // namespace

TEST_CASE("a new store is at the latest version of its numbered migrations") {
  gl::test::TempStore t;
  const int latest = gl::sqlite::latestVersion(gl::center::storeMigrations());
  CHECK(latest >= 1);
  CHECK(gl::center::storeMigrations().front().version == 1);
  t.store.reset();
  CHECK(userVersion(t.file()) == latest);
}

TEST_CASE("a store from a newer gridcenter is refused, not opened or downgraded") {
  gl::test::TempStore t;
  t.store.reset();
  {
    SQLite::Database db(t.file().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    t.open(false);
    FAIL("a newer store was opened");
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Rejected);
    CHECK(std::string(e.msgid()).find("newer gridcenter") != std::string::npos);
  }
  CHECK(userVersion(t.file()) == 99);
}

TEST_CASE("a store made before its migrations were numbered opens, keeps its rows and is numbered") {
  gl::test::TempStore t;
  gl::center::Account a;
  a.name = "wang";
  a.role = gl::core::Role::GridLeader;
  a.scope = {"370322001001"};
  a.passwordHash = "$argon2id$placeholder";
  t.store->putAccount(a);
  t.store.reset();
  {
    SQLite::Database db(t.file().string(), SQLite::OPEN_READWRITE);
    // As every store was before: without what later migrations add, and unnumbered.
    db.exec("ALTER TABLE account DROP COLUMN password_set; ALTER TABLE account DROP COLUMN disabled; "
            "PRAGMA user_version = 0");
  }
  t.open(false);
  CHECK(t.store->county() == "370322");
  auto back = t.store->account("wang");
  REQUIRE(back);
  CHECK(back->role == gl::core::Role::GridLeader);
  CHECK(back->scope == std::vector<std::string>{"370322001001"});
  CHECK(back->passwordSetMs > 1669852800000);  // counted from the upgrade, not expired by it
  t.store.reset();
  CHECK(userVersion(t.file()) == gl::sqlite::latestVersion(gl::center::storeMigrations()));
}

TEST_CASE("the data center's folder is its account's alone and its store is 0600, whatever the umask") {
  auto old = ::umask(0);
  gl::test::TempStore t;
  ::umask(old);
  auto mode = [](const std::filesystem::path& p) {
    return static_cast<unsigned>(std::filesystem::status(p).permissions() & std::filesystem::perms::all);
  };
  CHECK(mode(t.dir) == 0700);
  CHECK(mode(t.file()) == 0600);
  CHECK(mode(t.file().string() + "-wal") == 0600);
  t.store.reset();
  std::filesystem::permissions(t.dir, std::filesystem::perms(0755));
  std::filesystem::permissions(t.file(), std::filesystem::perms(0644));
  t.open(false);
  CHECK(mode(t.dir) == 0700);
  CHECK(mode(t.file()) == 0600);
}
