// A grid worker turned attacker, on loopback against the real gridcenter (docs/security.md): what a
// crafted push, a pull and a duplicate probe reveal of people outside the worker's grid — nothing —
// and what a hostile login name does to the request log.
#include <doctest/doctest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include "center_fixture.h"
#include "core/identity.h"
#include "db/sync_ledger.h"
#include "demo/demo.h"
#include "sync/http_client.h"
#include "sync/wire.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;
using gl::test::nowMs;

namespace {

struct Victim {
  std::string row, name = "孙秘密", phone = "13912345678", address = "东风路1号";
  std::string idNumber = [] {
    std::string first17 = "37032219600707001";
    return first17 + gl::core::gb11643CheckDigit(first17);
  }();
};

// Everything the county holds, and a victim in a grid the worker does not have.
std::string setUp(Center& center, Client& admin, Victim& v) {
  gl::demo::Options o;
  o.households = 4;
  gl::demo::generate(*admin.ledger, o);
  std::string community, code;
  admin.ledger->forEachRow(Table::Grid, [&](const gl::db::Row& r) {
    community = r.text("region");
    code = r.text("code");
  });
  std::string grid2 = admin.ledger->insert(
      Table::Grid, {{"code", code.substr(0, 12) + "-9"}, {"region", community}, {"name", std::string("第9网格")}});
  std::string home = admin.ledger->insert(Table::Household, {{"grid", grid2}, {"address", v.address}});
  v.row = admin.ledger->insert(Table::Resident, {{"household", home}, {"name", v.name}, {"id_number", v.idNumber},
                                                 {"phone", v.phone}});
  center.addUser("wang", "grid_worker", code, "Hx6#maple-Dune");
  center.addUser("zhao", "grid_leader", code.substr(0, 12), "Rb2#ember-Kite");
  center.start();
  admin.sync(center.admin());
  return code;
}

// The victim's name, phone and address, and `also` (what the worker did not bring themselves).
void checkSilent(const std::string& answer, const Victim& v, std::initializer_list<std::string> also = {}) {
  CHECK(answer.find(v.name) == std::string::npos);
  for (const auto& s : also) CHECK(answer.find(s) == std::string::npos);
  CHECK(answer.find(v.phone) == std::string::npos);
  CHECK(answer.find(v.address) == std::string::npos);
}

}  // namespace

TEST_CASE("a grid worker who copies someone's identity number learns only that it is registered elsewhere") {
  Center center;
  Client admin, worker;
  Victim v;
  setUp(center, admin, v);
  auto as = center.as("wang", "Hx6#maple-Dune");
  worker.sync(as);
  REQUIRE_FALSE(worker.ledger->get(Table::Resident, v.row).has_value());

  // Step 1: the worker gives one of their own residents the victim's number and syncs.
  std::string mine = worker.resident();
  worker.ledger->update(Table::Resident, mine, {{"id_number", v.idNumber}});
  worker.sync(as);
  worker.sync(as);
  auto pairs = gl::db::SyncLedger(*worker.ledger).duplicates();
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].first == mine);
  CHECK(pairs[0].second.empty());  // "elsewhere in the county", no row id
  CHECK(worker.dump().find(v.row) == std::string::npos);

  // Step 2: a crafted push to the victim's row (its id learnt some other way) is refused with nothing
  // of the row in the answer; a pull from scratch and the conflicts list hold nothing of it either.
  gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
  auto login = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"wang", "Hx6#maple-Dune"}), {}, false);
  REQUIRE(login.status == 200);
  auto token = gl::sync::decodeLoginResponse(login.body).token;
  std::vector<gl::core::SyncCell> probe;
  for (const char* column : {"name", "id_number", "phone", "notes", "deleted"})
    probe.push_back({Table::Resident, v.row, column, std::string("x"), gl::core::Hlc{nowMs(), 0}, "site-w", {}});
  auto pushed = http.post("/v1/push", gl::sync::encode(gl::sync::PushRequest{"site-w", "probe-1", probe}), token, true);
  REQUIRE(pushed.status == 200);
  auto answer = gl::sync::decodePushResponse(pushed.body);
  CHECK(answer.refused.size() == probe.size());
  CHECK(answer.current.empty());
  CHECK(answer.lost.empty());
  checkSilent(pushed.body, v);  // the refusals name the row the worker named, and nothing of it
  auto pulled = http.get("/v1/pull?since=0&limit=50000&site=none&digests=1", token);
  REQUIRE(pulled.status == 200);
  checkSilent(pulled.body, v, {v.row});
  auto conflicts = http.get("/v1/conflicts", token);
  checkSilent(conflicts.body, v, {v.row, v.idNumber});

  // The grid leader above both grids' community sees the pair, with both records.
  Client leader;
  leader.sync(center.as("zhao", "Rb2#ember-Kite"));
  auto both = gl::db::SyncLedger(*leader.ledger).duplicates();
  REQUIRE(both.size() == 1);
  CHECK(((both[0].first == mine && both[0].second == v.row) || (both[0].first == v.row && both[0].second == mine)));
  // The victim is untouched.
  admin.sync(center.admin());
  CHECK(admin.cell(Table::Resident, v.row, "name") == v.name);
  CHECK(admin.cell(Table::Resident, v.row, "phone") == v.phone);
}

TEST_CASE("a login name cannot forge a line of the request log or flood it") {
  Center center;
  center.start({"--throttle-ms", "0"});
  gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
  const std::string forged = "nobody\n2026-12-07T00:00:00Z 127.0.0.1 POST /v1/login 200 admin";
  CHECK(http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{forged, "x"}), {}, false).status == 401);
  std::string longest(4000, 'n');  // as long as a sign-in's body allows
  CHECK(http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{longest, "x"}), {}, false).status == 401);
  std::string huge(200 * 1024, 'n');  // past it: refused unread
  CHECK(http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{huge, "x"}), {}, false).status == 413);
  // The server writes a request's line after its answer has gone: wait for the third.
  auto requestLines = [&] {
    std::istringstream lines(center.log());
    std::vector<std::string> out;
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("at=", 0) == 0) out.push_back(line);
    return out;
  };
  for (int i = 0; i < 500 && requestLines().size() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(requestLines().size() == 3);
  for (const auto& line : requestLines()) CHECK(line.size() < 600);
  std::string log = center.log();
  std::istringstream all(log);
  for (std::string line; std::getline(all, line);)
    CHECK(line.rfind("2026-12-07T00:00:00Z", 0) != 0);  // no line starts with the forged text
  CHECK(log.find("account=\"nobody\\n2026-12-07T00:00:00Z") != std::string::npos);
}

TEST_CASE("1,000 parallel wrong passwords from one address reach at most the lockout's count of checks") {
  Center center;
  center.addUser("li", "grid_worker", "370322", "Wn3#stone-Reed");
  center.start();
  std::atomic<int> checked{0}, throttled{0}, other{0};  // throttled: turned away unchecked (429 or 403)
  std::vector<std::thread> threads;
  for (int k = 0; k < 8; ++k)
    threads.emplace_back([&] {
      gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
      for (int i = 0; i < 125; ++i) {
        auto r = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"li", "guess"}), {}, false);
        if (r.status == 401) ++checked;
        else if (r.status == 429 && gl::sync::decodeError(r.body).code == "throttled") ++throttled;
        else if (r.status == 403 && gl::sync::decodeError(r.body).code == "locked") ++throttled;
        else ++other;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(checked.load() >= 1);
  CHECK(checked.load() <= 5);
  CHECK(throttled.load() == 1000 - checked.load());
  CHECK(other.load() == 0);
  // An unknown name is answered exactly as a wrong password is (after the address's wait).
  center.stop(SIGTERM);
  center.start({"--throttle-ms", "0"});
  gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
  auto wrong = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"li", "guess"}), {}, false);
  auto unknown = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"nobody", "guess"}), {}, false);
  CHECK(wrong.status == 401);
  CHECK(unknown.status == wrong.status);
  CHECK(gl::sync::decodeError(unknown.body).message == gl::sync::decodeError(wrong.body).message);
}
