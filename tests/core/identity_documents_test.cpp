// Identity documents other than the resident number (core/identity.h): residence permits, foreigner
// cards, travel permits and passports, what a 身份证 column or a declared document type admits, and
// the documents' stable codes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/identity.h"
#include "id_check_support.h"

using gl::core::checkId;
using gl::core::Date;
using gl::core::gb11643CheckDigit;
using gl::core::IdCheck;
using gl::core::IdKind;
using gl::core::IdTypeHint;
using gl::core::IssueCode;
using gl::core::Severity;
using gl::core::Sex;

using gl::test::check;
using gl::test::onlyError;

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
