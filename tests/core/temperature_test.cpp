#include <doctest/doctest.h>

#include <string>

#include "core/temperature.h"

using gl::core::formatTemperature;
using gl::core::isFever;
using gl::core::IssueCode;
using gl::core::kFeverTenths;
using gl::core::parseTemperature;

namespace {

struct Reading {
  const char* text;
  int tenths;
};

struct BadReading {
  const char* text;
  IssueCode code;
  const char* detail;
};

}  // namespace

TEST_CASE("readings written the ways health-check sheets write them are stored as tenths") {
  const Reading cases[] = {
      {"36.5", 365},
      {"36.5℃", 365},
      {"36.5°C", 365},
      {"36.5 °C", 365},
      {"36.5° C", 365},
      {"36.5°c", 365},
      {"36.5度", 365},
      {"36.5 度", 365},
      {"36.5摄氏度", 365},
      {"36.5C", 365},
      {"36.5°", 365},
      {"36.5ºC", 365},
      {"３６．５", 365},
      {"３６．５℃", 365},
      {"36,5", 365},
      {" 36.5 ", 365},
      {"　36.5　", 365},
      {"36", 360},
      {"37", 370},
      {"36.0", 360},
      {"37.3", 373},
      {"37.30", 373},
      {"36.45", 365},
      {"36.449", 364},
      {"36.44", 364},
      {"36.4999", 365},
      {"36.95", 370},
      {"36.04", 360},
      {"036.5", 365},
      {"34", 340},
      {"34.0", 340},
      {"43", 430},
      {"43.0", 430},
      {"43.04", 430},
      {"33.95", 340},
      // Fahrenheit, converted when the unit is explicit
      {"97.7°F", 365},
      {"97.7℉", 365},
      {"97.7 F", 365},
      {"98.6°F", 370},
      {"100.4°F", 380},
      {"99.5 ℉", 375},
      {"99.0°F", 372},
      {"93.2°F", 340},
      {"109.4°F", 430},
      {"９７．７℉", 365},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto t = parseTemperature(c.text);
    REQUIRE(t.tenths);
    CHECK(*t.tenths == c.tenths);
    CHECK(t.issues.empty());
  }
}

TEST_CASE("unreadable or implausible readings are rejected") {
  const BadReading cases[] = {
      {"36.5.1", IssueCode::TemperatureBadFormat, "36.5.1"},
      {"36.", IssueCode::TemperatureBadFormat, "36."},
      {".5", IssueCode::TemperatureBadFormat, ".5"},
      {"-36.5", IssueCode::TemperatureBadFormat, "-36.5"},
      {"+36.5", IssueCode::TemperatureBadFormat, "+36.5"},
      {"正常", IssueCode::TemperatureBadFormat, "正常"},
      {"36.5正常", IssueCode::TemperatureBadFormat, "36.5正常"},
      {"体温36.5", IssueCode::TemperatureBadFormat, "体温36.5"},
      {"36.5K", IssueCode::TemperatureBadFormat, "36.5K"},
      {"36.5℃℃", IssueCode::TemperatureBadFormat, "36.5℃℃"},
      {"36-37", IssueCode::TemperatureBadFormat, "36-37"},
      {"36 5", IssueCode::TemperatureBadFormat, "36 5"},
      {"３６．５Ｘ", IssueCode::TemperatureBadFormat, "36.5X"},
      {"33.9", IssueCode::TemperatureOutOfRange, "33.9"},
      {"33.94", IssueCode::TemperatureOutOfRange, "33.9"},
      {"43.05", IssueCode::TemperatureOutOfRange, "43.1"},
      {"43.1", IssueCode::TemperatureOutOfRange, "43.1"},
      {"0", IssueCode::TemperatureOutOfRange, "0.0"},
      {"365", IssueCode::TemperatureOutOfRange, "365.0"},  // the decimal point forgotten
      {"3.65", IssueCode::TemperatureOutOfRange, "3.7"},
      {"97.7", IssueCode::TemperatureOutOfRange, "97.7"},  // a bare Fahrenheit value is not guessed
      {"97.7℃", IssueCode::TemperatureOutOfRange, "97.7"},
      {"32°F", IssueCode::TemperatureOutOfRange, "0.0"},
      {"0°F", IssueCode::TemperatureOutOfRange, "-17.8"},
      {"36.5°F", IssueCode::TemperatureOutOfRange, "2.5"},
      {"1234567890", IssueCode::TemperatureOutOfRange, "1234567890"},
  };
  for (const auto& c : cases) {
    std::string shown = c.text;
    CAPTURE(shown);
    auto t = parseTemperature(c.text);
    CHECK_FALSE(t.tenths);
    REQUIRE(t.issues.size() == 1);
    CHECK(t.issues[0].code == c.code);
    CHECK(t.issues[0].field == "temperature");
    CHECK(t.issues[0].detail == c.detail);
  }
}

TEST_CASE("an empty reading is neither a value nor an error") {
  for (const char* text : {"", "  ", "　"}) {
    std::string shown = text;
    CAPTURE(shown);
    auto t = parseTemperature(text);
    CHECK_FALSE(t.tenths);
    CHECK(t.issues.empty());
  }
}

TEST_CASE("temperatures format with exactly one decimal and round-trip") {
  CHECK(formatTemperature(365) == "36.5");
  CHECK(formatTemperature(370) == "37.0");
  CHECK(formatTemperature(340) == "34.0");
  CHECK(formatTemperature(430) == "43.0");
  CHECK(formatTemperature(5) == "0.5");
  CHECK(formatTemperature(0) == "0.0");
  CHECK(formatTemperature(-5) == "-0.5");
  CHECK(formatTemperature(-178) == "-17.8");
  for (int tenths = 340; tenths <= 430; ++tenths) {
    CAPTURE(tenths);
    auto t = parseTemperature(formatTemperature(tenths));
    REQUIRE(t.tenths);
    CHECK(*t.tenths == tenths);
  }
}

TEST_CASE("37.3 degrees and above is a fever") {
  CHECK(kFeverTenths == 373);
  CHECK_FALSE(isFever(365));
  CHECK_FALSE(isFever(372));
  CHECK(isFever(373));
  CHECK(isFever(385));
  CHECK(isFever(*parseTemperature("37.25").tenths));  // rounds to 37.3
  CHECK_FALSE(isFever(*parseTemperature("37.24").tenths));
  CHECK(isFever(*parseTemperature("99.2°F").tenths));  // 37.33 ℃
}
