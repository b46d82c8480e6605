// ASCII character tests shared by the rules (ids, phones, dates, clocks): locale-free, unlike
// <cctype>, so a Chinese locale can never change what counts as a digit.
#pragma once

#include <string>
#include <string_view>

namespace gl::core::ascii {

constexpr bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

constexpr bool allDigits(std::string_view s) {
  for (char c : s)
    if (!isDigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// 0–15 for a hex digit of either case, else -1.
constexpr int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Lower-cases ASCII letters only; UTF-8 bytes pass through unchanged.
inline std::string toLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace gl::core::ascii
