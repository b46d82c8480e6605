#include <doctest/doctest.h>

#include "core/date.h"

using gl::core::Date;

TEST_CASE("day arithmetic round-trips across leap years and the epoch") {
  CHECK(Date{1970, 1, 1}.daysSinceEpoch() == 0);
  CHECK(Date{2000, 3, 1}.daysSinceEpoch() - Date{2000, 2, 28}.daysSinceEpoch() == 2);
  CHECK(Date{1900, 3, 1}.daysSinceEpoch() - Date{1900, 2, 28}.daysSinceEpoch() == 1);
  for (long d = -100000; d < 100000; d += 37) CHECK(Date::fromDays(d).daysSinceEpoch() == d);
  CHECK(Date{2022, 12, 31}.addDays(1) == Date{2023, 1, 1});
}

TEST_CASE("ISO dates parse strictly") {
  CHECK(Date::fromIso("2022-11-03") == Date{2022, 11, 3});
  CHECK_FALSE(Date::fromIso("2022-02-29"));
  CHECK_FALSE(Date::fromIso("1900-02-29"));
  CHECK(Date::fromIso("2000-02-29"));
  CHECK_FALSE(Date::fromIso("2022-1-3"));
  CHECK(Date{2022, 1, 3}.iso() == "2022-01-03");
}
