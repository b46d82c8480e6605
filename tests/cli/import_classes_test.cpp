// The county files of docs/import.md through the real gridctl: identity columns, one number with two
// names, household numbers, 门牌, register columns, a place that gives the quarantine kind, a missing
// column said once, reasons in the file's words, and region codes that only warn — as a clerk runs it,
// in Chinese and English, with --json for scripts. (tests/exchange/make_county_files.py writes them.)
#include <doctest/doctest.h>

#include <cstdlib>

#include "sandbox.h"

using gl::test::initialized;
using gl::test::Sandbox;

namespace {

std::filesystem::path countyFiles(const Sandbox& s) { return gl::test::generated(s, "make_county_files.py", "files"); }

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

const char* kChinese = "LANG=C.UTF-8 LANGUAGE=zh_CN";

}  // namespace

TEST_CASE("gridctl rejects a truncated number in a 身份证 column, naming the column, the cell and its digits") {
  Sandbox s = initialized();
  auto dir = countyFiles(s);
  auto r = s.run({"--json", "import", (dir / "A1_身份证号列.xlsx").string()});
  CHECK(r.exit == 1);
  auto j = r.json();
  CHECK(j["imported"] == 3);
  CHECK(j["rejected"] == 3);
  bool truncated = false;
  for (const auto& e : j["errors"]) {
    CHECK(e["column"] == 3);
    CHECK(e["header"] == "身份证号");
    std::string message = e["message"];
    truncated |= message == "身份证号 “3703222002” has 10 digits: an identity number has 18";
  }
  CHECK(truncated);
  auto zh = s.run({"import", (dir / "A3_证件号码列.xls").string()}, kChinese);
  CHECK(zh.exit == 1);
  CHECK(zh.out.find("证件号码“3703222002”有 10 位数字：身份证号码应为18位") != std::string::npos);
  // Nothing of it became a travel permit.
  auto search = s.run({"--json", "search", "3703222002"});
  CHECK(search.json().empty());
}

TEST_CASE("gridctl never renames a person by their number, unless --accept-renames, and then lists each rename") {
  Sandbox s = initialized();
  auto dir = countyFiles(s);
  REQUIRE(s.run({"import", (dir / "B0_台账.csv").string()}).exit == 0);
  auto r = s.run({"import", (dir / "B1_一号两名.xlsx").string()}, kChinese);
  CHECK(r.exit == 1);
  CHECK(r.out.find("在台账中属于邱超，本行却是孟思，请核对号码") != std::string::npos);
  CHECK(r.out.find("在本表第 5 行属于张晓，本行却是李晓") != std::string::npos);
  CHECK(s.run({"--json", "search", "邱超"}).json().size() == 1);
  CHECK(s.run({"--json", "search", "孟思"}).json().empty());

  auto accepted = s.run({"--json", "import", "--accept-renames", (dir / "B1_一号两名.xlsx").string()});
  CHECK(accepted.exit == 0);
  auto j = accepted.json();
  REQUIRE(j["renames"].size() == 4);
  CHECK(j["renames"][0]["from"] == "邱超");
  CHECK(j["renames"][0]["to"] == "孟思");
  CHECK(j["renames"][0]["row"] == 3);
}

TEST_CASE("gridctl says a missing column once, before the rows, and the rows name no column") {
  Sandbox s = initialized();
  auto dir = countyFiles(s);
  auto r = s.run({"import", (dir / "G1_无隔离方式.xlsx").string()}, kChinese);
  CHECK(r.exit == 1);
  CHECK(count(r.out, "没有任何一列提供隔离类型") == 1);
  CHECK(r.out.find("--map 列名=quarantine_kind") != std::string::npos);
  CHECK(r.out.find("第 2 行：隔离类型为必填项") != std::string::npos);
  CHECK(r.out.find("第 0 列") == std::string::npos);
  CHECK(r.out.find("没有任何一列") < r.out.find("第 2 行"));
  auto j = s.run({"--json", "import", (dir / "G1_无隔离方式.xlsx").string()}).json();
  REQUIRE(j["missing_columns"].size() == 1);
  CHECK(j["missing_columns"][0]["field"] == "quarantine_kind");
  for (const auto& e : j["errors"]) CHECK(e["column"].is_null());
  // Mapped by hand, the same file goes in.
  auto mapped = s.run({"--json", "import", "--map", "隔离开始时间=start_on", (dir / "F1_隔离地点.xlsx").string()});
  CHECK(mapped.exit == 0);
}

TEST_CASE("gridctl shows the decisions it took from the set of headers, and quotes cells as the file wrote them") {
  Sandbox s = initialized();
  auto dir = countyFiles(s);
  auto doors = s.run({"--json", "import", "--dry-run", (dir / "D1_楼栋门牌.xlsx").string()}).json();
  bool room = false;
  for (const auto& c : doors["columns"])
    if (c["header"] == "门牌号") {
      room = c["field"] == "room";
      CHECK(!c["note"].is_null());
    }
  CHECK(room);
  auto zh = s.run({"import", "--dry-run", (dir / "F2_隔离地点.gbk.csv").string()}, kChinese);
  CHECK(zh.out.find("隔离地点 → 隔离地点（表中没有隔离方式列") != std::string::npos);
  auto sex = s.run({"import", (dir / "H1_性别.gbk.csv").string()}, kChinese);
  CHECK(sex.out.find("性别：“男”与证件号码不符") != std::string::npos);
  CHECK(sex.out.find("“male”") == std::string::npos);
  CHECK(sex.out.find("“female”") == std::string::npos);
}

TEST_CASE("a region code in no edition of GB/T 2260 is a warning in gridctl import and check-id, not an error") {
  Sandbox s = initialized();
  auto dir = countyFiles(s);
  auto r = s.run({"--json", "import", (dir / "I1_地址码.xlsx").string()});
  CHECK(r.exit == 0);
  auto j = r.json();
  CHECK(j["imported"] == 2);
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0]["row"] == 2);
  CHECK(std::string(j["warnings"][0]["message"]).find("110199") != std::string::npos);
  auto check = s.run({"check-id", "110199198001010112"}, kChinese);
  CHECK(check.exit == 0);
  CHECK(check.out.find("地址码 110199 不在任何版本的 GB/T 2260 中") != std::string::npos);
  auto retired = s.run({"--json", "check-id", "110103198001010152"});
  CHECK(retired.json()["valid"] == true);
  CHECK(retired.json().count("warnings") == 0);
}
