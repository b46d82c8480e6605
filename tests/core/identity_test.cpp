// GB 11643 resident numbers (core/identity.h): the check digit, birth date and sex, the 15-digit
// upgrade, the errors ranked, normalization, numbers damaged by spreadsheets, unknown county codes.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/identity.h"
#include "id_check_support.h"
#include "core/region_codes.h"

using gl::core::checkId;
using gl::core::Date;
using gl::core::gb11643CheckDigit;
using gl::core::IdCheck;
using gl::core::IdKind;
using gl::core::IdTypeHint;
using gl::core::IssueCode;
using gl::core::normalizeIdText;
using gl::core::Severity;
using gl::core::Sex;

using gl::test::check;
const Date kToday = gl::test::kIdToday;
using gl::test::onlyError;

TEST_CASE("the MOD 11-2 check digit matches the examples quoted with GB 11643") {
  CHECK(gb11643CheckDigit("11010519491231002") == 'X');
  CHECK(gb11643CheckDigit("44052418800101001") == '4');
  CHECK(gb11643CheckDigit("11010119000101001") == '4');
  CHECK(gb11643CheckDigit("11010119040229007") == 'X');
  CHECK(gb11643CheckDigit("1101011900010100") == '\0');
  CHECK(gb11643CheckDigit("1101011900010100A") == '\0');
}

TEST_CASE("valid resident numbers give their birth date and sex") {
  struct Case {
    const char* number;
    Date birth;
    Sex sex;
  };
  const Case cases[] = {
      {"110101190001010014", {1900, 1, 1}, Sex::Male},
      {"110101190001010022", {1900, 1, 1}, Sex::Female},
      {"11010119040229007X", {1904, 2, 29}, Sex::Male},
      {"11010119600101002X", {1960, 1, 1}, Sex::Female},
      {"110101198002290018", {1980, 2, 29}, Sex::Male},
      {"11010519491231002X", {1949, 12, 31}, Sex::Female},
      {"440524188001010014", {1880, 1, 1}, Sex::Male},
  };
  for (const auto& c : cases) {
    CAPTURE(c.number);
    IdCheck r = check(c.number);
    CHECK(r.valid);
    CHECK(r.issues.empty());
    CHECK(r.kind == IdKind::Resident);
    CHECK(r.normalized == c.number);
    REQUIRE(r.birthDate);
    CHECK(*r.birthDate == c.birth);
    CHECK(r.sex == c.sex);
    CHECK(r.upgradedFrom.empty());
  }
}

TEST_CASE("invalid resident numbers report the most specific error") {
  struct Case {
    const char* number;
    IssueCode code;
  };
  const Case cases[] = {
      {"110101190001010015", IssueCode::IdBadChecksum},      // correct check is 4
      {"11010119000101001X", IssueCode::IdBadChecksum},      // X where 4 belongs
      {"110101190002290011", IssueCode::IdBadDate},          // 1900 is not a leap year
      {"110101190013010011", IssueCode::IdBadDate},          // month 13
      {"110101190013010012", IssueCode::IdBadDate},          // month 13 and a wrong check: the date wins
      {"110101187912310011", IssueCode::IdBadDate},          // before 1880, even if it were real
      {"100101190001010012", IssueCode::IdUnknownProvince},  // 10 is not assigned
      {"710101190001010014", IssueCode::IdUnknownProvince},  // 71 is never used in real numbers
      {"810100195001010010", IssueCode::IdUnknownProvince},  // 81 only as the whole code 810000
      {"11010119000101001", IssueCode::IdWrongDigitCount},   // 17 digits, starting with a real county
      {"1101011900010100145", IssueCode::IdWrongDigitCount},
      {"10010119000101001", IssueCode::IdBadLength},         // 17 digits, no real county code
      {"1101011900X1010014", IssueCode::IdBadCharacters},
      {"110101一九00010100", IssueCode::IdBadCharacters},
      {"110101/19000101001", IssueCode::IdBadCharacters},
  };
  for (const auto& c : cases) {
    CAPTURE(c.number);
    IdCheck r = check(c.number);
    CHECK_FALSE(r.valid);
    CHECK(onlyError(r) == c.code);
    CHECK_FALSE(r.birthDate);
    CHECK(r.sex == Sex::Unknown);
    for (const auto& i : r.issues) CHECK(i.field == "id_number");
  }
}

TEST_CASE("a birth date after today is in the future, and today itself is not") {
  IdCheck r = check("110101209912310015");
  CHECK_FALSE(r.valid);
  CHECK(onlyError(r) == IssueCode::IdFutureDate);
  CHECK(r.issues.front().detail == "110101209912310015");

  std::string bornToday = "11010120261129001";
  bornToday += gb11643CheckDigit(bornToday);
  CHECK(checkId(bornToday, kToday).valid);
  CHECK(onlyError(checkId(bornToday, Date{2026, 11, 28})) == IssueCode::IdFutureDate);
}

TEST_CASE("15-digit numbers are upgraded to 18 digits with 19 and a check digit") {
  struct Case {
    const char* old;
    const char* upgraded;
    Date birth;
    Sex sex;
  };
  const Case cases[] = {
      {"150102880730303", "150102198807303035", {1988, 7, 30}, Sex::Male},
      {"330102200403064", "33010219200403064X", {1920, 4, 3}, Sex::Female},
      {"110101491231001", "110101194912310016", {1949, 12, 31}, Sex::Male},
  };
  for (const auto& c : cases) {
    CAPTURE(c.old);
    IdCheck r = check(c.old);
    CHECK(r.valid);
    CHECK(r.issues.empty());
    CHECK(r.kind == IdKind::Resident15);
    CHECK(r.normalized == c.upgraded);
    CHECK(r.upgradedFrom == c.old);
    REQUIRE(r.birthDate);
    CHECK(*r.birthDate == c.birth);
    CHECK(r.sex == c.sex);
    // The upgraded number is itself a valid 18-digit number.
    CHECK(check(c.upgraded).valid);
  }
}

TEST_CASE("a 15-digit number with a centenarian sequence is upgraded with a warning") {
  IdCheck r = check("110101050101997");
  CHECK(r.valid);
  CHECK(r.normalized == "110101190501019971");
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].code == IssueCode::IdCentenarianSequence);
  CHECK(r.issues[0].severity == Severity::Warning);
  CHECK(r.issues[0].detail == "110101050101997");
  CHECK(check("110101050101995").issues.empty());
}

TEST_CASE("invalid 15-digit numbers are not upgraded") {
  IdCheck date = check("110101000229001");  // 1900-02-29
  CHECK(onlyError(date) == IssueCode::IdBadDate);
  CHECK(date.normalized == "110101000229001");
  CHECK(date.upgradedFrom.empty());
  CHECK(onlyError(check("100101491231001")) == IssueCode::IdUnknownProvince);
  // Residence permits and the foreigner number never had a 15-digit form.
  CHECK(onlyError(check("810000491231001")) == IssueCode::IdUnknownProvince);
  CHECK(onlyError(check("932682850101001")) == IssueCode::IdUnknownProvince);
}

TEST_CASE("normalization folds widths, case, spaces, hyphens and the Excel text marker") {
  CHECK(normalizeIdText("１１０１０１１９９００１０１００１４") == "110101199001010014");
  CHECK(normalizeIdText("  11010119600101002x\t") == "11010119600101002X");
  CHECK(normalizeIdText("11010119600101002ｘ") == "11010119600101002X");
  CHECK(normalizeIdText("110101 1900 0101 0014") == "110101190001010014");
  CHECK(normalizeIdText("110101-19000101-0014") == "110101190001010014");
  CHECK(normalizeIdText("'110101190001010014") == "110101190001010014");
  CHECK(normalizeIdText("\u3000'110101\u00A0190001010014\u200B") == "110101190001010014");
  CHECK(normalizeIdText("") == "");
  CHECK(normalizeIdText("h1234567800") == "H1234567800");

  // Full-width digits with a correct check digit are valid; the vector above has a wrong one
  // (its check digit should be 5), which must read as a checksum error, not as bad characters.
  CHECK(check("１１０１０１１９０００１０１００１４").valid);
  CHECK(onlyError(check("１１０１０１１９９００１０１００１４")) == IssueCode::IdBadChecksum);
  IdCheck lower = check("11010119600101002x");
  CHECK(lower.valid);
  CHECK(lower.normalized == "11010119600101002X");
  CHECK(check("'110101 1900-0101-0014 ").normalized == "110101190001010014");
  CHECK(check("'110101 1900-0101-0014 ").valid);
}

TEST_CASE("numbers that went through a numeric spreadsheet cell are reported, never repaired") {
  const char* cases[] = {
      "3.70322198501011E+17", "1.10101E+17", "1.10101e+17", "1E+17",
      "110101190001010000",   // last three digits zeroed, check digit fails
      "370322198501011000",
      "110101199001010014.0",
      "110101491231001.0",
  };
  for (const char* raw : cases) {
    CAPTURE(raw);
    IdCheck r = check(raw);
    CHECK_FALSE(r.valid);
    CHECK(onlyError(r) == IssueCode::IdStoredAsNumber);
    CHECK(r.normalized == normalizeIdText(raw));
    CHECK_FALSE(r.birthDate);
  }
  // Ending in 000 is fine when the check digit agrees.
  std::string zeros;
  for (int day = 10; day <= 28 && zeros.empty(); ++day)
    for (char hundreds = '0'; hundreds <= '9' && zeros.empty(); ++hundreds) {
      std::string first17 = "110101198501" + std::to_string(day) + hundreds + "00";
      if (gb11643CheckDigit(first17) == '0') zeros = first17 + '0';
    }
  REQUIRE(zeros.size() == 18);
  CHECK(check(zeros).valid);
}

TEST_CASE("a county code in no edition of GB/T 2260 is a warning, and retired codes are known") {
  // 110103 崇文区 was abolished in 2010; 110118 密云区 came in 2015; 370322 高青县.
  for (const char* code : {"110103", "110118", "370322", "110221", "341882"}) {
    CAPTURE(code);
    CHECK(gl::core::isKnownDivisionCode(code));
  }
  CHECK_FALSE(gl::core::isKnownDivisionCode("110199"));
  CHECK_FALSE(gl::core::isKnownDivisionCode("37032"));
  std::string first17 = "11019919800101001";
  IdCheck r = check(first17 + gb11643CheckDigit(first17));
  CHECK(r.valid);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues.front().code == IssueCode::IdUnknownCounty);
  CHECK(r.issues.front().severity == gl::core::Severity::Warning);
  CHECK(r.issues.front().detail == "110199");
  std::string retired = "11010319491231001";  // 崇文区, abolished in 2010: no warning
  IdCheck old = check(retired + gb11643CheckDigit(retired));
  CHECK(old.valid);
  CHECK(old.issues.empty());
  IdCheck fifteen = check("110199491231001");
  CHECK(fifteen.valid);
  CHECK(fifteen.issues.back().code == IssueCode::IdUnknownCounty);
}

TEST_CASE("an empty or blank number is reported as empty") {
  for (const char* raw : {"", "   ", "\u3000", "'", " - "}) {
    CAPTURE(raw);
    IdCheck r = check(raw);
    CHECK_FALSE(r.valid);
    CHECK(onlyError(r) == IssueCode::IdEmpty);
    CHECK(r.kind == IdKind::Unknown);
  }
}

TEST_CASE("a generated prefix plus its check digit is valid and any one changed character breaks it") {
  const int provinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                           42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
  std::uint32_t state = 20221103;  // fixed seed: the same numbers on every run
  auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;  // Numerical Recipes LCG
    return (state >> 8) % bound;
  };
  for (int n = 0; n < 300; ++n) {
    Date birth = Date{1900, 1, 1}.addDays(static_cast<long>(next(46000)));  // up to 2025
    char first17[18];
    std::snprintf(first17, sizeof first17, "%02d%04u%04d%02d%02d%03u",
                  provinces[next(sizeof provinces / sizeof provinces[0])], next(10000), birth.year,
                  birth.month, birth.day, next(1000));
    std::string number = std::string(first17) + gb11643CheckDigit(first17);
    CAPTURE(number);
    IdCheck r = check(number);
    REQUIRE(r.valid);
    CHECK(r.birthDate == birth);
    CHECK(r.sex == ((number[16] - '0') % 2 ? Sex::Male : Sex::Female));
    for (std::size_t pos = 0; pos < 18; ++pos) {
      for (char c : std::string("0123456789X")) {
        if (c == number[pos] || (c == 'X' && pos != 17)) continue;
        std::string changed = number;
        changed[pos] = c;
        CAPTURE(changed);
        CHECK_FALSE(check(changed).valid);
      }
    }
  }
}
