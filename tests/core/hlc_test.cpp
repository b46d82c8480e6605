#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/hlc.h"

using gl::core::Hlc;
using gl::core::HlcClock;

namespace {
// 2022-12-01 00:00:00 UTC, the week the 二十条 rules were being applied.
constexpr std::int64_t kDec1 = 1669852800000;
}  // namespace

TEST_CASE("the packed form keeps wall ms in the high bits and sorts like the HLC") {
  Hlc h{kDec1, 10};
  CHECK(h.packed() == (kDec1 << 16) + 10);
  CHECK(Hlc::unpack(h.packed()) == h);
  CHECK(Hlc{kDec1, 65535}.packed() < Hlc{kDec1 + 1, 0}.packed());
  CHECK(Hlc{kDec1, 1}.packed() > Hlc{kDec1, 0}.packed());
  CHECK(Hlc{kDec1, 65535}.packed() > 0);
}

TEST_CASE("text is fixed width and round-trips") {
  CHECK(Hlc{kDec1, 10}.text() == "1669852800000-000a");
  CHECK(Hlc{0, 0}.text() == "0000000000000-0000");
  CHECK(Hlc{kDec1, 0xffff}.text() == "1669852800000-ffff");
  CHECK(Hlc::parse("1669852800000-000a") == Hlc{kDec1, 10});
  CHECK(Hlc::parse("1669852800000-FFFF") == Hlc{kDec1, 0xffff});
  CHECK_FALSE(Hlc::parse("1669852800000-00a"));
  CHECK_FALSE(Hlc::parse("166985280000-000a"));
  CHECK_FALSE(Hlc::parse("1669852800000_000a"));
  CHECK_FALSE(Hlc::parse("1669852800000-00g0"));
  CHECK_FALSE(Hlc::parse("-669852800000-0000"));
  CHECK_FALSE(Hlc::parse(""));
}

TEST_CASE("text order equals numeric order") {
  std::vector<Hlc> hlcs = {{kDec1, 0},      {kDec1, 9},    {kDec1, 10},         {kDec1, 255},
                           {kDec1, 0xffff}, {kDec1 + 1, 0}, {999999999999, 0xffff}, {1000000000000, 0},
                           {0, 1},          {42, 0xabc}};
  for (const auto& a : hlcs)
    for (const auto& b : hlcs) {
      CHECK((a < b) == (a.text() < b.text()));
      CHECK((a < b) == (a.packed() < b.packed()));
      CHECK(Hlc::parse(a.text()) == a);
    }
}

TEST_CASE("now() advances the counter while the wall clock is stuck") {
  std::int64_t wall = kDec1;
  HlcClock clock([&] { return wall; });
  CHECK(clock.now() == Hlc{kDec1, 0});
  CHECK(clock.now() == Hlc{kDec1, 1});
  CHECK(clock.now() == Hlc{kDec1, 2});
  wall += 5;
  CHECK(clock.now() == Hlc{kDec1 + 5, 0});
  CHECK(clock.last() == Hlc{kDec1 + 5, 0});
}

TEST_CASE("now() never goes backwards when the wall clock steps back") {
  std::int64_t wall = kDec1;
  HlcClock clock([&] { return wall; });
  Hlc before = clock.now();
  wall -= 3600 * 1000;  // an NTP step of one hour back
  Hlc after = clock.now();
  CHECK(after > before);
  CHECK(after == Hlc{kDec1, 1});
  wall = kDec1 - 365LL * 24 * 3600 * 1000;  // a PC a year slow
  Hlc prev = after;
  for (int i = 0; i < 1000; ++i) {
    Hlc h = clock.now();
    REQUIRE(h > prev);
    prev = h;
  }
  CHECK(prev.wallMs == kDec1);
}

TEST_CASE("a clock restored from the ledger continues above its last HLC") {
  HlcClock clock([] { return kDec1 - 1000; }, Hlc{kDec1, 7});
  CHECK(clock.now() == Hlc{kDec1, 8});
}

TEST_CASE("receive() from a far-ahead remote jumps ahead and stays ahead") {
  std::int64_t wall = kDec1;
  HlcClock clock([&] { return wall; });
  clock.now();
  Hlc remote{kDec1 + 2 * 3600 * 1000, 4};  // a remote PC two hours fast
  Hlc merged = clock.receive(remote);
  CHECK(merged == Hlc{remote.wallMs, 5});
  CHECK(clock.now() > remote);
  CHECK(clock.now().wallMs == remote.wallMs);
  CHECK(gl::core::tooFarAhead(remote, wall));
}

TEST_CASE("receive() is strictly greater than both sides in every branch") {
  std::int64_t wall = kDec1;
  HlcClock clock([&] { return wall; });
  Hlc local = clock.now();

  // remote behind the wall clock: the wall clock wins with counter 0
  wall += 10;
  CHECK(clock.receive(Hlc{kDec1 + 1, 9}) == Hlc{kDec1 + 10, 0});

  // remote on the same wall ms as the local HLC: max counter + 1
  wall = kDec1;
  local = clock.last();
  CHECK(clock.receive(Hlc{local.wallMs, 20}) == Hlc{local.wallMs, 21});
  CHECK(clock.receive(Hlc{local.wallMs, 3}) == Hlc{local.wallMs, 22});

  // remote older than the local HLC and the wall clock behind: local counter + 1
  CHECK(clock.receive(Hlc{kDec1 - 50, 100}) == Hlc{local.wallMs, 23});
}

TEST_CASE("counter overflow borrows the next millisecond instead of wrapping") {
  HlcClock clock([] { return kDec1; });
  Hlc prev = clock.now();
  for (int i = 0; i < 65535; ++i) prev = clock.now();
  CHECK(prev == Hlc{kDec1, 65535});
  Hlc next = clock.now();
  CHECK(next == Hlc{kDec1 + 1, 0});
  CHECK(next > prev);
  CHECK(next.packed() > prev.packed());

  HlcClock other([] { return kDec1; });
  CHECK(other.receive(Hlc{kDec1, 65535}) == Hlc{kDec1 + 1, 0});
}

TEST_CASE("the server offset is added to the wall clock without moving now() back") {
  std::int64_t wall = kDec1;
  HlcClock clock([&] { return wall; });
  clock.setOffsetMs(30000);
  CHECK(clock.offsetMs() == 30000);
  CHECK(clock.now() == Hlc{kDec1 + 30000, 0});
  clock.setOffsetMs(0);
  CHECK(clock.now() == Hlc{kDec1 + 30000, 1});
}

TEST_CASE("a negative wall clock is clamped rather than corrupting the packed form") {
  HlcClock clock([] { return std::int64_t{-5}; });
  Hlc h = clock.now();
  CHECK(h.wallMs == 0);
  CHECK(h.packed() >= 0);
}

TEST_CASE("wins() takes the larger HLC and breaks ties by site id") {
  using gl::core::wins;
  Hlc early{kDec1, 3}, late{kDec1, 4};
  CHECK(wins(late, "a", early, "z"));
  CHECK_FALSE(wins(early, "z", late, "a"));
  CHECK(wins(Hlc{kDec1 + 1, 0}, "a", Hlc{kDec1, 65535}, "z"));
  CHECK(wins(early, "site-b", early, "site-a"));
  CHECK_FALSE(wins(early, "site-a", early, "site-b"));
  CHECK_FALSE(wins(early, "site-a", early, "site-a"));
  // exactly one side wins a tie between different sites, whichever order it is asked in
  CHECK(wins(early, "0190", early, "018f") != wins(early, "018f", early, "0190"));
}

TEST_CASE("the server refuses HLCs more than five minutes ahead") {
  using gl::core::kMaxAheadMs;
  using gl::core::tooFarAhead;
  CHECK_FALSE(tooFarAhead(Hlc{kDec1 + kMaxAheadMs, 65535}, kDec1));
  CHECK(tooFarAhead(Hlc{kDec1 + kMaxAheadMs + 1, 0}, kDec1));
  CHECK_FALSE(tooFarAhead(Hlc{kDec1 - 86400000, 0}, kDec1));
}
