// A demo county for first start, tests and benchmarks (`gridctl demo --households N --seed S`).
#pragma once

#include <functional>

#include "core/progress.h"
#include "db/ledger.h"

namespace gl::demo {

// 高青县, Zibo, Shandong: the county of the examples in docs/domain.md §2.1.
inline constexpr const char* kDemoCountyCode = "370322";
inline constexpr const char* kDemoCountyName = "高青县";

struct Options {
  long long households = 1000;
  unsigned long long seed = 1;
};

struct Result {
  long long grids = 0;
  long long households = 0;
  long long residents = 0;
  long long quarantines = 0;
  long long healthChecks = 0;
  long long visits = 0;
};

// Adds `households` households in new townships, communities and grids under the ledger's county,
// one transaction per grid. Dates are relative to the ledger's today. The same seed gives the same
// people (row ids differ: they are UUIDv7). Reports households made of all through `progress`; asked
// to stop, it throws gl::Error (Rejected, "Cancelled") and the township being written is rolled back.
Result generate(db::Ledger& ledger, const Options& options, const core::Reporter& progress = {});

}  // namespace gl::demo
