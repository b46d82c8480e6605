#include "core/region_codes.h"

#include <algorithm>
#include <iterator>

#include "core/error.h"
#include "core/utf8.h"

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

void checkCounty(std::string_view countyCode, std::string_view countyName) {
  if (countyCode.size() != 6 || countyCode.find_first_not_of("0123456789") != std::string_view::npos)
    throw Error(Error::Kind::BadInput, N_("The county code must be 6 digits (GB/T 2260), not “{code}”"),
                {{"code", std::string(countyCode)}});
  if (utf8::trim(countyName).empty()) throw Error(Error::Kind::BadInput, N_("The county needs a name"));
}

}  // namespace gl::core
