// Sync under faults: a push cut on the way there or back, the server killed mid-push, a clean stop,
// and every way of being turned away (password, lockout, expired sign-in, plain HTTP, unknown CA,
// another protocol version), each with a clear error and nothing changed.
#include <doctest/doctest.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "center_fixture.h"
#include "core/error.h"
#include "cut_proxy.h"
#include "db/sync_ledger.h"
#include "demo/demo.h"
#include "sync/http_client.h"
#include "sync/wire.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;

namespace {
void seed(Client& c, long long households, unsigned long long s = 11) {
  gl::demo::Options o;
  o.households = households;
  o.seed = s;
  gl::demo::generate(*c.ledger, o);
}

// The message id of the gl::Error a call throws ("" when it does not throw one).
template <typename Fn>
std::string errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const gl::Error& e) {
    return e.msgid();
  }
  return {};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a push cut on the way there or on the way back ends, after a retry, with every change there exactly once") {
  Center center;
  center.start();
  gl::test::CutProxy proxy(center.port());
  auto via = center.admin();
  via.server = fmt::format("https://127.0.0.1:{}", proxy.port());
  Client a;
  a.sync(via);  // signed in
  seed(a, 20);
  auto pending = a.ledger->pendingChanges();
  REQUIRE(pending > 0);

  // Cut part way through the request: the data center never sees the whole batch.
  proxy.cutRequestAfter(6000);
  CHECK_FALSE(errorOf([&] { a.sync(via); }).empty());
  CHECK(proxy.cuts() >= 1);
  CHECK(a.ledger->pendingChanges() == pending);
  auto outbox = gl::db::SyncLedger(*a.ledger).outbox();
  REQUIRE(outbox.has_value());
  proxy.pass();
  auto r = a.sync(via);
  CHECK(r.pushed > 0);
  CHECK(a.ledger->pendingChanges() == 0);

  // Lose the answer after the data center committed: the retry sends the same bytes and gets the
  // stored answer; nothing is applied twice.
  std::vector<std::string> people;
  a.ledger->forEachRow(Table::Resident, [&](const gl::db::Row& row) { people.push_back(row.id); });
  REQUIRE(people.size() >= 60);
  for (std::size_t i = 0; i < 60; ++i)
    a.ledger->update(Table::Resident, people[i], {{"notes", fmt::format("第二轮 {}", i)}});
  proxy.dropResponseAfter(1500);  // past the handshake, inside the request
  CHECK_FALSE(errorOf([&] { a.sync(via); }).empty());
  CHECK(a.ledger->pendingChanges() == 60);
  auto kept = gl::db::SyncLedger(*a.ledger).outbox();
  REQUIRE(kept.has_value());
  proxy.pass();
  a.sync(via);
  CHECK(a.ledger->pendingChanges() == 0);
  CHECK(count(center.log(), "method=POST path=/v1/push status=200") >= 3);

  Client fresh;
  fresh.sync(center.admin());
  CHECK(fresh.dump() == a.dump());
  CHECK(gl::sync::listConflicts(*a.ledger, via).empty());
}

TEST_CASE("the data center killed with SIGKILL in the middle of a push loses nothing it acknowledged") {
  Center center;
  center.start();
  Client a;
  a.sync(center.admin());
  seed(a, 250);
  auto options = center.admin();
  options.pushBatch = 2000;
  std::string failure;
  std::thread pushing([&] { failure = errorOf([&] { a.sync(options); }); });
  // Killed as soon as the first batch is acknowledged, with the next one on its way.
  for (int i = 0; i < 2000 && center.log().find("method=POST path=/v1/push status=200") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  CHECK(center.stop(SIGKILL) == 128 + SIGKILL);
  pushing.join();
  auto left = a.ledger->pendingChanges();
  MESSAGE("killed with ", left, " change-log entries unacknowledged: ", failure);

  center.start();  // same store, same port
  // Whatever was acknowledged is at the data center: a new ledger sees a subset of a's rows.
  Client before;
  before.sync(center.admin());
  std::string all = a.dump(), got = before.dump();
  std::istringstream lines(got);
  for (std::string line; std::getline(lines, line);) CHECK_MESSAGE(all.find(line) != std::string::npos, line);

  a.sync(center.admin());
  CHECK(a.ledger->pendingChanges() == 0);
  Client after;
  after.sync(center.admin());
  CHECK(after.dump() == a.dump());
}

TEST_CASE("SIGTERM stops the data center cleanly") {
  Center center;
  center.start();
  Client a;
  a.sync(center.admin());
  CHECK(center.stop(SIGTERM) == 0);
  CHECK(center.log().find("gridcenter stopped") != std::string::npos);
  CHECK_FALSE(errorOf([&] { a.sync(center.admin()); }).empty());
}

TEST_CASE("wrong password, lockout, expired sign-in, plain HTTP, an unknown CA and another protocol version: clear errors, nothing changed") {
  Center center;
  center.addUser("zhao", "county_admin", "370322", "Rb2#ember-Kite");
  center.start({"--throttle-ms", "0"});  // the address's growing wait is tested in tests/center
  Client a;
  seed(a, 3);
  auto pending = a.ledger->pendingChanges();
  auto dump = a.dump();

  CHECK(errorOf([&] { a.sync(center.as("admin", "wrong-password")); }).find("did not accept") != std::string::npos);
  auto plain = center.admin();
  plain.server = fmt::format("http://127.0.0.1:{}", center.port());
  CHECK(errorOf([&] { a.sync(plain); }).find("https://") != std::string::npos);
  auto rogue = center.admin();
  rogue.caFile = gl::test::Pki::get().rogueCa;
  CHECK(errorOf([&] { a.sync(rogue); }).find("could not be verified") != std::string::npos);
  auto system = center.admin();
  system.caFile.clear();  // the system's store does not know the county's test CA
  CHECK(errorOf([&] { a.sync(system); }).find("could not be verified") != std::string::npos);
  CHECK(a.ledger->pendingChanges() == pending);
  CHECK(a.dump() == dump);

  // Another protocol version is refused with a message naming the one spoken.
  gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
  http.setProtocolVersion(2);
  auto r = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"admin", "Tk4#river-Moss"}), {}, false);
  CHECK(r.status == 400);
  auto e = gl::sync::decodeError(r.body);
  CHECK(e.code == "protocol_version");
  CHECK(e.message.find("protocol 1") != std::string::npos);

  // Five wrong passwords lock the account for this address; the right one is then refused too.
  Client z;
  for (int i = 0; i < 5; ++i) errorOf([&] { z.sync(center.as("zhao", "not-it")); });
  CHECK(errorOf([&] { z.sync(center.as("zhao", "Rb2#ember-Kite")); }).find("locked") != std::string::npos);

  // A sign-in expires (12 hours; the data center comes back 13 hours later by its clock, no waiting);
  // without the password the sync says so and sends nothing, with it it renews.
  a.sync(center.admin());
  CHECK(a.ledger->pendingChanges() == 0);
  a.ledger->update(Table::Resident, a.resident(0), {{"notes", std::string("过期后修改")}});
  CHECK(a.sync(center.as("admin", "")).pushed == 1);  // the sign-in still holds
  a.ledger->update(Table::Resident, a.resident(0), {{"notes", std::string("过期后再修改")}});
  CHECK(center.stop(SIGTERM) == 0);
  center.start({"--throttle-ms", "0", "--clock-offset-ms", std::to_string(13LL * 3600 * 1000)});
  CHECK(errorOf([&] { a.sync(center.as("admin", "")); }).find("expired") != std::string::npos);
  CHECK(a.ledger->pendingChanges() == 1);
  a.sync(center.admin());
  CHECK(a.ledger->pendingChanges() == 0);

  // Nothing the refused attempts carried reached the data center twice or half.
  Client fresh;
  fresh.sync(center.admin());
  CHECK(fresh.dump() == a.dump());
}

TEST_CASE("a server whose certificate the county's CA did not sign is refused") {
  Center center;
  center.start({}, true);
  Client a;
  CHECK(errorOf([&] { a.sync(center.admin()); }).find("could not be verified") != std::string::npos);
  CHECK(center.log().find("path=/v1/login") == std::string::npos);
}

TEST_CASE("a stored batch the data center refuses as malformed is dropped, and its edits go in a new one") {
  Center center;
  center.start();
  Client a, b;
  seed(a, 3);
  a.sync(center.admin());
  b.sync(center.admin());
  std::string person = a.resident(1);
  a.ledger->update(Table::Resident, person, {{"notes", std::string("重新打包")}});
  // The batch is stored before it is sent; the data center is down, so it stays, and is then damaged.
  center.stop(SIGTERM);
  CHECK_FALSE(errorOf([&] { a.sync(center.admin()); }).empty());
  REQUIRE(gl::db::SyncLedger(*a.ledger).outbox().has_value());
  {
    SQLite::Database raw((a.dir.path / "client.gridledger").string(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE sync_outbox SET body = CAST('{\"site\": 7, \"changes\": [' AS BLOB)");
  }
  center.start();
  CHECK(errorOf([&] { a.sync(center.admin()); }) ==
        "The data center refused the changes sent as malformed ({detail}); the next sync sends them again");
  CHECK_FALSE(gl::db::SyncLedger(*a.ledger).outbox().has_value());
  CHECK(a.ledger->pendingChanges() == 1);
  auto again = a.sync(center.admin());
  CHECK(again.pushed == 1);
  CHECK(a.ledger->pendingChanges() == 0);
  b.sync(center.admin());
  CHECK(b.cell(Table::Resident, person, "notes") == "重新打包");
  CHECK(b.dump() == a.dump());
}

TEST_CASE("a password older than the data center allows signs nothing in and says so, and a new one from the county admin does") {
  Center center;
  center.addUser("zhao", "grid_worker", "370322", "Rb2#ember-Kite");
  const std::string later = std::to_string(31LL * 24 * 3600 * 1000);  // a month on, by the data center's clock
  center.start({"--password-days", "30", "--clock-offset-ms", later});
  Client z;
  CHECK(errorOf([&] { z.sync(center.as("zhao", "Rb2#ember-Kite")); }).find("has expired") != std::string::npos);
  CHECK(errorOf([&] { z.sync(center.as("zhao", "not-it")); }).find("did not accept") != std::string::npos);
  center.stop(SIGTERM);
  center.setPassword("zhao", "Hx6#maple-Dune");
  center.start({"--password-days", "30", "--throttle-ms", "0"});  // today: the new password is new
  CHECK(errorOf([&] { z.sync(center.as("zhao", "Hx6#maple-Dune")); }).empty());
}

TEST_CASE("an account disabled while its ledger is signed in is signed out at once and told why, and comes back when enabled") {
  Center center;
  center.addUser("zhao", "grid_worker", "370322", "Rb2#ember-Kite");
  center.start({"--throttle-ms", "0"});
  Client z;
  REQUIRE(errorOf([&] { z.sync(center.as("zhao", "Rb2#ember-Kite")); }).empty());
  center.setDisabled("zhao", true);  // the data center keeps running
  CHECK(errorOf([&] { z.sync(center.as("zhao", "")); }).find("expired") != std::string::npos);
  CHECK(errorOf([&] { z.sync(center.as("zhao", "Rb2#ember-Kite")); }).find("disabled") != std::string::npos);
  center.setDisabled("zhao", false);
  CHECK(errorOf([&] { z.sync(center.as("zhao", "Rb2#ember-Kite")); }).empty());
}
