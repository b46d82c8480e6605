#include "core/date.h"

#include <ctime>
#include <fmt/format.h>

namespace gl::core {

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && isLeapYear(y) ? 29 : kDays[m - 1];
}

bool isValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

long Date::daysSinceEpoch() const {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::fromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

std::string Date::iso() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99)
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  // Written by hand: an import formats several dates a row.
  std::string out = "0000-00-00";
  const auto put = [&](std::size_t end, int v) {
    for (std::size_t i = end; v > 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
  };
  put(3, year);
  put(6, month);
  put(9, day);
  return out;
}

std::optional<Date> Date::fromIso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < len[k]; ++i) {
      char c = t[start[k] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  if (!isValidDate(v[0], v[1], v[2])) return std::nullopt;
  return Date{v[0], v[1], v[2]};
}

Date localToday() { return localDateAt(static_cast<std::int64_t>(std::time(nullptr)) * 1000); }

Date localDateAt(std::int64_t epochMs) {
  std::time_t now = static_cast<std::time_t>(epochMs / 1000);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace gl::core
