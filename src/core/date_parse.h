// Dates as rosters write them (docs/domain.md §7): 2022-11-03, 2022/11/3, 2022.11.3,
// 2022年11月3日 / 3号, 20221103, full-width digits, year-less 3月5日 / 11-03 / 3.5 when the caller
// knows the year, a trailing time that is dropped, and Excel serial numbers in either date system.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/issue.h"

namespace gl::core {

// The workbook's date system (ECMA-376 Part 1, workbookPr/@date1904).
enum class DateSystem { Excel1900, Excel1904 };

struct DateParseOptions {
  // Year for forms without one (3月5日, 11-03); without it they are DateBadFormat.
  std::optional<int> defaultYear;
  // A plain number (44868, 44868.5) is an Excel serial only when the cell was numeric or the caller
  // allows it; otherwise it is DateBadFormat. Eight digits are always YYYYMMDD, never a serial.
  bool allowSerial = false;
  DateSystem system = DateSystem::Excel1900;
  Date earliest{1900, 1, 1};
  Date latest{2100, 12, 31};
  std::string field = "date";
};

struct DateParse {
  std::optional<Date> date;  // set only when there is no issue
  std::vector<Issue> issues;
};

// Issues: DateEmpty, DateBadFormat, DateInvalid (2022-02-30, serial 60 in the 1900 system),
// DateOutOfRange (outside options.earliest..latest). detail = the text as written, trimmed.
// A time part (08:30, 8:30:00, T08:30:00Z, 08:30 PM) is checked for shape and then dropped: the
// date is the one written, whatever the time zone.
DateParse parseDate(std::string_view text, const DateParseOptions& options = {});

// Whole days of an Excel serial; the fraction (time of day) is dropped. 1900 system: 1 is
// 1900-01-01, 60 is Lotus 1-2-3's fictitious 1900-02-29 (ECMA-376 Part 4 "Date Representation")
// and gives nullopt, so 61 onward is one day less than a plain count; 0 and below give nullopt.
// 1904 system: 0 is 1904-01-01. Results after 9999-12-31 give nullopt.
std::optional<Date> dateFromExcelSerial(double serial, DateSystem system);

}  // namespace gl::core
