#include <doctest/doctest.h>

#include "temp_ledger.h"
#include "db/visit_queries.h"

using gl::core::Table;
using gl::test::TempLedger;

namespace {

std::string text(const char* s) {
  return s;
}

// Two communities of county 370322: grids 370322001001-1 and -10 in the first, -1 in the second.
struct Campaign {
  TempLedger l;
  std::string first, second, grid1, grid10, grid2;

  Campaign() {
    first = region("370322001001");
    second = region("370322002001");
    grid1 = grid("370322001001-1", first);
    grid10 = grid("370322001001-10", first);
    grid2 = grid("370322002001-1", second);
  }
  std::string region(const char* code) {
    return l->insert(Table::Region,
                     {{"code", text(code)}, {"name", text("社区")}, {"level", text("community")}});
  }
  std::string grid(const char* code, const std::string& region) {
    return l->insert(Table::Grid,
                     {{"code", text(code)}, {"region", region}, {"name", std::string("网格") + code}});
  }
  std::string household(const std::string& grid, const char* building, const char* room = "101") {
    gl::core::Cells cells = {
        {"grid", grid}, {"room", text(room)}, {"address", std::string("幸福社区") + building + room}};
    if (*building) cells.push_back({"building", text(building)});
    return l->insert(Table::Household, cells);
  }
  std::string campaign(const char* scope) {
    return l->insert(Table::Campaign,
                     {{"name", text("全员排查")}, {"scope", text(scope)}, {"start_on", text("2022-11-18")}});
  }
  std::string visit(const std::string& campaign, const std::string& household) {
    return l->insert(Table::Visit, {{"household", household},
                                    {"campaign", campaign},
                                    {"visited_on", text("2022-11-19")},
                                    {"outcome", text("seen")}});
  }
};

std::vector<std::string> ids(const std::vector<gl::db::Row>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

}  // namespace

TEST_CASE("visit progress counts live households and visited ones per grid and building of the scope") {
  Campaign c;
  // Grid 370322001001-1 by its own code (not taking in -10), the second community by its region code.
  std::string id = c.campaign("370322001001-1，370322002001");
  std::string other = c.campaign("370322");
  std::string b10a = c.household(c.grid1, "10", "101"), b10b = c.household(c.grid1, "10", "102");
  std::string b9 = c.household(c.grid1, "9");
  std::string none = c.household(c.grid1, "");
  c.l->tombstone(Table::Household, c.household(c.grid1, "9", "102"));
  c.household(c.grid10, "1");
  std::string far = c.household(c.grid2, "3");

  c.visit(id, b10a);
  c.visit(id, b10a);  // a second visit to the same household counts once
  c.l->tombstone(Table::Visit, c.visit(id, b9));
  c.visit(other, none);  // another campaign's visit
  c.visit(id, far);

  auto progress = gl::db::VisitQueries(*c.l, c.l->readerScope()).progress(id);
  REQUIRE(progress.size() == 4);
  CHECK(progress[0].gridId == c.grid1);
  CHECK(progress[0].gridCode == "370322001001-1");
  CHECK(progress[0].gridName == "网格370322001001-1");
  CHECK(progress[0].building == "9");
  CHECK(progress[0].households == 1);  // the tombstoned household is not counted
  CHECK(progress[0].visited == 0);     // nor the tombstoned visit
  CHECK(progress[1].building == "10");
  CHECK(progress[1].households == 2);
  CHECK(progress[1].visited == 1);
  CHECK(progress[2].building == "");
  CHECK(progress[2].households == 1);
  CHECK(progress[2].visited == 0);
  CHECK(progress[3].gridId == c.grid2);
  CHECK(progress[3].building == "3");
  CHECK(progress[3].visited == 1);

  CHECK(ids(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(id, c.grid1)) == std::vector<std::string>{b9, b10b, none});
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(id, c.grid2).empty());
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(id, c.grid10).empty());  // out of scope

  // The county code takes in every grid.
  auto county = gl::db::VisitQueries(*c.l, c.l->readerScope()).progress(other);
  REQUIRE(county.size() == 5);
  CHECK(county[3].gridId == c.grid10);
  CHECK(county[4].gridId == c.grid2);
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(other, c.grid10).size() == 1);
}

TEST_CASE("a deleted grid's code in a scope matches no other grid, and a deleted campaign has no progress") {
  Campaign c;
  std::string gone = c.grid("370322001001-2", c.first);
  std::string twenty = c.grid("370322001001-20", c.first);
  c.household(gone, "1");
  c.household(twenty, "1");
  c.l->tombstone(Table::Grid, gone);
  std::string id = c.campaign("370322001001-2");
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).progress(id).empty());
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(id, twenty).empty());

  std::string all = c.campaign("370322001001");
  c.household(c.grid1, "1");
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).progress(all).size() == 2);  // grids -1 and -20 with households; -10 has none
  c.l->tombstone(Table::Campaign, all);
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).progress(all).empty());
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).householdsToVisit(all, c.grid1).empty());
  CHECK(gl::db::VisitQueries(*c.l, c.l->readerScope()).progress("no-such-campaign").empty());
}
