// The record rules hold across ledgers (docs/sync-protocol.md §5): two edits that each obeyed them on
// their own ledger, merged at the data center, must not leave a person whose birth date the identity
// number contradicts. Real gridcenter, real client ledgers.
#include <doctest/doctest.h>

#include "center_fixture.h"
#include "core/identity.h"
#include "db/sync_ledger.h"
#include "demo/demo.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;

namespace {
std::string validId(const std::string& first17) { return first17 + gl::core::gb11643CheckDigit(first17); }
}  // namespace

TEST_CASE("a birth date edited on one ledger while another gave the person an identity number is refused, not merged") {
  Center center;
  center.start();
  Client a, b;
  gl::test::SteppedClock clock;
  clock.follow(a);
  clock.follow(b);
  gl::demo::Options o;
  o.households = 2;
  o.seed = 11;
  gl::demo::generate(*a.ledger, o);
  const std::string person = a.resident();
  // A foreign resident, known by a passport: nothing derives the birth date, which is typed in.
  a.ledger->update(Table::Resident, person,
                   {{"id_type", std::string("passport")}, {"id_number", std::string("E12345678")},
                    {"birth_date", std::string("1970-05-05")}});
  a.sync(center.admin());
  b.sync(center.admin());
  REQUIRE(b.cell(Table::Resident, person, "birth_date") == "1970-05-05");

  // Offline: a records the identity card the person now holds (born 1990-02-15); b, later, corrects
  // the birth date it still sees beside the passport.
  const std::string card = validId("37032219900215003");
  clock.tick();
  a.ledger->update(Table::Resident, person, {{"id_type", std::string("resident")}, {"id_number", card}});
  REQUIRE(a.cell(Table::Resident, person, "birth_date") == "1990-02-15");
  clock.tick();
  b.ledger->update(Table::Resident, person, {{"birth_date", std::string("1971-06-06")}});

  a.sync(center.admin());
  auto refused = b.sync(center.admin());
  a.sync(center.admin());
  CHECK(b.cell(Table::Resident, person, "id_number") == card);
  CHECK(b.cell(Table::Resident, person, "birth_date") == "1990-02-15");
  CHECK(a.dump() == b.dump());
  CHECK(refused.refused == 1);
  auto listed = gl::db::SyncLedger(*b.ledger).refusals();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].reason == "inconsistent");
  CHECK(listed[0].column == "birth_date");
  CHECK(listed[0].value == gl::core::Value("1971-06-06"));  // what b typed stays listed for its worker
  CHECK(b.ledger->pendingChanges() == 0);
}
