// The data model's tables as data (core/schema.h).
#include <doctest/doctest.h>

#include "core/schema.h"

TEST_CASE("no table has more columns than a row's change-log entries may number") {
  for (const auto& t : gl::core::tables()) CHECK(t.columns.size() + 2 <= gl::core::kMaxRowEntries);
}
