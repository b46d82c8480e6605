// The one merge rule (core/merge.h) the client's apply and the data center's stores share, as a table:
// every case of one incoming cell against what is held, then cells of one batch against each other.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/merge.h"

using gl::core::HeldCell;
using gl::core::Hlc;
using gl::core::IncomingCell;
using gl::core::MergeDecision;
using gl::core::RowMerge;

namespace {
const std::string siteA = "0190a000-0000-7000-8000-00000000000a";
const std::string siteB = "0190a000-0000-7000-8000-00000000000b";
Hlc at(std::int64_t ms, std::uint16_t counter = 0) { return Hlc{ms, counter}; }
}  // namespace

TEST_CASE("one incoming cell against the held one: write, lose, conflict") {
  struct Case {
    const char* what;
    IncomingCell in;
    std::optional<HeldCell> held;
    bool write, conflict, heldStands;
  };
  const std::vector<Case> cases = {
      {"nothing held: written", {{at(100), siteA}, std::nullopt}, std::nullopt, true, false, false},
      {"newer than held: written", {{at(200), siteA}, std::nullopt}, HeldCell{{at(100), siteB}}, true, false, false},
      {"older than held: the held stands", {{at(100), siteA}, std::nullopt}, HeldCell{{at(200), siteB}}, false, false, true},
      {"same clock, larger site: written", {{at(100), siteB}, std::nullopt}, HeldCell{{at(100), siteA}}, true, false, false},
      {"same clock, smaller site: loses", {{at(100), siteA}, std::nullopt}, HeldCell{{at(100), siteB}}, false, false, true},
      {"the counter orders within a millisecond", {{at(100, 2), siteA}, std::nullopt}, HeldCell{{at(100, 1), siteB}}, true, false, false},
      {"the same cell again: a no-op", {{at(100), siteA}, std::nullopt}, HeldCell{{at(100), siteA}}, false, false, true},
      {"an unsent edit held here is not overwritten, even by a newer cell", {{at(300), siteA}, std::nullopt},
       HeldCell{{at(100), siteB}, false, true, true}, false, false, true},
      {"the rest of a row pulled earlier under one stamp: the same write", {{at(100), siteA}, std::nullopt},
       HeldCell{{at(100), siteA}, true, false, false}, true, false, false},
      {"a row stamp made here is no excuse: the same stamp does not win", {{at(100), siteA}, std::nullopt},
       HeldCell{{at(100), siteA}, true, true, false}, false, false, true},
      {"edits that did not see each other, incoming newer: written, conflict", {{at(300), siteA}, at(50)},
       HeldCell{{at(200), siteB}}, true, true, false},
      {"edits that did not see each other, held newer: conflict, held stands", {{at(150), siteA}, at(50)},
       HeldCell{{at(200), siteB}}, false, true, true},
      {"no base (a first write) against another site's different value: conflict", {{at(300), siteA}, Hlc{}},
       HeldCell{{at(200), siteB}}, true, true, false},
      {"the writer had seen the held cell: no conflict", {{at(300), siteA}, at(200)}, HeldCell{{at(200), siteB}},
       true, false, false},
      {"the same value both ways: no conflict", {{at(300), siteA}, at(50)},
       HeldCell{{at(200), siteB}, false, false, false, true}, true, false, false},
      {"the same site edited twice: no conflict", {{at(300), siteA}, at(50)}, HeldCell{{at(200), siteA}}, true,
       false, false},
      {"the client passes no base: never a conflict", {{at(300), siteA}, std::nullopt}, HeldCell{{at(200), siteB}},
       true, false, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    MergeDecision d = gl::core::decideCell(c.in, c.held);
    CHECK(d.write == c.write);
    CHECK(d.conflict == c.conflict);
    CHECK(d.heldStands == c.heldStands);
    RowMerge row;  // the first cell of a row decides the same way
    MergeDecision r = row.offer("name", c.in, c.held);
    CHECK(r.write == d.write);
    CHECK(r.conflict == d.conflict);
    CHECK(r.heldStands == d.heldStands);
    CHECK(row.winners().size() == (c.write ? 1u : 0u));
  }
}

TEST_CASE("cells of one batch: a later cell for a column is compared with the earlier winner") {
  const HeldCell held{{at(100), siteB}};
  RowMerge row;
  CHECK(row.offer("name", {{at(200), siteA}, std::nullopt}, held).write);   // 0 beats the held
  CHECK(row.offer("phone", {{at(200), siteA}, std::nullopt}, held).write);  // 1
  MergeDecision older = row.offer("name", {{at(150), siteA}, std::nullopt}, held);  // 2: newer than held, older than 0
  CHECK_FALSE(older.write);
  CHECK_FALSE(older.heldStands);  // it lost to the batch, not to the held cell
  CHECK_FALSE(older.conflict);
  CHECK(row.offer("name", {{at(300), siteA}, std::nullopt}, held).write);  // 3 supersedes 0
  MergeDecision stale = row.offer("address", {{at(50), siteA}, std::nullopt}, held);  // 4
  CHECK(stale.heldStands);
  REQUIRE(row.winners().size() == 2);
  CHECK(row.winners()[0].column == "phone");
  CHECK(row.winners()[0].index == 1);
  CHECK(row.winners()[1].column == "name");
  CHECK(row.winners()[1].index == 3);
  REQUIRE(row.winner("name"));
  CHECK(row.winner("name")->stamp.hlc == at(300));
  CHECK_FALSE(row.winner("address"));
}

TEST_CASE("forced (a grid repaired from the data center's copy): every cell is written, the last one stays") {
  RowMerge row(true);
  const HeldCell unsentNewer{{at(900), siteB}, false, true, true};
  CHECK(row.offer("name", {{at(100), siteA}, std::nullopt}, unsentNewer).write);
  CHECK(row.offer("name", {{at(50), siteA}, std::nullopt}, unsentNewer).write);
  REQUIRE(row.winners().size() == 1);
  CHECK(row.winners()[0].index == 1);
}
