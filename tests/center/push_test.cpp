// A push into the store in process, through the one merge rule (core/merge.h) and the one scope rule
// (core/scope.h): newer cells win, older ones are answered with what stands, edits that did not see
// each other are kept as conflicts, and an account writes only inside its scope.
#include <doctest/doctest.h>

#include "core/hlc.h"
#include "sync/wire.h"
#include "push_support.h"

using gl::core::Hlc;
using gl::core::SyncCell;
using gl::core::Table;

namespace {

using gl::test::account;
using gl::test::kNow;
using gl::test::kSiteA;
using gl::test::kSiteB;
using Center = gl::test::PushingCenter;

const std::string kRow = "0190a000-0000-7000-8000-0000000000c1";

SyncCell cell(const std::string& column, const std::string& value, std::int64_t ms, std::int64_t baseMs = 0) {
  return SyncCell{Table::Region, kRow, column, value, Hlc{ms, 0}, {}, Hlc{baseMs, 0}};
}

}  // namespace

TEST_CASE("pushed cells merge by the one rule: newer wins, older is answered, unseen edits are conflicts") {
  Center c;
  const auto admin = account(gl::core::Role::CountyAdmin, {"370322"});
  auto first = c.push(admin, kSiteA,
                      {cell("code", "370322001001", kNow - 5000), cell("name", "新城社区", kNow - 5000),
                       cell("level", "community", kNow - 5000)});
  CHECK(first.accepted == 3);
  CHECK(first.refused.empty());
  CHECK(first.conflicts == 0);

  // Site B renames it without having seen A's name (base 0), later: written, and kept as a conflict.
  auto second = c.push(admin, kSiteB, {cell("name", "新城东社区", kNow - 3000)});
  CHECK(second.accepted == 1);
  CHECK(second.lost.empty());
  CHECK(second.conflicts == 1);

  // Site A, having seen B's name, edits it again but with an older clock: it loses, and is told the
  // value that stands. No conflict: A had seen it.
  auto third = c.push(admin, kSiteA, {cell("name", "新城西社区", kNow - 4000, kNow - 3000)});
  REQUIRE(third.lost.size() == 1);
  CHECK(third.lost[0].value == gl::core::Value("新城东社区"));
  CHECK(third.conflicts == 0);

  // One batch carrying a column twice: the later, newer cell wins over the earlier one of the batch.
  auto fourth = c.push(admin, kSiteA, {cell("name", "甲", kNow - 2000, kNow - 3000), cell("name", "乙", kNow - 1000, kNow - 3000)});
  CHECK(fourth.lost.empty());
  auto conflicts = c.t.store->conflicts(admin);
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].winner.value == gl::core::Value("新城东社区"));
  CHECK(conflicts[0].loser.value == gl::core::Value("新城社区"));
  auto page = c.t.store->pull(admin, 0, 100, kSiteB, std::nullopt, false);
  bool named = false;
  for (const auto& p : page.changes)
    if (p.column == "name") named = p.value == gl::core::Value("乙");
  CHECK(named);
}

TEST_CASE("a grid worker writes no reference row, and a grid leader sees the conflicts a worker does not") {
  Center c;
  const auto worker = account(gl::core::Role::GridWorker, {"370322001001-1"});
  auto refused = c.push(worker, kSiteA, {cell("code", "370322001001", kNow), cell("name", "新城社区", kNow),
                                         cell("level", "community", kNow)});
  CHECK(refused.accepted == 0);
  REQUIRE(refused.refused.size() == 3);
  CHECK(refused.refused[0].reason == "outside_scope");
  CHECK(c.t.store->conflicts(worker).empty());
}
