#include "core/id_shapes.h"

namespace gl::core::idshape {

// Excel shows a long number in a General cell as `1.10101E+17`; the sign is always there, which
// keeps a passport like `12E45678` out of this test.
bool looksScientific(std::string_view s) {
  std::size_t e = s.find("E+");
  if (e == std::string_view::npos || e == 0 || e + 2 == s.size()) return false;
  std::string_view mantissa = s.substr(0, e), exponent = s.substr(e + 2);
  std::size_t dot = mantissa.find('.');
  if (dot != std::string_view::npos) {
    if (dot == 0 || dot + 1 == mantissa.size()) return false;
    if (!allDigits(mantissa.substr(dot + 1))) return false;
    mantissa = mantissa.substr(0, dot);
  }
  return allDigits(mantissa) && allDigits(exponent);
}

// `110101491231001.0`: a numeric cell written out by a tool that prints doubles.
bool looksTrailingZeroDecimal(std::string_view s) {
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) return false;
  return allDigits(s.substr(0, dot)) && s.substr(dot + 1).find_first_not_of('0') == std::string_view::npos;
}

bool isResident18Shape(std::string_view s) {
  return s.size() == 18 && allDigits(s.substr(0, 17)) && (isDigit(s[17]) || s[17] == 'X');
}

// Chinese ordinary, official and diplomatic passports and the SAR passports (docs/domain.md §1.5).
bool isChinesePassport(std::string_view s) {
  auto letterNotIO = [](char c) { return isUpper(c) && c != 'I' && c != 'O'; };
  if (s.size() == 9) {
    if ((s[0] == 'E' || s[0] == 'G' || s[0] == 'K') && allDigits(s.substr(1))) return true;
    if (s[0] == 'E' && letterNotIO(s[1]) && allDigits(s.substr(2))) return true;
    if (s.starts_with("14") || s.starts_with("15")) return allDigits(s);
    if ((s[0] == 'P' || s[0] == 'S') && (s[1] == 'E' || s[1] == '.') && allDigits(s.substr(2)))
      return true;
    if ((s.starts_with("DE") || s.starts_with("MA")) && allDigits(s.substr(2))) return true;
  }
  return false;
}

// The free-form shape of a foreign passport number; only used when the caller says 护照.
bool isGenericPassport(std::string_view s) {
  if (s.size() < 5 || s.size() > 17) return false;
  for (char c : s)
    if (!isDigit(c) && !isUpper(c)) return false;
  return true;
}

// 回乡证: H/M + 8-digit lifetime number + optional 2-digit reissue count.
bool isHkMacauTravelPermit(std::string_view s) {
  return (s.size() == 9 || s.size() == 11) && (s[0] == 'H' || s[0] == 'M') && allDigits(s.substr(1));
}

// 台胞证: the 8-digit lifetime number since 2008, or the legacy 8 + 2 digits with an optional
// issuing-office code in parentheses.
bool isTaiwanTravelPermit(std::string_view s) {
  if (s.size() == 8 || s.size() == 10) return allDigits(s);
  return s.size() == 13 && allDigits(s.substr(0, 10)) && s[10] == '(' &&
         (isDigit(s[11]) || isUpper(s[11])) && s[12] == ')';
}

bool isOldForeignerCard(std::string_view s) {
  return s.size() == 15 && allUpper(s.substr(0, 3)) && allDigits(s.substr(3));
}

}  // namespace gl::core::idshape
