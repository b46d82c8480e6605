// The one rule of who reads and writes which rows (core/scope.h, core/role.h), as a table.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/role.h"
#include "core/scope.h"

using gl::core::Place;
using gl::core::Role;
using gl::core::Scope;

TEST_CASE("roles: stored codes both ways, and an unknown code is the least role") {
  for (Role r : {Role::GridWorker, Role::GridLeader, Role::TownshipOfficer, Role::CountyAdmin})
    CHECK(gl::core::roleFromCode(gl::core::roleCode(r)) == r);
  CHECK(gl::core::roleCode(Role::CountyAdmin) == "county_admin");
  CHECK_FALSE(gl::core::roleFromCode("admin"));
  CHECK_FALSE(gl::core::roleFromCode(""));
  CHECK_FALSE(gl::core::roleFromCode("County_Admin"));
  CHECK(gl::core::roleOrLeast("root") == Role::GridWorker);
  CHECK(gl::core::roleOrLeast("") == Role::GridWorker);
  CHECK_FALSE(gl::core::settlesProblems(Role::GridWorker));
  CHECK(gl::core::settlesProblems(Role::GridLeader));
  CHECK(gl::core::settlesProblems(Role::TownshipOfficer));
  CHECK(gl::core::settlesProblems(Role::CountyAdmin));
}

TEST_CASE("scope: what each account reads and writes, place by place") {
  const std::string county = "370322";
  const Place reference;                      // regions, grids, workers, policies: every ledger's
  const Place unplaced = std::string();       // a household of no grid yet: the county's
  const Place ownGrid = std::string("370322001001-1");
  const Place sameCommunity = std::string("370322001001-2");
  const Place otherTownship = std::string("370322002001-1");
  const Place prefixTrap = std::string("370322001001-10");  // "…-1" must not cover "…-10"
  struct Case {
    const char* who;
    Scope scope;
    bool countyWide;
    // reads / writes of: reference, unplaced, ownGrid, sameCommunity, otherTownship, prefixTrap
    std::vector<bool> reads, writes;
  };
  const std::vector<Case> cases = {
      {"grid worker of one grid", Scope(Role::GridWorker, {"370322001001-1"}, county), false,
       {true, false, true, false, false, false}, {false, false, true, false, false, false}},
      {"grid leader of a community", Scope(Role::GridLeader, {"370322001001"}, county), false,
       {true, false, true, true, false, true}, {false, false, true, true, false, true}},
      {"township officer", Scope(Role::TownshipOfficer, {"370322002"}, county), false,
       {true, false, false, false, true, false}, {false, false, false, false, true, false}},
      {"officer whose scope names the county", Scope(Role::TownshipOfficer, {"370322"}, county), true,
       {true, true, true, true, true, true}, {false, true, true, true, true, true}},
      {"county administrator with no codes", Scope(Role::CountyAdmin, {}, county), true,
       {true, true, true, true, true, true}, {true, true, true, true, true, true}},
      {"whole county", Scope::wholeCounty(county), true,
       {true, true, true, true, true, true}, {true, true, true, true, true, true}},
      {"grid worker of another county's code", Scope(Role::GridWorker, {"370323"}, county), false,
       {true, false, false, false, false, false}, {false, false, false, false, false, false}},
  };
  const std::vector<Place> places = {reference, unplaced, ownGrid, sameCommunity, otherTownship, prefixTrap};
  for (const auto& c : cases) {
    CAPTURE(c.who);
    CHECK(c.scope.countyWide() == c.countyWide);
    for (std::size_t i = 0; i < places.size(); ++i) {
      CAPTURE(i);
      CHECK(c.scope.reads(places[i]) == c.reads[i]);
      CHECK(c.scope.writes(places[i]) == c.writes[i]);
    }
  }
}
