#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/identity.h"
#include "core/phone.h"
#include "demo/demo.h"
#include "temp_ledger.h"
#include "db/figure_queries.h"
#include "db/quarantine_queries.h"
#include "db/search_queries.h"

using gl::core::Table;
using gl::test::TempLedger;

TEST_CASE("a demo county looks like a real one") {
  TempLedger l;
  auto result = gl::demo::generate(*l, {600, 42});
  CHECK(result.households == 600);
  CHECK(result.residents >= 600 * 2);
  CHECK(result.residents <= 600 * 4);
  CHECK(result.grids >= 2);
  CHECK(result.quarantines > 0);
  CHECK(result.quarantines < result.residents / 10);
  CHECK(result.healthChecks > result.quarantines);
  CHECK(result.visits > 600 / 3);

  std::map<std::string, int> householdSizes;
  std::set<std::string> idNumbers;
  std::set<std::string> flags;
  long long invalidIds = 0, invalidPhones = 0, residents = 0;
  l->forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    ++residents;
    if (!gl::core::checkId(*r["id_number"], l->today()).valid) ++invalidIds;
    if (r["phone"] && !gl::core::checkPhone(*r["phone"]).valid) ++invalidPhones;
    ++householdSizes[*r["household"]];
    idNumbers.insert(*r["id_number"]);
    if (r["care_flags"]) flags.insert(*r["care_flags"]);
    CHECK(r["birth_date"].has_value());
    CHECK(r["sex"].has_value());
  });
  CHECK(residents == result.residents);

  // Today's check figures by time of day agree with the check sheet they summarise.
  long long morningDue = 0, morningDone = 0, laterDue = 0, laterDone = 0;
  for (const auto& line : gl::db::QuarantineQueries(*l, l->readerScope()).checkSheet(l->today()))
    for (std::size_t slot = 0; slot < line.tenths.size(); ++slot) {
      (slot == 0 ? morningDue : laterDue) += 1;
      (slot == 0 ? morningDone : laterDone) += line.tenths[slot].has_value();
    }
  auto figures = gl::db::FigureQueries(*l, l->readerScope()).today(l->today());
  CHECK(morningDue > 0);
  CHECK(morningDone > 0);
  CHECK(figures.morningChecksDue == morningDue);
  CHECK(figures.morningChecksDone == morningDone);
  CHECK(figures.laterChecksDue == laterDue);
  CHECK(figures.laterChecksDone == laterDone);
  CHECK(static_cast<long long>(idNumbers.size()) == residents);  // one number, one person
  CHECK(invalidIds == 0);
  CHECK(invalidPhones == 0);
  for (const auto& [household, size] : householdSizes) {
    CHECK(size >= 1);
    CHECK(size <= 6);
  }
  CHECK_FALSE(flags.empty());
  auto f = gl::db::FigureQueries(*l, l->readerScope()).today(l->today());
  CHECK(f.activeQuarantines > 0);
  CHECK(f.checksDueToday > 0);
}

TEST_CASE("the same seed gives the same people, and the demo's people can be searched") {
  TempLedger a, b;
  gl::demo::generate(*a, {50, 7});
  gl::demo::generate(*b, {50, 7});
  std::vector<std::string> namesA, namesB;
  a->forEachRow(Table::Resident, [&](const gl::db::Row& r) { namesA.push_back(*r["name"] + *r["id_number"]); });
  b->forEachRow(Table::Resident, [&](const gl::db::Row& r) { namesB.push_back(*r["name"] + *r["id_number"]); });
  CHECK(namesA == namesB);
  auto hits = gl::db::SearchQueries(*a, a->readerScope()).find(namesA.front().substr(0, namesA.front().find_first_of("0123456789")), 5);
  CHECK_FALSE(hits.empty());
}
