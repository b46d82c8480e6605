// Internal to gl_core: what the number of each identity document looks like (docs/domain.md §1),
// by its shape alone, and the marks of a number that a spreadsheet stored as a number. The checks
// beyond the shape (dates, regions, check digits) are identity.cpp's.
#pragma once

#include <string_view>

namespace gl::core::idshape {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Every character a digit; true for an empty text.
constexpr bool allDigits(std::string_view s) {
  for (char c : s)
    if (!isDigit(c)) return false;
  return true;
}

// Every character an upper-case Latin letter; true for an empty text.
constexpr bool allUpper(std::string_view s) {
  for (char c : s)
    if (!isUpper(c)) return false;
  return true;
}

// A number that went through a numeric cell: `1.10101E+17`, `110101491231001.0`.
bool looksScientific(std::string_view s);
bool looksTrailingZeroDecimal(std::string_view s);

// 17 digits and a check character (a digit or X): the GB 11643-1999 layout.
bool isResident18Shape(std::string_view s);
bool isChinesePassport(std::string_view s);
bool isGenericPassport(std::string_view s);
bool isHkMacauTravelPermit(std::string_view s);
bool isTaiwanTravelPermit(std::string_view s);
// The 2004/2017 foreigner's permanent residence card: 3 letters and 12 digits.
bool isOldForeignerCard(std::string_view s);

}  // namespace gl::core::idshape
