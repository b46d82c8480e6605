#include "core/region_codes.h"

#include <algorithm>
#include <iterator>

namespace gl::core {

namespace {

// Sorted; made by src/core/data/gen_region_codes.py (src/core/data/README.md names its sources).
constexpr int kCodes[] = {
#include "core/data/region_codes.inc"
};
static_assert(std::is_sorted(std::begin(kCodes), std::end(kCodes)));

}  // namespace

bool isKnownDivisionCode(std::string_view code) {
  if (code.size() != 6) return false;
  int n = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return std::binary_search(std::begin(kCodes), std::end(kCodes), n);
}

}  // namespace gl::core
