#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/phone.h"

using gl::core::checkPhone;
using gl::core::checkPhones;
using gl::core::IssueCode;
using gl::core::PhoneKind;

namespace {

struct ValidPhone {
  const char* raw;
  const char* normalized;
  PhoneKind kind;
  const char* digits;
  const char* extension;
};

struct InvalidPhone {
  const char* raw;
  IssueCode code;
};

}  // namespace

TEST_CASE("every way rosters write a valid number normalizes to one canonical form") {
  const ValidPhone cases[] = {
      // mainland mobiles
      {"13800138000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"  13800138000  ", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"138 0013 8000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"138-0013-8000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"+86 138 0013 8000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"+8613800138000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"008613800138000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"8613800138000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"86 13800138000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"+86-138-0013-8000", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"１３８００１３８０００", "13800138000", PhoneKind::Mobile, "13800138000", ""},
      {"　１９９１２３４５６７８　", "19912345678", PhoneKind::Mobile, "19912345678", ""},
      {"16612345678", "16612345678", PhoneKind::Mobile, "16612345678", ""},
      // landlines
      {"0571-88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"(0571)88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"（0571）88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"（０５７１）８８８８８８８８", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"057188888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"0571 8888 8888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"0571－88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"010-65521234", "010-65521234", PhoneKind::Landline, "01065521234", ""},
      {"01065521234", "010-65521234", PhoneKind::Landline, "01065521234", ""},
      {"021-6234 5678", "021-62345678", PhoneKind::Landline, "02162345678", ""},
      {"020-8888888", "020-8888888", PhoneKind::Landline, "0208888888", ""},
      {"0311-8765432", "0311-8765432", PhoneKind::Landline, "03118765432", ""},
      {"0991-4567890", "0991-4567890", PhoneKind::Landline, "09914567890", ""},
      {"+86 571 8888 8888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"+86 10 6552 1234", "010-65521234", PhoneKind::Landline, "01065521234", ""},
      {"+86 (0)571 88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      {"0086-21-62345678", "021-62345678", PhoneKind::Landline, "02162345678", ""},
      {"86-571-88888888", "0571-88888888", PhoneKind::Landline, "057188888888", ""},
      // extensions
      {"0571-88888888-123", "0571-88888888-123", PhoneKind::Landline, "057188888888", "123"},
      {"0571-88888888转123", "0571-88888888-123", PhoneKind::Landline, "057188888888", "123"},
      {"0571-88888888 转 8021", "0571-88888888-8021", PhoneKind::Landline, "057188888888", "8021"},
      {"0571-88888888分机6", "0571-88888888-6", PhoneKind::Landline, "057188888888", "6"},
      {"0571-88888888 ext 123", "0571-88888888-123", PhoneKind::Landline, "057188888888", "123"},
      {"0571-88888888 EXT.123", "0571-88888888-123", PhoneKind::Landline, "057188888888", "123"},
      {"0571-88888888x123", "0571-88888888-123", PhoneKind::Landline, "057188888888", "123"},
      {"(010)6552-1234 X 9", "010-65521234-9", PhoneKind::Landline, "01065521234", "9"},
      {"010-6552-1234", "010-65521234", PhoneKind::Landline, "01065521234", ""},
      // service numbers
      {"400-820-8820", "4008208820", PhoneKind::Service, "4008208820", ""},
      {"4008208820转1", "4008208820-1", PhoneKind::Service, "4008208820", "1"},
      {"800-810-8888", "8008108888", PhoneKind::Service, "8008108888", ""},
      {"95588", "95588", PhoneKind::Service, "95588", ""},
      {"12345", "12345", PhoneKind::Service, "12345", ""},
      {"10086", "10086", PhoneKind::Service, "10086", ""},
      {"96345", "96345", PhoneKind::Service, "96345", ""},
      // Hong Kong, Macau, Taiwan
      {"+852 91234567", "+852 91234567", PhoneKind::HongKong, "85291234567", ""},
      {"+852-9123-4567", "+852 91234567", PhoneKind::HongKong, "85291234567", ""},
      {"00852 2345 6789", "+852 23456789", PhoneKind::HongKong, "85223456789", ""},
      {"+853 66123456", "+853 66123456", PhoneKind::Macau, "85366123456", ""},
      {"+853 2812 3456", "+853 28123456", PhoneKind::Macau, "85328123456", ""},
      {"+886 912345678", "+886 912345678", PhoneKind::Taiwan, "886912345678", ""},
      {"+886 0912-345-678", "+886 912345678", PhoneKind::Taiwan, "886912345678", ""},
      {"00886912345678", "+886 912345678", PhoneKind::Taiwan, "886912345678", ""},
  };
  for (const auto& c : cases) {
    std::string shown = c.raw;
    CAPTURE(shown);
    auto p = checkPhone(c.raw);
    CHECK(p.valid);
    CHECK(p.issues.empty());
    CHECK(p.normalized == c.normalized);
    CHECK(p.kind == c.kind);
    CHECK(p.digits == c.digits);
    CHECK(p.extension == c.extension);

    // The canonical form is a fixed point of the parser.
    auto again = checkPhone(p.normalized);
    CHECK(again.valid);
    CHECK(again.normalized == p.normalized);
    CHECK(again.kind == p.kind);
    CHECK(again.extension == p.extension);
  }
}

TEST_CASE("malformed numbers are rejected with the code that explains why") {
  const InvalidPhone cases[] = {
      {"", IssueCode::PhoneEmpty},
      {"   ", IssueCode::PhoneEmpty},
      {"　", IssueCode::PhoneEmpty},
      // mobiles: second digit 0-2, or the wrong length
      {"12800138000", IssueCode::PhoneBadMobile},
      {"11012345678", IssueCode::PhoneBadMobile},
      {"1380013800", IssueCode::PhoneBadMobile},
      {"138001380000", IssueCode::PhoneBadMobile},
      {"138-0013-800", IssueCode::PhoneBadMobile},
      {"+86 1380013800", IssueCode::PhoneBadMobile},
      {"1440012345678", IssueCode::PhoneBadMobile},  // a 13-digit IoT card, not a person's phone
      // area codes
      {"026-88888888", IssueCode::PhoneBadAreaCode},
      {"0268888888", IssueCode::PhoneBadAreaCode},
      {"011-88888888", IssueCode::PhoneBadAreaCode},
      {"019 8888 8888", IssueCode::PhoneBadAreaCode},
      // landlines with a bad local number
      {"0571-888888", IssueCode::PhoneBadFormat},
      {"0571-888888888", IssueCode::PhoneBadFormat},
      {"0571-08888888", IssueCode::PhoneBadFormat},
      {"010-12345678", IssueCode::PhoneBadFormat},
      {"0571", IssueCode::PhoneBadFormat},
      {"057", IssueCode::PhoneBadFormat},
      // local numbers without their area code cannot be placed
      {"88888888", IssueCode::PhoneBadFormat},
      {"8888-888", IssueCode::PhoneBadFormat},
      // extensions in the wrong place or too long
      {"0571-88888888转", IssueCode::PhoneBadFormat},
      {"0571-88888888转1234567", IssueCode::PhoneBadFormat},
      {"0571-88888888转12a", IssueCode::PhoneBadFormat},
      {"13800138000转123", IssueCode::PhoneBadFormat},
      {"13800138000-123", IssueCode::PhoneBadMobile},
      {"+852 91234567 ext 1", IssueCode::PhoneBadFormat},
      // other countries and other regions' shapes
      {"+1 650 253 0000", IssueCode::PhoneBadFormat},
      {"+44 20 7946 0958", IssueCode::PhoneBadFormat},
      {"+852 9123456", IssueCode::PhoneBadFormat},
      {"+852 01234567", IssueCode::PhoneBadFormat},
      {"+853 56123456", IssueCode::PhoneBadFormat},
      {"+886 212345678", IssueCode::PhoneBadFormat},
      {"0012345678", IssueCode::PhoneBadFormat},
      // not numbers at all, or annotated
      {"无", IssueCode::PhoneBadFormat},
      {"不详", IssueCode::PhoneBadFormat},
      {"13800138000(本人)", IssueCode::PhoneBadFormat},
      {"1380013800O", IssueCode::PhoneBadFormat},
      {"138.0013.8000", IssueCode::PhoneBadFormat},
      {"1.38001E+10", IssueCode::PhoneBadFormat},
      {"138+0013+8000", IssueCode::PhoneBadFormat},
      {"-", IssueCode::PhoneBadFormat},
  };
  for (const auto& c : cases) {
    std::string shown = c.raw;
    CAPTURE(shown);
    auto p = checkPhone(c.raw);
    CHECK_FALSE(p.valid);
    CHECK(p.normalized.empty());
    REQUIRE(p.issues.size() == 1);
    CHECK(p.issues[0].code == c.code);
    CHECK(p.issues[0].field == "phone");
    CHECK(p.issues[0].severity == gl::core::Severity::Error);
  }
}

TEST_CASE("an issue carries the number as written, trimmed and width-folded") {
  auto p = checkPhone(" １２８００１３８０００ ");
  REQUIRE(p.issues.size() == 1);
  CHECK(p.issues[0].detail == "12800138000");
}

TEST_CASE("a cell with several numbers yields one result per number") {
  struct Case {
    const char* cell;
    std::vector<std::string> normalized;
  };
  const Case cases[] = {
      {"13800138000/13900139000", {"13800138000", "13900139000"}},
      {"13800138000、0571-88888888", {"13800138000", "0571-88888888"}},
      {"13800138000，13900139000", {"13800138000", "13900139000"}},
      {"13800138000；13900139000;13700137000", {"13800138000", "13900139000", "13700137000"}},
      {"13800138000, (0571)88888888转123", {"13800138000", "0571-88888888-123"}},
      {"13800138000\n13900139000", {"13800138000", "13900139000"}},
      {"13800138000 / ", {"13800138000"}},
      {"13800138000 13900139000", {"13800138000", "13900139000"}},
      {"13800138000 0571-88888888", {"13800138000", "0571-88888888"}},
      {"0571 8888 8888", {"0571-88888888"}},
      // The stored form (joined by ",") parses back to the same numbers.
      {"13800138000,0571-88888888-123,+852 91234567", {"13800138000", "0571-88888888-123", "+852 91234567"}},
  };
  for (const auto& c : cases) {
    std::string shown = c.cell;
    CAPTURE(shown);
    auto all = checkPhones(c.cell);
    REQUIRE(all.size() == c.normalized.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      CHECK(all[i].valid);
      CHECK(all[i].normalized == c.normalized[i]);
    }
  }
}

TEST_CASE("a bad number among good ones is reported without hiding the good ones") {
  auto all = checkPhones("13800138000/12800138000、026-88888888");
  REQUIRE(all.size() == 3);
  CHECK(all[0].valid);
  CHECK_FALSE(all[1].valid);
  CHECK(all[1].issues.at(0).code == IssueCode::PhoneBadMobile);
  CHECK(all[1].issues.at(0).detail == "12800138000");
  CHECK_FALSE(all[2].valid);
  CHECK(all[2].issues.at(0).code == IssueCode::PhoneBadAreaCode);
}

TEST_CASE("space-separated pieces are split only when every piece is a valid number") {
  auto all = checkPhones("13800138000 1234");
  REQUIRE(all.size() == 1);
  CHECK_FALSE(all[0].valid);
  CHECK(all[0].issues.at(0).detail == "13800138000 1234");
}

TEST_CASE("an empty cell gives a single empty-phone issue") {
  for (const char* cell : {"", "  ", "/", " ， "}) {
    std::string shown = cell;
    CAPTURE(shown);
    auto all = checkPhones(cell);
    REQUIRE(all.size() == 1);
    CHECK_FALSE(all[0].valid);
    CHECK(all[0].issues.at(0).code == IssueCode::PhoneEmpty);
  }
}
