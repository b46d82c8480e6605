// gridctl import end to end: a roster with title rows, a bad row and a repeat, as a county clerk
// imports it twice; --json keys of the command-line contract; --errors, --dry-run, profiles.
#include <doctest/doctest.h>

#include "sandbox.h"

using gl::test::initialized;
using gl::test::Sandbox;

namespace {

// 110101 test vectors (docs/domain.md §1.7): one valid, one with a wrong check digit.
const std::string kRoster =
    "\xEF\xBB\xBF"
    "田镇街道来返人员排查表\r\n"
    "序号,姓名,性别,身份证号,手机号码,详细地址,来源地,抵达时间,管控措施,隔离开始时间,解除隔离时间,健康码,QQ\r\n"
    "1,张三,男,110101190001010014,13800138000,高青县田镇街道银杏社区3号楼2单元301室,上海市浦东新区,2022-11-14,"
    "居家隔离,2022-11-15,2022-11-21,绿码,123456\r\n"
    "2,李四,女,110101190001010015,13800138001,银杏社区3-2-302,上海市,2022-11-14,居家隔离,2022-11-15,2022-11-21,,\r\n"
    "3,张三,男,110101190001010014,13800138000,银杏社区3-2-301,上海市浦东新区,2022-11-14,居家,2022-11-15,2022-11-21,,\r\n";

}  // namespace

TEST_CASE("gridctl import brings a roster in, lists the bad row, and importing it again creates nothing") {
  Sandbox s = initialized(5);
  auto file = s.dir / "roster.csv";
  std::ofstream(file, std::ios::binary) << kRoster;

  auto dry = s.run({"--json", "import", file.string(), "--dry-run"});
  CHECK(dry.exit == 1);  // a row was rejected
  CHECK(dry.json()["persons_created"] == 1);
  CHECK(dry.json()["written"] == false);
  CHECK(s.run({"--json", "search", "张三"}).json().empty());

  auto errors = s.dir / "rejected.csv";
  auto r = s.run({"--json", "import", file.string(), "--errors", errors.string(), "--save-profile", "来返排查"});
  CHECK(r.exit == 1);
  auto j = r.json();
  for (const char* key : {"rows", "imported", "rejected", "skipped", "persons_created", "persons_updated",
                          "households_created", "quarantines_created", "visits_created", "unmapped_columns", "errors"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["rows"] == 3);
  CHECK(j["imported"] == 2);
  CHECK(j["rejected"] == 1);
  CHECK(j["persons_created"] == 1);
  CHECK(j["households_created"] == 1);
  CHECK(j["quarantines_created"] == 1);
  CHECK(j["not_imported_sensitive_columns"] == nlohmann::json::array({"QQ"}));
  REQUIRE(j["errors"].size() == 1);
  CHECK(j["errors"][0]["row"] == 4);
  CHECK(j["errors"][0]["column"] == 4);
  CHECK(j["errors"][0]["message"].get<std::string>().find("check digit") != std::string::npos);
  CHECK(std::filesystem::exists(errors));

  auto found = s.run({"--json", "search", "张三"}).json();
  REQUIRE(found.size() == 1);

  // The second time the saved profile is recognised and nothing new is made.
  auto again = s.run({"--json", "import", file.string()});
  CHECK(again.json()["profile"] == "来返排查");
  CHECK(again.json()["persons_created"] == 0);
  CHECK(again.json()["households_created"] == 0);
  CHECK(again.json()["quarantines_created"] == 0);

  // Human output, in Chinese, names the row and column.
  auto zh = s.run({"--lang", "zh_CN", "import", file.string(), "--all-or-nothing"}, "LANG=C.UTF-8 LANGUAGE=");
  CHECK(zh.exit == 1);
  CHECK(zh.out.find("第 4 行") != std::string::npos);

  auto missing = s.run({"import", (s.dir / "nope.xlsx").string()});
  CHECK(missing.exit == 1);
  CHECK(missing.err.find("nope.xlsx") != std::string::npos);
}

TEST_CASE("gridctl profiles lists, renames and deletes saved import profiles") {
  Sandbox s = initialized();
  auto file = s.dir / "roster.csv";
  std::ofstream(file, std::ios::binary) << kRoster;
  REQUIRE(s.run({"import", file.string(), "--dry-run", "--save-profile", "来返"}).exit == 1);
  auto list = s.run({"--json", "profiles"}).json();
  REQUIRE(list.size() == 1);
  CHECK(list[0]["name"] == "来返");
  CHECK(list[0]["columns"][1] == nlohmann::json({{"header", "姓名"}, {"field", "name"}}));

  auto renamed = s.run({"profiles", "rename", "来返", "来返排查"});
  CHECK(renamed.exit == 0);
  CHECK(renamed.out.find("来返排查") != std::string::npos);
  CHECK(s.run({"--json", "import", file.string(), "--dry-run"}).json()["profile"] == "来返排查");
  // A taken name and a missing profile are refused, naming them.
  REQUIRE(s.run({"import", file.string(), "--dry-run", "--save-profile", "另一个"}).exit == 1);
  auto taken = s.run({"profiles", "rename", "来返排查", "另一个"});
  CHECK(taken.exit == 1);
  CHECK(taken.err.find("另一个") != std::string::npos);
  auto missing = s.run({"profiles", "delete", "没有这个"});
  CHECK(missing.exit == 1);
  CHECK(missing.err.find("没有这个") != std::string::npos);

  CHECK(s.run({"profiles", "delete", "来返排查"}).exit == 0);
  CHECK(s.run({"profiles", "delete", "另一个"}).exit == 0);
  CHECK(s.run({"--json", "profiles", "list"}).json().empty());
  CHECK(s.run({"--json", "import", file.string(), "--dry-run"}).json()["profile"] == "");
}
