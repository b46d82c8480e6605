// Sync end to end: real gridcenter processes on loopback TLS, real client ledgers.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "center_fixture.h"
#include "core/error.h"
#include "db/sync_ledger.h"
#include "demo/demo.h"
#include "sync/http_client.h"
#include "sync/wire.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;
using gl::test::nowMs;

namespace {

void seed(Client& c, long long households) {
  gl::demo::Options o;
  o.households = households;
  o.seed = 7;
  gl::demo::generate(*c.ledger, o);
}
}  // namespace

TEST_CASE("two people on two ledgers edit offline, sync, and see each other's work with nothing lost or doubled") {
  Center center;
  center.addUser("li", "county_admin", "370322", "Wn3#stone-Reed");
  center.start();
  Client a, b;
  seed(a, 12);
  auto first = a.sync(center.admin());
  CHECK(first.pushed > 0);
  CHECK(a.ledger->pendingChanges() == 0);
  auto got = b.sync(center.as("li", "Wn3#stone-Reed"));
  CHECK(got.pulled > 0);
  CHECK(b.dump() == a.dump());

  // Offline, each changes a different field of the same person; a adds a household, b removes a visit.
  std::string person = a.resident(3);
  a.ledger->update(Table::Resident, person, {{"phone", std::string("13800138001")}});
  b.ledger->update(Table::Resident, person, {{"notes", std::string("腿脚不便，需上门")}});
  std::string grid;
  a.ledger->forEachRow(Table::Grid, [&](const gl::db::Row& r) { grid = r.id; });
  std::string added = a.ledger->insert(Table::Household, {{"grid", grid}, {"address", std::string("幸福路9号")}});
  std::string visit;
  b.ledger->forEachRow(Table::Visit, [&](const gl::db::Row& r) { visit = r.id; });
  REQUIRE_FALSE(visit.empty());
  b.ledger->tombstone(Table::Visit, visit);

  a.sync(center.admin());
  b.sync(center.as("li", ""));  // the token kept in the ledger signs in
  a.sync(center.admin());
  CHECK(a.dump() == b.dump());
  CHECK(a.cell(Table::Resident, person, "phone") == "13800138001");
  CHECK(a.cell(Table::Resident, person, "notes") == "腿脚不便，需上门");
  CHECK(b.ledger->get(Table::Household, added).has_value());
  auto gone = a.ledger->get(Table::Visit, visit);
  CHECK((!gone || gone->deleted));
  // A third ledger pulling everything from scratch holds exactly the same: the server's data.
  Client c;
  c.sync(center.admin());
  CHECK(c.dump() == a.dump());
  CHECK(a.ledger->pendingChanges() == 0);
  CHECK(b.ledger->pendingChanges() == 0);
  // The log has one line per request, naming the account.
  CHECK(center.log().find("method=POST path=/v1/push status=200") != std::string::npos);
  CHECK(center.log().find(" account=li ") != std::string::npos);
}

TEST_CASE("three clients editing one person offline converge in every sync order, and no edit is lost") {
  Center center;
  center.addUser("leader", "grid_leader", "370322", "Lp8#cloud-Fern");
  center.start();
  Client c1, c2, c3;
  Client* clients[] = {&c1, &c2, &c3};
  gl::test::SteppedClock clock;
  for (auto* c : clients) clock.follow(*c);
  seed(c1, 4);
  for (auto* c : clients) c->sync(center.admin());
  std::string person = c1.resident(0);
  std::vector<int> order = {0, 1, 2};
  int round = 0;
  do {
    CAPTURE(round);
    // Different fields, then one field all three change (the last edit in time wins).
    c1.ledger->update(Table::Resident, person, {{"phone", fmt::format("1380013800{}", round % 10)}});
    c2.ledger->update(Table::Resident, person, {{"ethnicity", round % 2 ? std::string("回族") : std::string("汉族")}});
    c3.ledger->update(Table::Resident, person, {{"relation", fmt::format("第{}轮", round)}});
    clock.tick();
    for (int i = 0; i < 3; ++i) {
      clients[i]->ledger->update(Table::Resident, person, {{"notes", fmt::format("round {} by {}", round, i)}});
      clock.tick();
    }
    for (int i : order) clients[i]->sync(center.admin());
    for (int i : order) clients[i]->sync(center.admin());
    CHECK(c1.dump() == c2.dump());
    CHECK(c2.dump() == c3.dump());
    CHECK(c1.cell(Table::Resident, person, "phone") == fmt::format("1380013800{}", round % 10));
    CHECK(c1.cell(Table::Resident, person, "relation") == fmt::format("第{}轮", round));
    CHECK(c1.cell(Table::Resident, person, "notes") == fmt::format("round {} by 2", round));
    ++round;
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(round == 6);

  // The losing values are kept as conflict records a grid leader sees and can restore in one action.
  Client leader;
  leader.sync(center.as("leader", "Lp8#cloud-Fern"));
  auto conflicts = gl::sync::listConflicts(*leader.ledger, center.as("leader", ""));
  std::vector<std::string> others;
  for (const auto& k : conflicts)
    if (k.row == person && k.column == "notes") others.push_back(k.other.value_or(""));
  CHECK(std::find(others.begin(), others.end(), "round 5 by 0") != others.end());
  CHECK(std::find(others.begin(), others.end(), "round 5 by 1") != others.end());
  // A grid worker does not see them.
  center.addUser("wang", "grid_worker", "370322", "Hx6#maple-Dune");
  Client worker;
  CHECK(gl::sync::listConflicts(*worker.ledger, center.as("wang", "Hx6#maple-Dune")).empty());

  std::int64_t id = 0;
  for (const auto& k : conflicts)
    if (k.row == person && k.other == std::optional<std::string>("round 5 by 0")) id = k.id;
  REQUIRE(id != 0);
  gl::sync::restoreConflict(*leader.ledger, center.as("leader", ""), id);
  for (auto* c : clients) c->sync(center.admin());
  CHECK(c1.cell(Table::Resident, person, "notes") == "round 5 by 0");
  CHECK(c3.dump() == c1.dump());
  CHECK_THROWS_AS(gl::sync::restoreConflict(*leader.ledger, center.as("leader", ""), id), gl::Error);
}

TEST_CASE("many clients making random edits and syncing at random converge with nothing lost") {
  Center center;
  center.start();
  std::vector<std::unique_ptr<Client>> clients;
  gl::test::SteppedClock clock;
  for (int i = 0; i < 4; ++i) {
    clients.push_back(std::make_unique<Client>());
    clock.follow(*clients.back());
  }
  seed(*clients[0], 3);
  for (auto& c : clients) c->sync(center.admin());
  std::vector<std::string> people;
  clients[0]->ledger->forEachRow(Table::Resident, [&](const gl::db::Row& r) { people.push_back(r.id); });
  people.resize(std::min<std::size_t>(people.size(), 6));
  const char* columns[] = {"notes", "relation", "ethnicity"};
  std::mt19937 rng(20221120);
  std::map<std::pair<std::string, std::string>, std::string> last;  // the last value written to each cell
  for (int step = 0; step < 160; ++step) {
    auto& c = *clients[rng() % clients.size()];
    if (rng() % 4 == 0) {
      c.sync(center.admin());
      continue;
    }
    std::string person = people[rng() % people.size()];
    std::string column = columns[rng() % 3];
    std::string value = fmt::format("v{}", step);
    c.ledger->update(Table::Resident, person, {{column, value}});
    last[{person, column}] = value;
    clock.tick();
  }
  for (int pass = 0; pass < 2; ++pass)
    for (auto& c : clients) c->sync(center.admin());
  for (std::size_t i = 1; i < clients.size(); ++i) CHECK(clients[i]->dump() == clients[0]->dump());
  for (const auto& [cell, value] : last) {
    CAPTURE(cell.second);
    CHECK(clients[0]->cell(Table::Resident, cell.first, cell.second) == value);
  }
  for (auto& c : clients) CHECK(c->ledger->pendingChanges() == 0);
  // Every grid's digest agrees with the data center's: nothing needed repairing.
  auto verify = center.admin();
  verify.verify = true;
  for (auto& c : clients) CHECK(c->sync(verify).repaired == 0);
}

TEST_CASE("a push batch sent twice is applied once and answered byte for byte, and one batch id with other changes is refused") {
  Center center;
  center.start();
  gl::sync::HttpClient http(center.url(), gl::test::Pki::get().ca);
  auto login = http.post("/v1/login", gl::sync::encode(gl::sync::LoginRequest{"admin", "Tk4#river-Moss"}), {}, false);
  REQUIRE(login.status == 200);
  auto token = gl::sync::decodeLoginResponse(login.body).token;
  gl::db::SyncCell cell{Table::Region, "0190f7a0-0000-7000-8000-000000000001", "name", std::string("田镇"),
                        gl::core::Hlc{nowMs(), 0}, "site-a", {}};
  gl::db::SyncCell code = cell, level = cell;
  code.column = "code";
  code.value = "370322001";
  level.column = "level";
  level.value = "township";
  std::string body = gl::sync::encode(gl::sync::PushRequest{"site-a", "batch-1", {cell, code, level}});
  auto once = http.post("/v1/push", body, token, true);
  auto twice = http.post("/v1/push", body, token, true);
  REQUIRE(once.status == 200);
  CHECK(twice.status == 200);
  CHECK(twice.body == once.body);
  CHECK(gl::sync::decodePushResponse(once.body).accepted == 3);
  cell.value = "别的名字";
  auto other = http.post("/v1/push", gl::sync::encode(gl::sync::PushRequest{"site-a", "batch-1", {cell}}), token, true);
  CHECK(other.status == 400);
  Client c;
  c.sync(center.admin());
  int townships = 0;
  c.ledger->forEachRow(Table::Region, [&](const gl::db::Row& r) { townships += r.text("code") == "370322001"; });
  CHECK(townships == 1);
  CHECK(c.cell(Table::Region, cell.row, "name") == "田镇");
}

TEST_CASE("two residents with one identity number become a duplicate pair that a grid leader merges or keeps apart") {
  Center center;
  center.addUser("leader", "grid_leader", "370322", "Lp8#cloud-Fern");
  center.addUser("wang", "grid_worker", "370322", "Hx6#maple-Dune");
  center.start();
  Client a, b;
  seed(a, 2);
  a.sync(center.admin());
  b.sync(center.admin());
  std::string first = a.resident(0), household;
  a.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) { household = r.id; });
  std::string number = a.cell(Table::Resident, first, "id_number");
  REQUIRE_FALSE(number.empty());
  // Another worker registers the same person again, with a quarantine case.
  std::string second = b.ledger->insert(Table::Resident, {{"household", household}, {"name", std::string("重复登记")},
                                                           {"id_number", number}});
  std::string policy;
  b.ledger->forEachRow(Table::Policy, [&](const gl::db::Row& r) { if (policy.empty()) policy = r.text("code"); });
  std::string kase = b.ledger->insert(Table::Quarantine, {{"resident", second}, {"policy", policy},
                                                           {"kind", std::string("home")},
                                                           {"start_on", std::string("2022-11-18")},
                                                           {"planned_end_on", std::string("2022-11-25")},
                                                           {"status", std::string("active")}});
  auto r = b.sync(center.admin());
  CHECK(r.duplicates == 1);
  auto got = a.sync(center.admin());
  CHECK(got.duplicates == 1);
  auto pairs = gl::db::SyncLedger(*a.ledger).duplicates();
  REQUIRE(pairs.size() == 1);
  CHECK(((pairs[0].first == first && pairs[0].second == second) || (pairs[0].first == second && pairs[0].second == first)));

  // A grid worker may not settle it; a grid leader merges it into the first record.
  Client w;
  CHECK_THROWS_AS(gl::sync::mergeDuplicate(*w.ledger, center.as("wang", "Hx6#maple-Dune"), first, second), gl::Error);
  Client leader;
  leader.sync(center.as("leader", "Lp8#cloud-Fern"));
  gl::sync::mergeDuplicate(*leader.ledger, center.as("leader", ""), first, second);
  a.sync(center.admin());
  b.sync(center.admin());
  CHECK(a.dump() == b.dump());
  auto gone = a.ledger->get(Table::Resident, second);
  CHECK((!gone || gone->deleted));
  CHECK(a.cell(Table::Quarantine, kase, "resident") == first);
  CHECK(gl::db::SyncLedger(*a.ledger).duplicates().empty());
  // Settled pairs do not come back; a new one can be kept apart as two people.
  std::string third = b.ledger->insert(Table::Resident, {{"household", household}, {"name", std::string("同号不同人")},
                                                          {"id_number", number}});
  b.sync(center.admin());
  leader.sync(center.as("leader", ""));
  auto open = gl::db::SyncLedger(*leader.ledger).duplicates();
  REQUIRE(open.size() == 1);
  gl::sync::markDistinct(*leader.ledger, center.as("leader", ""), open[0].first, open[0].second);
  CHECK(b.sync(center.admin()).duplicates == 0);
  CHECK(b.ledger->get(Table::Resident, third).has_value());
}
