#include <doctest/doctest.h>

#include <string>

#include "core/mask.h"
#include "core/utf8.h"

using gl::core::maskId;
using gl::core::maskName;
using gl::core::maskPhone;

namespace {

struct Masked {
  const char* value;
  const char* masked;
};

std::size_t codePoints(const std::string& s) {
  return gl::core::utf8::decode(s).size();
}

// The characters of `masked` that are not '*' (what a reader can see).
std::size_t shown(const std::string& masked) {
  std::size_t n = 0;
  for (char32_t c : gl::core::utf8::decode(masked))
    if (c != U'*') ++n;
  return n;
}

}  // namespace

TEST_CASE("identity numbers show the division code and the last four") {
  const Masked cases[] = {
      {"110101190001010014", "110101********0014"},
      {"11010119040229007X", "110101********007X"},
      {"810000195001010010", "810000********0010"},  // HK residence permit
      {"932682198501010017", "932682********0017"},  // foreigner permanent residence, 2023
      {"110101491231001", "110101*****1001"},        // old 15-digit number
      // other documents keep only the last 4
      {"EF1260892", "*****0892"},
      {"E12345678", "*****5678"},
      {"G12345678", "*****5678"},
      {"K12345678", "*****5678"},
      {"C12345678", "*****5678"},              // 港澳通行证
      {"H1234567801", "*******7801"},          // 回乡证, 11 characters
      {"USA123456789012", "***********9012"},  // foreigner card, 2004 version: not an id shape
      {"P.1234567", "*****4567"},
      // damaged numbers are not id-shaped and show less
      {"11010119000101001", "*************1001"},
      {"1101011900010100141", "***************0141"},
      {"110101190001010X14", "**************0X14"},
      // short values never show more than half
      {"12345678", "****5678"},
      {"1234567", "****567"},
      {"123456", "***456"},
      {"1234", "**34"},
      {"123", "**3"},
      {"1", "*"},
      {"", ""},
  };
  for (const auto& c : cases) {
    std::string shownValue = c.value;
    CAPTURE(shownValue);
    std::string m = maskId(c.value);
    CHECK(m == c.masked);
    CHECK(codePoints(m) == codePoints(c.value));
  }
}

TEST_CASE("masking an id written with non-ASCII characters never splits a character") {
  // Un-normalized full-width input is not id-shaped: it falls back to the last four.
  std::string m = maskId("１１０１０１１９０００１０１００１４");
  CHECK(m == "**************００１４");
  CHECK(codePoints(m) == 18);
  CHECK(maskId("护照E1234") == "****234");  // 7 characters: at most half show
}

TEST_CASE("phones show what routes the call and the last four") {
  const Masked cases[] = {
      {"13800138000", "138****8000"},
      {"19912345678", "199****5678"},
      {"0571-88888888", "0571-****8888"},
      {"010-65521234", "010-****1234"},
      {"020-8888888", "020-***8888"},
      {"0571-88888888-123", "0571-****8888-***"},
      {"+852 91234567", "+852 ****4567"},
      {"+853 66123456", "+853 ****3456"},
      {"+886 912345678", "+886 *****5678"},
      {"4008208820", "******8820"},
      {"4008208820-1", "********20-1"},  // no special form for service extensions: half rule
      {"95588", "***88"},
      {"12345", "***45"},
      // several numbers, as the ledger stores them
      {"13800138000,0571-88888888", "138****8000,0571-****8888"},
      {"13800138000,13900139000,+852 91234567", "138****8000,139****9000,+852 ****4567"},
      // shapes the normalizer never produces fall back to the half rule
      {"1380013800", "******3800"},
      {"138001380001", "********0001"},
      {"88888888", "****8888"},
      {"0571-888", "0571-**8"},
      {"+85291234567", "********4567"},
      {"138 0013 8000", "*********8000"},
      {"", ""},
  };
  for (const auto& c : cases) {
    std::string shownValue = c.value;
    CAPTURE(shownValue);
    std::string m = maskPhone(c.value);
    CHECK(m == c.masked);
    CHECK(codePoints(m) == codePoints(c.value));
  }
}

TEST_CASE("a mobile never shows more than seven of its eleven digits") {
  for (const char* phone : {"13800138000", "15012345678", "18612345678"}) {
    std::string shownValue = phone;
    CAPTURE(shownValue);
    CHECK(shown(maskPhone(phone)) == 7);
  }
}

TEST_CASE("names keep the first character only") {
  const Masked cases[] = {
      {"张三", "张*"},
      {"李小龙", "李**"},
      {"欧阳娜娜", "欧***"},
      {"阿依古丽·买买提", "阿*******"},
      {"张", "张"},
      {" 王五 ", "王*"},
      {"Li Lei", "L*****"},
      {"𠀀一", "𠀀*"},  // a character outside the BMP (CJK extension B)
      {"", ""},
  };
  for (const auto& c : cases) {
    std::string shownValue = c.value;
    CAPTURE(shownValue);
    CHECK(maskName(c.value) == c.masked);
  }
}

TEST_CASE("an id of any length shows at most its division code and last four, a short one at most half") {
  for (std::string s = ""; s.size() <= 20; s += static_cast<char>('0' + s.size() % 10)) {
    CAPTURE(s);
    CHECK(shown(maskId(s)) <=
          (s.size() == 15 || s.size() == 18 ? 10 : std::min<std::size_t>(4, s.size() / 2)));
  }
}
