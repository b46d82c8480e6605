// Masking for screens and printed rosters (docs/privacy.md §4): identity numbers show the division
// code and the last 4, phones the last 4 and whatever routes the call (mobile prefix, area code,
// country code). Masks keep the length, so a
// masked column still lines up and the reader can tell a 15-digit number from an 18-digit one.
//
// Input is the normalized value (core/identity, core/phone). Anything of another shape is masked
// by the fallback rule: only the last characters show, at most 4 and at most half of the value,
// so an odd or short value never shows more than a well-formed one would.
#pragma once

#include <string>
#include <string_view>

namespace gl::core {

inline constexpr char kMaskChar = '*';

// 18 or 15 characters of digits (the last may be X): first 6 + last 4
//   110101190001010014 → 110101********0014, 110101491231001 → 110101*****1001.
// Everything else (passports, permits, the 15-character foreigner card): the fallback rule
//   EF1260892 → *****0892, C12345678 → *****5678.
std::string maskId(std::string_view normalized);

// One number or several joined by "," (as core/schema stores them):
//   13800138000 → 138****8000, 0571-88888888 → 0571-****8888, 0571-88888888-123 → 0571-****8888-***
//   (an extension is hidden), +852 91234567 → +852 ****4567, 4008208820 → ******8820.
std::string maskPhone(std::string_view normalized);

// First character and one * for each other character: 张三 → 张*, 欧阳娜娜 → 欧***.
// Characters are code points, so a name never splits inside a UTF-8 sequence.
std::string maskName(std::string_view name);

}  // namespace gl::core
