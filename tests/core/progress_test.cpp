// core::Reporter: how long work reports progress and learns that it should stop (docs/architecture.md §3).
#include <doctest/doctest.h>

#include <stop_token>
#include <vector>

#include "core/progress.h"

using gl::core::Progress;
using gl::core::Reporter;

TEST_CASE("a reporter publishes progress until its stop is asked, and step() throws Cancelled then") {
  Reporter nobody;  // the default: reports to nobody and never stops
  CHECK(nobody.report({1, 2, 0}));
  CHECK_NOTHROW(nobody.step({2, 2, 0}));
  CHECK_FALSE(nobody.stopRequested());

  std::vector<Progress> heard;
  std::stop_source stop;
  Reporter reporter([&](const Progress& p) { heard.push_back(p); }, stop.get_token());
  CHECK(reporter.report({3, 10, 2}));
  REQUIRE(heard.size() == 1);
  CHECK(heard[0].done == 3);
  CHECK(heard[0].total == 10);
  CHECK(heard[0].stage == 2);
  stop.request_stop();
  CHECK(reporter.stopRequested());
  CHECK_FALSE(reporter.report({4, 10, 2}));  // still published, and says stop
  CHECK(heard.size() == 2);
  try {
    reporter.step({5, 10, 2});
    FAIL("step() went on after the stop");
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Rejected);
    CHECK(e.msgid() == "Cancelled");
  }
}
