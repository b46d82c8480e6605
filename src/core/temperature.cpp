#include "core/temperature.h"
#include "core/ascii.h"

#include <fmt/format.h>
#include <cstdlib>

#include "core/utf8.h"

namespace gl::core {

namespace {

constexpr std::string_view kField = "temperature";
// Bounds the digits read, so thousandths of a degree fit in a long.
constexpr std::size_t kMaxIntegerDigits = 5;

using ascii::isDigit;

// Units after the number, compared with spaces removed. "º" (U+00BA) is typed for "°" often enough
// by Chinese input methods to accept it too.
constexpr std::string_view kCelsius[] = {"", "℃", "°C", "°c", "ºC", "ºc", "°", "º", "C", "c", "度", "摄氏度"};
constexpr std::string_view kFahrenheit[] = {"℉", "°F", "°f", "ºF", "ºf", "F", "f", "华氏度"};

template <std::size_t N>
bool isOneOf(std::string_view s, const std::string_view (&list)[N]) {
  for (auto u : list)
    if (s == u) return true;
  return false;
}

// Rounds num/den half away from zero; den > 0.
int roundDiv(long num, long den) {
  return static_cast<int>(num >= 0 ? (2 * num + den) / (2 * den) : -((-2 * num + den) / (2 * den)));
}

}  // namespace

TemperatureParse parseTemperature(std::string_view text) {
  TemperatureParse out;
  std::string s = utf8::trim(utf8::foldWidth(text));
  if (s.empty()) return out;
  auto fail = [&](IssueCode code, std::string detail) {
    out.issues.push_back(Issue{code, std::string(kField), 0, 0, std::move(detail), Severity::Error});
    return out;
  };

  // The number: digits, then optionally "." or "," (a comma decimal from European-locale devices)
  // and at least one more digit.
  std::size_t pos = 0;
  while (pos < s.size() && isDigit(s[pos])) ++pos;
  std::string_view integer(s.data(), pos);
  std::string_view fraction;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    std::size_t start = ++pos;
    while (pos < s.size() && isDigit(s[pos])) ++pos;
    fraction = std::string_view(s).substr(start, pos - start);
    if (fraction.empty()) return fail(IssueCode::TemperatureBadFormat, s);
  }
  if (integer.empty()) return fail(IssueCode::TemperatureBadFormat, s);

  std::string unit;
  for (char c : std::string_view(s).substr(pos))
    if (c != ' ') unit += c;
  bool fahrenheit = isOneOf(unit, kFahrenheit);
  if (!fahrenheit && !isOneOf(unit, kCelsius)) return fail(IssueCode::TemperatureBadFormat, s);
  if (integer.size() > kMaxIntegerDigits) return fail(IssueCode::TemperatureOutOfRange, std::string(integer));

  // Thousandths, read without rounding: a tenths boundary (36.45) has two decimals, so cutting
  // later digits never moves a value across it; Fahrenheit is read to the same three decimals.
  long thousandths = 0;
  for (char c : integer) thousandths = thousandths * 10 + (c - '0');
  for (std::size_t i = 0; i < 3; ++i)
    thousandths = thousandths * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);

  // Rounded half up once, at the end; for ℉, ℃ = (℉ − 32) × 5/9.
  int tenths = fahrenheit ? roundDiv((thousandths - 32000) * 5, 900) : roundDiv(thousandths, 100);
  if (tenths < kLowestTenths || tenths > kHighestTenths)
    return fail(IssueCode::TemperatureOutOfRange, formatTemperature(tenths));
  out.tenths = tenths;
  return out;
}

std::string formatTemperature(int tenths) {
  int magnitude = std::abs(tenths);
  return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", magnitude / 10, magnitude % 10);
}

}  // namespace gl::core
