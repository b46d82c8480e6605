// GB/T 2260 administrative division codes of every edition since 1980, retired ones included
// (docs/domain.md §2.1): the first six digits of an identity number name the division where it was
// issued and never change, so a number is checked against all editions, not only today's list.
#pragma once

#include <string_view>

namespace gl::core {

// True when `code` (6 digits: province, prefecture or county) is in some edition of GB/T 2260.
bool isKnownDivisionCode(std::string_view code);

// Refuses a county code that is not 6 digits (GB/T 2260) or an empty name (BadInput), before a ledger
// or a data center is made for it.
void checkCounty(std::string_view countyCode, std::string_view countyName);

}  // namespace gl::core
