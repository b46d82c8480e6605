#include "core/date_parse.h"
#include "core/ascii.h"

#include <cmath>

#include "core/utf8.h"

namespace gl::core {

namespace {

constexpr Date kLastDate{9999, 12, 31};

using ascii::allDigits;
using ascii::isDigit;

// Callers bound the length first, so this never overflows.
int toInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Reads a run of 1..maxLength digits at `pos`; false when there is none or it is longer.
bool readNumber(std::string_view s, std::size_t& pos, std::size_t maxLength, int& value,
                std::size_t& length) {
  std::size_t start = pos;
  while (pos < s.size() && isDigit(s[pos])) ++pos;
  length = pos - start;
  if (length == 0 || length > maxLength) return false;
  value = toInt(s.substr(start, length));
  return true;
}

bool readTwo(std::string_view& s, int max) {
  if (s.size() < 2 || !isDigit(s[0]) || !isDigit(s[1])) return false;
  int v = toInt(s.substr(0, 2));
  s.remove_prefix(2);
  return v <= max;
}

bool consume(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// H:MM, H:MM:SS, H:MM:SS.fff, an optional AM/PM and an optional Z or ±HH:MM offset.
bool validTime(std::string_view t) {
  std::size_t pos = 0, length = 0;
  int hour = 0;
  if (!readNumber(t, pos, 2, hour, length)) return false;
  t.remove_prefix(pos);
  if (!consume(t, ":") || !readTwo(t, 59)) return false;
  if (consume(t, ":")) {
    if (!readTwo(t, 60)) return false;  // 60: a leap second
    if (consume(t, ".")) {
      if (t.empty() || !isDigit(t.front())) return false;
      while (!t.empty() && isDigit(t.front())) t.remove_prefix(1);
    }
  }
  while (t.starts_with(' ')) t.remove_prefix(1);
  bool twelveHour = consume(t, "AM") || consume(t, "PM") || consume(t, "am") || consume(t, "pm");
  if (hour > (twelveHour ? 12 : 23)) return false;
  if (t.empty() || t == "Z" || t == "z") return true;
  if (t.front() != '+' && t.front() != '-') return false;
  t.remove_prefix(1);
  if (!readTwo(t, 14)) return false;
  consume(t, ":");
  return readTwo(t, 59) && t.empty();
}

// Splits "2022/11/3 8:30:00" into the date and checks the time's shape. The time starts at the
// digits before the first colon and must follow a space, a "T" (ISO 8601) or 日/号.
bool dropTime(std::string_view s, std::string& date) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos) {
    date = std::string(s);
    return true;
  }
  std::size_t start = colon;
  while (start > 0 && isDigit(s[start - 1])) --start;
  if (start == colon || !validTime(s.substr(start))) return false;
  std::string_view before = s.substr(0, start);
  if (before.ends_with('T') || before.ends_with('t'))
    before.remove_suffix(1);
  else if (!before.ends_with(' ') && !before.ends_with("日") && !before.ends_with("号"))
    return false;
  date = utf8::trim(before);
  return true;
}

struct Fields {
  std::optional<int> year;
  int month = 0;
  int day = 0;
};

// 2022年11月3日, 2022年11月3号, 2022年11月3, 3月5日; spaces around the characters are allowed.
bool parseHanForm(std::string_view text, Fields& f) {
  std::string s;
  for (char c : text)
    if (c != ' ') s += c;
  std::string_view v = s;
  std::size_t pos = 0, length = 0;
  int first = 0;
  if (!readNumber(v, pos, 4, first, length)) return false;
  v.remove_prefix(pos);
  if (consume(v, "年")) {
    if (length != 4) return false;
    f.year = first;
    pos = 0;
    if (!readNumber(v, pos, 2, f.month, length)) return false;
    v.remove_prefix(pos);
    if (!consume(v, "月")) return false;
  } else if (consume(v, "月")) {
    if (length > 2) return false;
    f.month = first;
  } else {
    return false;
  }
  pos = 0;
  if (!readNumber(v, pos, 2, f.day, length)) return false;
  v.remove_prefix(pos);
  if (!consume(v, "日")) consume(v, "号");
  return v.empty();
}

// 2022-11-03, 2022/11/3, 2022.11.3 (one separator throughout), and year-less 11-03, 3/5, 3.5.
bool parseSeparated(std::string_view s, Fields& f) {
  std::size_t firstSep = 0;
  while (firstSep < s.size() && isDigit(s[firstSep])) ++firstSep;
  if (firstSep == s.size()) return false;
  char sep = s[firstSep];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    auto next = s.find(sep, start);
    parts.push_back(s.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start));
    if (next == std::string_view::npos) break;
    start = next + 1;
  }
  for (auto p : parts)
    if (!allDigits(p)) return false;
  auto shortPart = [](std::string_view p) { return p.size() <= 2; };
  if (parts.size() == 3 && parts[0].size() == 4 && shortPart(parts[1]) && shortPart(parts[2])) {
    f.year = toInt(parts[0]);
    f.month = toInt(parts[1]);
    f.day = toInt(parts[2]);
    return true;
  }
  if (parts.size() == 2 && shortPart(parts[0]) && shortPart(parts[1])) {
    f.month = toInt(parts[0]);
    f.day = toInt(parts[1]);
    return true;
  }
  return false;
}

enum class SerialResult { Ok, Invalid, OutOfRange };

// The day of a whole serial number in the given date system.
SerialResult serialDays(long serial, DateSystem system, Date& out) {
  Date base;
  if (system == DateSystem::Excel1904) {
    if (serial < 0) return SerialResult::Invalid;
    base = Date{1904, 1, 1};
  } else {
    // Serial 0 is displayed as 1900-01-00 and 60 as 1900-02-29; neither day existed.
    if (serial <= 0 || serial == 60) return SerialResult::Invalid;
    base = serial < 60 ? Date{1899, 12, 31} : Date{1899, 12, 30};
  }
  if (serial > base.daysUntil(kLastDate)) return SerialResult::OutOfRange;
  out = base.addDays(serial);
  return SerialResult::Ok;
}

}  // namespace

std::optional<Date> dateFromExcelSerial(double serial, DateSystem system) {
  if (!std::isfinite(serial) || serial < 0 || serial > 1e8) return std::nullopt;
  Date d;
  if (serialDays(static_cast<long>(std::floor(serial)), system, d) != SerialResult::Ok) return std::nullopt;
  return d;
}

DateParse parseDate(std::string_view text, const DateParseOptions& options) {
  DateParse out;
  std::string s = utf8::trim(utf8::foldWidth(text));
  auto fail = [&](IssueCode code) {
    out.issues.push_back(Issue{code, options.field, 0, 0, s, Severity::Error});
    return out;
  };
  if (s.empty()) return fail(IssueCode::DateEmpty);

  std::string datePart;
  if (!dropTime(s, datePart)) return fail(IssueCode::DateBadFormat);

  Fields f;
  auto dot = datePart.find('.');
  // 44868 or 44868.5: digits with at most one decimal point.
  bool plainNumber =
      allDigits(datePart.substr(0, dot)) && (dot == std::string::npos || allDigits(datePart.substr(dot + 1)));
  if (plainNumber && dot == std::string::npos && datePart.size() == 8) {
    f.year = toInt(datePart.substr(0, 4));
    f.month = toInt(datePart.substr(4, 2));
    f.day = toInt(datePart.substr(6, 2));
  } else if (plainNumber && options.allowSerial) {
    std::string whole = datePart.substr(0, dot);
    Date d;
    // Nine digits are past any date Excel can hold; the bound keeps the conversion exact.
    auto r = whole.size() > 9 ? SerialResult::OutOfRange : serialDays(std::stol(whole), options.system, d);
    if (r == SerialResult::Invalid) return fail(IssueCode::DateInvalid);
    if (r == SerialResult::OutOfRange) return fail(IssueCode::DateOutOfRange);
    f.year = d.year;
    f.month = d.month;
    f.day = d.day;
  } else if (datePart.find("年") != std::string::npos || datePart.find("月") != std::string::npos) {
    if (!parseHanForm(datePart, f)) return fail(IssueCode::DateBadFormat);
  } else if (!parseSeparated(datePart, f)) {
    return fail(IssueCode::DateBadFormat);
  }

  if (!f.year) {
    if (!options.defaultYear) return fail(IssueCode::DateBadFormat);
    f.year = options.defaultYear;
  }
  if (!isValidDate(*f.year, f.month, f.day)) return fail(IssueCode::DateInvalid);
  Date d{*f.year, f.month, f.day};
  if (d < options.earliest || d > options.latest) return fail(IssueCode::DateOutOfRange);
  out.date = d;
  return out;
}

}  // namespace gl::core
