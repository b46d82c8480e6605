// Body temperatures from daily health checks (docs/domain.md §8), kept as whole tenths of a
// degree Celsius so that 37.3 compares exactly and sums never drift.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issue.h"

namespace gl::core {

// Communities treat 37.3 ℃ and above as a fever (docs/domain.md §8).
constexpr int kFeverTenths = 373;
// The plausible range for a reading of a living person; outside it the value was mistyped.
constexpr int kLowestTenths = 340;
constexpr int kHighestTenths = 430;

struct TemperatureParse {
  std::optional<int> tenths;  // set only when there is no issue
  std::vector<Issue> issues;  // field "temperature"
};

// Accepts 36.5, 36.5℃, 36.5°C, 36.5 °C, 36.5度, 36.5摄氏度, full-width ３６．５ and a comma
// decimal 36,5. Further decimals are rounded half up to tenths (36.45 → 36.5, 36.449 → 36.4).
// Fahrenheit is converted when the unit says so (97.7°F, 97.7℉, 97.7 F → 36.5); a bare 97.7 is not
// guessed at and is TemperatureOutOfRange. An empty text gives neither a value nor an issue: a
// missing reading is the caller's "required" rule, not a malformed one. TemperatureOutOfRange
// carries the value in ℃ (formatTemperature) as its detail; TemperatureBadFormat the text as written.
TemperatureParse parseTemperature(std::string_view text);

// 365 → "36.5", 370 → "37.0"; the form stored in the ledger.
std::string formatTemperature(int tenths);

inline bool isFever(int tenths) {
  return tenths >= kFeverTenths;
}

}  // namespace gl::core
