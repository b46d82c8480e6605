#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/date_parse.h"

using gl::core::Date;
using gl::core::dateFromExcelSerial;
using gl::core::DateParseOptions;
using gl::core::DateSystem;
using gl::core::IssueCode;
using gl::core::parseDate;

namespace {

struct Good {
  const char* text;
  const char* iso;
};

struct Bad {
  const char* text;
  IssueCode code;
};

DateParseOptions withYear(int year) {
  DateParseOptions o;
  o.defaultYear = year;
  return o;
}

DateParseOptions serials(DateSystem system = DateSystem::Excel1900) {
  DateParseOptions o;
  o.allowSerial = true;
  o.system = system;
  return o;
}

}  // namespace

TEST_CASE("the date forms seen in rosters all parse to the same day") {
  const Good cases[] = {
      {"2022-11-03", "2022-11-03"},
      {"2022-11-3", "2022-11-03"},
      {"2022-1-3", "2022-01-03"},
      {"2022/11/3", "2022-11-03"},
      {"2022/11/03", "2022-11-03"},
      {"2022.11.3", "2022-11-03"},
      {"2022.3.5", "2022-03-05"},
      {"2022年11月3日", "2022-11-03"},
      {"2022年11月3号", "2022-11-03"},
      {"2022年11月03日", "2022-11-03"},
      {"2022年3月5", "2022-03-05"},
      {"2022 年 3 月 5 日", "2022-03-05"},
      {"20221103", "2022-11-03"},
      {"２０２２－１１－０３", "2022-11-03"},
      {"２０２２年１１月３日", "2022-11-03"},
      {"２０２２／１１／３", "2022-11-03"},
      {"  2022-11-03\t", "2022-11-03"},
      {"　2022/11/3　", "2022-11-03"},
      // the time part is dropped
      {"2022-11-03 08:30", "2022-11-03"},
      {"2022/11/3 8:30:00", "2022-11-03"},
      {"2022-11-03T08:30:00", "2022-11-03"},
      {"2022-11-03T23:59:59.999Z", "2022-11-03"},
      {"2022-11-03T08:30:00+08:00", "2022-11-03"},
      {"2022-11-03 00:00:00.000", "2022-11-03"},
      {"2022/11/3 8:30 PM", "2022-11-03"},
      {"2022年11月3日 8:30", "2022-11-03"},
      {"2022年11月3日8:30", "2022-11-03"},
      {"2022-11-03　08:30", "2022-11-03"},
      // calendar edges
      {"2020-02-29", "2020-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"1900-01-01", "1900-01-01"},
      {"2100-12-31", "2100-12-31"},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto r = parseDate(c.text);
    REQUIRE(r.date);
    CHECK(r.date->iso() == c.iso);
    CHECK(r.issues.empty());
  }
}

TEST_CASE("dates without a year take the caller's year and are refused without one") {
  const Good cases[] = {
      {"3月5日", "2022-03-05"},     {"3月5号", "2022-03-05"},      {"11月3日", "2022-11-03"},
      {"11-03", "2022-11-03"},      {"11/3", "2022-11-03"},        {"3.5", "2022-03-05"},
      {"１１月３日", "2022-11-03"}, {"11-03 08:30", "2022-11-03"},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto r = parseDate(c.text, withYear(2022));
    REQUIRE(r.date);
    CHECK(r.date->iso() == c.iso);

    auto without = parseDate(c.text);
    CHECK_FALSE(without.date);
    REQUIRE(without.issues.size() == 1);
    CHECK(without.issues[0].code == IssueCode::DateBadFormat);
  }
  // A year written in the text wins over the default.
  CHECK(parseDate("2021-11-03", withYear(2022)).date->iso() == "2021-11-03");
  // The default year still has to make the day real.
  CHECK(parseDate("2月29日", withYear(2021)).issues.at(0).code == IssueCode::DateInvalid);
  CHECK(parseDate("2月29日", withYear(2020)).date->iso() == "2020-02-29");
}

TEST_CASE("text that is not a date, or not a real day, is rejected with the right code") {
  const Bad cases[] = {
      {"", IssueCode::DateEmpty},
      {"   ", IssueCode::DateEmpty},
      {"　", IssueCode::DateEmpty},
      {"2022-02-30", IssueCode::DateInvalid},
      {"2021-02-29", IssueCode::DateInvalid},
      {"1900-02-29", IssueCode::DateInvalid},
      {"2022-13-01", IssueCode::DateInvalid},
      {"2022-00-10", IssueCode::DateInvalid},
      {"2022-11-00", IssueCode::DateInvalid},
      {"2022-04-31", IssueCode::DateInvalid},
      {"2022年2月30日", IssueCode::DateInvalid},
      {"20220230", IssueCode::DateInvalid},
      {"20221301", IssueCode::DateInvalid},
      {"1899-12-31", IssueCode::DateOutOfRange},
      {"2101-01-01", IssueCode::DateOutOfRange},
      {"18991231", IssueCode::DateOutOfRange},
      {"2022-11", IssueCode::DateBadFormat},
      {"2022年11月", IssueCode::DateBadFormat},
      {"22-11-03", IssueCode::DateBadFormat},
      {"22/11/3", IssueCode::DateBadFormat},
      {"11/03/2022", IssueCode::DateBadFormat},
      {"2022-11/03", IssueCode::DateBadFormat},
      {"2022-11-03-", IssueCode::DateBadFormat},
      {"2022--11-03", IssueCode::DateBadFormat},
      {"2022-011-03", IssueCode::DateBadFormat},
      {"2022 11 03", IssueCode::DateBadFormat},
      {"2022-11-03 25:00", IssueCode::DateBadFormat},
      {"2022-11-03 08:61", IssueCode::DateBadFormat},
      {"2022-11-03 8:30 下午", IssueCode::DateBadFormat},
      {"2022-11-0308:30", IssueCode::DateBadFormat},
      {"2022-11-03 :30", IssueCode::DateBadFormat},
      {"2022-11-03 13:00 PM", IssueCode::DateBadFormat},
      {"2022年11月3日（周四）", IssueCode::DateBadFormat},
      {"二〇二二年十一月三日", IssueCode::DateBadFormat},
      {"2022年11月3日日", IssueCode::DateBadFormat},
      {"202211", IssueCode::DateBadFormat},
      {"2022110", IssueCode::DateBadFormat},
      {"202211031", IssueCode::DateBadFormat},
      {"44868", IssueCode::DateBadFormat},  // a serial needs allowSerial
      {"44868.5", IssueCode::DateBadFormat},
      {"待定", IssueCode::DateBadFormat},
      {"-", IssueCode::DateBadFormat},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto r = parseDate(c.text);
    CHECK_FALSE(r.date);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].code == c.code);
    CHECK(r.issues[0].field == "date");
  }
}

TEST_CASE("an issue names the caller's field and quotes the text as written") {
  DateParseOptions o;
  o.field = "start_on";
  auto r = parseDate(" ２０２２－０２－３０ ", o);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].field == "start_on");
  CHECK(r.issues[0].detail == "2022-02-30");
}

TEST_CASE("the accepted range comes from the caller") {
  DateParseOptions o;
  o.earliest = Date{2020, 1, 1};
  o.latest = Date{2022, 12, 31};
  CHECK(parseDate("2020-01-01", o).date->iso() == "2020-01-01");
  CHECK(parseDate("2022-12-31", o).date->iso() == "2022-12-31");
  CHECK(parseDate("2019-12-31", o).issues.at(0).code == IssueCode::DateOutOfRange);
  CHECK(parseDate("2023年1月1日", o).issues.at(0).code == IssueCode::DateOutOfRange);
  CHECK_FALSE(parseDate("2023-01-01", o).date);
}

TEST_CASE("Excel 1900 serials skip the fictitious 29 February 1900") {
  struct Case {
    double serial;
    const char* iso;  // nullptr: no such day
  };
  const Case cases[] = {
      {1, "1900-01-01"},
      {2, "1900-01-02"},
      {31, "1900-01-31"},
      {59, "1900-02-28"},
      {60, nullptr},
      {61, "1900-03-01"},
      {36526, "2000-01-01"},
      {43831, "2020-01-01"},
      {44868, "2022-11-03"},
      {44868.5, "2022-11-03"},
      {44868.999, "2022-11-03"},
      {45000, "2023-03-15"},
      {2958465, "9999-12-31"},
      {2958466, nullptr},
      {0, nullptr},
      {0.5, nullptr},
      {-1, nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.serial);
    auto d = dateFromExcelSerial(c.serial, DateSystem::Excel1900);
    if (c.iso) {
      REQUIRE(d);
      CHECK(d->iso() == c.iso);
    } else {
      CHECK_FALSE(d);
    }
  }
}

TEST_CASE("Excel 1904 serials count from 1 January 1904") {
  CHECK(dateFromExcelSerial(0, DateSystem::Excel1904)->iso() == "1904-01-01");
  CHECK(dateFromExcelSerial(1, DateSystem::Excel1904)->iso() == "1904-01-02");
  CHECK(dateFromExcelSerial(59, DateSystem::Excel1904)->iso() == "1904-02-29");
  CHECK(dateFromExcelSerial(43406, DateSystem::Excel1904)->iso() == "2022-11-03");
  CHECK(dateFromExcelSerial(43406.75, DateSystem::Excel1904)->iso() == "2022-11-03");
  // The same day is 1462 apart in the two systems.
  CHECK(dateFromExcelSerial(44868, DateSystem::Excel1900) ==
        dateFromExcelSerial(44868 - 1462, DateSystem::Excel1904));
  CHECK_FALSE(dateFromExcelSerial(-0.5, DateSystem::Excel1904));
  CHECK_FALSE(dateFromExcelSerial(std::numeric_limits<double>::quiet_NaN(), DateSystem::Excel1904));
  CHECK_FALSE(dateFromExcelSerial(std::numeric_limits<double>::infinity(), DateSystem::Excel1900));
}

TEST_CASE("numeric text is a serial only when the caller allows serials") {
  const Good cases[] = {
      {"44868", "2022-11-03"},       {"44868.5", "2022-11-03"},  {"４４８６８", "2022-11-03"},
      {"1", "1900-01-01"},           {"61", "1900-03-01"},       {"73415", "2100-12-31"},
      {"44868 12:00", "2022-11-03"}, {"20221103", "2022-11-03"},  // eight digits stay YYYYMMDD even when
                                                                  // serials are allowed
      {"2022-11-03", "2022-11-03"},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto r = parseDate(c.text, serials());
    REQUIRE(r.date);
    CHECK(r.date->iso() == c.iso);
  }
  CHECK(parseDate("43406", serials(DateSystem::Excel1904)).date->iso() == "2022-11-03");
  CHECK(parseDate("0", serials(DateSystem::Excel1904)).date->iso() == "1904-01-01");

  const Bad bad[] = {
      {"60", IssueCode::DateInvalid},          {"0", IssueCode::DateInvalid},
      {"0.25", IssueCode::DateInvalid},        {"-1", IssueCode::DateBadFormat},
      {"44868.", IssueCode::DateBadFormat},    {".5", IssueCode::DateBadFormat},
      {"4.4868E+4", IssueCode::DateBadFormat}, {"73416", IssueCode::DateOutOfRange},
      {"2958466", IssueCode::DateOutOfRange},  {"99999999999999999999", IssueCode::DateOutOfRange},
  };
  for (const auto& c : bad) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto r = parseDate(c.text, serials());
    CHECK_FALSE(r.date);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].code == c.code);
  }
}

TEST_CASE("a serial before the caller's earliest date is out of range") {
  auto o = serials();
  o.earliest = Date{2000, 1, 1};
  CHECK(parseDate("36525", o).issues.at(0).code == IssueCode::DateOutOfRange);  // 1999-12-31
  CHECK(parseDate("36526", o).date->iso() == "2000-01-01");
}
