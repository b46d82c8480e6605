#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/identity.h"
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

namespace {

const Date kToday{2026, 11, 29};

IdCheck check(std::string_view raw, IdTypeHint hint = IdTypeHint::Any) { return checkId(raw, kToday, hint); }

// The single Error-severity code, or IdUnrecognized with a failed CHECK when there is not exactly one.
IssueCode onlyError(const IdCheck& r) {
  std::vector<IssueCode> errors;
  for (const auto& i : r.issues)
    if (i.severity == Severity::Error) errors.push_back(i.code);
  CHECK(errors.size() == 1);
  return errors.empty() ? IssueCode::IdUnrecognized : errors.front();
}

}  // namespace

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

TEST_CASE("residence permits use the fixed 810000, 820000 and 830000 address codes") {
  struct Case {
    const char* number;
    IdKind kind;
    Date birth;
    Sex sex;
  };
  const Case cases[] = {
      {"810000195001010010", IdKind::HongKongPermit, {1950, 1, 1}, Sex::Male},
      {"820000195001010020", IdKind::MacauPermit, {1950, 1, 1}, Sex::Female},
      {"830000195001010030", IdKind::TaiwanPermit, {1950, 1, 1}, Sex::Male},
      {"81000019980902013X", IdKind::HongKongPermit, {1998, 9, 2}, Sex::Male},
      {"820000200009100032", IdKind::MacauPermit, {2000, 9, 10}, Sex::Male},
      {"830000200209060065", IdKind::TaiwanPermit, {2002, 9, 6}, Sex::Female},
  };
  for (const auto& c : cases) {
    CAPTURE(c.number);
    IdCheck r = check(c.number);
    CHECK(r.valid);
    CHECK(r.kind == c.kind);
    REQUIRE(r.birthDate);
    CHECK(*r.birthDate == c.birth);
    CHECK(r.sex == c.sex);
  }
  CHECK(onlyError(check("810000195001010011")) == IssueCode::IdBadChecksum);
}

TEST_CASE("the 2023 foreigner permanent residence number is checked like a resident number") {
  IdCheck saudi = check("932682198501010017");
  CHECK(saudi.valid);
  CHECK(saudi.kind == IdKind::ForeignerPermanent);
  CHECK(saudi.birthDate == Date{1985, 1, 1});
  CHECK(saudi.sex == Sex::Male);

  IdCheck canadian = check("911124198108030024");
  CHECK(canadian.valid);
  CHECK(canadian.kind == IdKind::ForeignerPermanent);
  CHECK(canadian.birthDate == Date{1981, 8, 3});
  CHECK(canadian.sex == Sex::Female);

  CHECK(onlyError(check("932682198501010018")) == IssueCode::IdBadChecksum);
  std::string badProvince = "97268219850101001";  // province 72 does not exist
  badProvince += gb11643CheckDigit(badProvince);
  CHECK(onlyError(check(badProvince)) == IssueCode::IdUnknownProvince);
}

TEST_CASE("the old foreigner card is accepted by shape with a warning") {
  IdCheck r = check("usa310085021301");
  CHECK(r.valid);
  CHECK(r.kind == IdKind::ForeignerPermanentOld);
  CHECK(r.normalized == "USA310085021301");
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].severity == Severity::Warning);
  CHECK(r.issues[0].code == gl::core::IssueCode::IdShapeOnly);
  CHECK_FALSE(r.birthDate);
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

TEST_CASE("travel permits are accepted by shape and matched on their lifetime number") {
  IdCheck hk = check("H1234567800");
  CHECK(hk.valid);
  CHECK(hk.kind == IdKind::HkMacauTravelPermit);
  CHECK(idMatchKey(hk) == "H12345678");
  IdCheck hkShort = check("h12345678");
  CHECK(hkShort.kind == IdKind::HkMacauTravelPermit);
  CHECK(idMatchKey(hkShort) == idMatchKey(hk));
  CHECK(check("M8765432101").kind == IdKind::HkMacauTravelPermit);
  CHECK_FALSE(check("H123456789").valid);  // 10 characters

  IdCheck tw = check("12345678");
  CHECK(tw.valid);
  CHECK(tw.kind == IdKind::TaiwanTravelPermit);
  IdCheck twOld = check("1234567801（B）");
  CHECK(twOld.valid);
  CHECK(twOld.kind == IdKind::TaiwanTravelPermit);
  CHECK(twOld.normalized == "1234567801(B)");
  CHECK(idMatchKey(twOld) == "12345678");
  CHECK(idMatchKey(twOld) == idMatchKey(tw));
  CHECK(check("1234567801").kind == IdKind::TaiwanTravelPermit);
  CHECK_FALSE(check("1234567801(b").valid);

  IdCheck resident = check("110101190001010014");
  CHECK(idMatchKey(resident) == "110101190001010014");
  CHECK(idMatchKey(check("110101491231001")) == "110101194912310016");
}

TEST_CASE("Chinese passports are recognized by shape") {
  const char* valid[] = {"E12345678", "EF1260892", "G12345678", "141234567", "151234567",
                         "PE1234567", "P.1234567", "SE1234567", "S.1234567", "DE1234567",
                         "K12345678", "MA1234567", "ef1260892"};
  for (const char* raw : valid) {
    CAPTURE(raw);
    IdCheck r = check(raw);
    CHECK(r.valid);
    CHECK(r.kind == IdKind::Passport);
    CHECK_FALSE(r.birthDate);
    CHECK(r.sex == Sex::Unknown);
  }
  CHECK_FALSE(check("EI1234567").valid);  // I and O are not used after E
  CHECK_FALSE(check("EO1234567").valid);
  CHECK_FALSE(check("X12345678").valid);
}

TEST_CASE("foreign passports by generic shape only when the id type says passport") {
  CHECK_FALSE(check("X12345678").valid);
  CHECK(onlyError(check("X12345678")) == IssueCode::IdUnrecognized);
  IdCheck foreign = check("x12345678", IdTypeHint::Passport);
  CHECK(foreign.valid);
  CHECK(foreign.kind == IdKind::Passport);
  CHECK(foreign.normalized == "X12345678");
  CHECK(check("AB123", IdTypeHint::Passport).valid);
  CHECK_FALSE(check("AB12", IdTypeHint::Passport).valid);
  CHECK_FALSE(check("AB1234567890123456", IdTypeHint::Passport).valid);
  CHECK_FALSE(check("AB12/345", IdTypeHint::Passport).valid);
  // A passport number is not upgraded as if it were an old resident number.
  IdCheck digits = check("110101491231001", IdTypeHint::Passport);
  CHECK(digits.kind == IdKind::Passport);
  CHECK(digits.normalized == "110101491231001");
  // A declared type is strict: a resident number under a 护照 label is an error, never re-typed.
  CHECK(onlyError(check("110101190001010014", IdTypeHint::Passport)) == IssueCode::IdWrongDocumentShape);
  CHECK(onlyError(check("1.10101E+17", IdTypeHint::Passport)) == IssueCode::IdStoredAsNumber);
}

TEST_CASE("a 身份证 column takes resident numbers only, and says how many digits a damaged one has") {
  CHECK(check("110101190001010014", IdTypeHint::ResidentNumber).kind == IdKind::Resident);
  CHECK(check("110101491231001", IdTypeHint::ResidentNumber).kind == IdKind::Resident15);
  CHECK(check("810000195001010010", IdTypeHint::ResidentNumber).kind == IdKind::HongKongPermit);
  CHECK(check("932682198501010017", IdTypeHint::ResidentNumber).kind == IdKind::ForeignerPermanent);
  CHECK(onlyError(check("3703222002", IdTypeHint::ResidentNumber)) == IssueCode::IdWrongDigitCount);
  CHECK(onlyError(check("12345678", IdTypeHint::ResidentNumber)) == IssueCode::IdWrongDigitCount);
  CHECK(onlyError(check("37032219850101001", IdTypeHint::ResidentNumber)) == IssueCode::IdWrongDigitCount);
  CHECK(onlyError(check("E12345678", IdTypeHint::ResidentNumber)) == IssueCode::IdNotResidentNumber);
  CHECK(onlyError(check("H1234567801", IdTypeHint::ResidentNumber)) == IssueCode::IdNotResidentNumber);
  CHECK(onlyError(check("110101190001010015", IdTypeHint::ResidentNumber)) == IssueCode::IdBadChecksum);
}

TEST_CASE("digits that begin with a real county code are a damaged resident number, never a permit") {
  // 3703222002: a resident number cut to 10 digits, once stored as a Taiwan travel permit.
  // 370399 is no county, but 3703 is 淄博市: a retired or mistyped county of a real prefecture.
  for (const char* raw : {"3703222002", "37032219", "370322198501", "1101011900010100", "3703992002", "37039920"}) {
    CAPTURE(raw);
    CHECK(onlyError(check(raw)) == IssueCode::IdWrongDigitCount);
  }
  // Digits with no real county code in front are still travel permits.
  CHECK(check("12345678").kind == IdKind::TaiwanTravelPermit);
  CHECK(check("0012345601").kind == IdKind::TaiwanTravelPermit);
  // A row that declares 台胞证 is taken at its word.
  CHECK(check("37032219", IdTypeHint::TaiwanTravel).kind == IdKind::TaiwanTravelPermit);
}

TEST_CASE("a declared document type admits only that document's shapes") {
  CHECK(check("H12345678", IdTypeHint::HkMacauTravel).kind == IdKind::HkMacauTravelPermit);
  CHECK(onlyError(check("E12345678", IdTypeHint::HkMacauTravel)) == IssueCode::IdWrongDocumentShape);
  CHECK(onlyError(check("H12345678", IdTypeHint::TaiwanTravel)) == IssueCode::IdWrongDocumentShape);
  CHECK(check("830000195001010030", IdTypeHint::ResidencePermit).kind == IdKind::TaiwanPermit);
  CHECK(onlyError(check("110101190001010014", IdTypeHint::ResidencePermit)) == IssueCode::IdWrongDocumentShape);
  CHECK(check("932682198501010017", IdTypeHint::ForeignerCard).kind == IdKind::ForeignerPermanent);
  IdCheck old = check("USA123456789012", IdTypeHint::ForeignerCard);
  CHECK(old.valid);
  CHECK(old.kind == IdKind::ForeignerPermanentOld);
  CHECK(onlyError(check("110101190001010014", IdTypeHint::ForeignerCard)) == IssueCode::IdWrongDocumentShape);
  IdCheck officer = check("南字第123456号", IdTypeHint::Other);
  CHECK(officer.valid);
  CHECK(officer.kind == IdKind::Other);
  CHECK(officer.issues.front().severity == gl::core::Severity::Warning);
  CHECK_FALSE(check("X", IdTypeHint::Other).valid);
  CHECK(gl::core::hintForIdType("passport") == IdTypeHint::Passport);
  CHECK(gl::core::hintForIdType("resident15") == IdTypeHint::ResidentCard);
  CHECK(onlyError(check("810000195001010010", IdTypeHint::ResidentCard)) == IssueCode::IdWrongDocumentShape);
  CHECK(onlyError(check("830000195001010030", IdTypeHint::HkPermit)) == IssueCode::IdWrongDocumentShape);
  CHECK(check("830000195001010030", IdTypeHint::TaiwanPermit).valid);
  CHECK(gl::core::hintForIdType("") == IdTypeHint::Any);
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

TEST_CASE("kind and sex codes are stable") {
  CHECK(gl::core::idKindCode(IdKind::Resident) == "resident");
  CHECK(gl::core::idKindCode(IdKind::Resident15) == "resident15");
  CHECK(gl::core::idKindCode(IdKind::HongKongPermit) == "hk_permit");
  CHECK(gl::core::idKindCode(IdKind::MacauPermit) == "macau_permit");
  CHECK(gl::core::idKindCode(IdKind::TaiwanPermit) == "taiwan_permit");
  CHECK(gl::core::idKindCode(IdKind::ForeignerPermanent) == "foreign_pr");
  CHECK(gl::core::idKindCode(IdKind::ForeignerPermanentOld) == "foreign_pr_old");
  CHECK(gl::core::idKindCode(IdKind::HkMacauTravelPermit) == "hk_macau_travel");
  CHECK(gl::core::idKindCode(IdKind::TaiwanTravelPermit) == "taiwan_travel");
  CHECK(gl::core::idKindCode(IdKind::Passport) == "passport");
  CHECK(gl::core::idKindCode(IdKind::Unknown) == "unknown");
  CHECK(gl::core::sexCode(Sex::Male) == "male");
  CHECK(gl::core::sexCode(Sex::Female) == "female");
  CHECK(gl::core::sexCode(Sex::Unknown) == "unknown");
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
