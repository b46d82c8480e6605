// Calendar dates as stored everywhere (ISO `YYYY-MM-DD` in the ledger and on the wire).
// Proleptic Gregorian arithmetic after H. Hinnant's days_from_civil; no time zones here.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gl::core {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  long daysSinceEpoch() const;
  static Date fromDays(long days);
  Date addDays(long n) const { return fromDays(daysSinceEpoch() + n); }
  long daysUntil(const Date& later) const { return later.daysSinceEpoch() - daysSinceEpoch(); }

  std::string iso() const;  // 2022-11-03
  // Strict ISO parse (what the ledger stores); rosters' other forms are in date_parse.h.
  static std::optional<Date> fromIso(std::string_view text);
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(int year, int month, int day);

// Today in the local time zone of the machine (the only clock read in core, kept out of rules:
// rules take `today` as a parameter so tests can fix it).
Date localToday();
// The local date at `epochMs` (the data center's today, on its own clock, which tests can set).
Date localDateAt(std::int64_t epochMs);

}  // namespace gl::core
