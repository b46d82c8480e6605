// gridctl roster end to end, as a township officer prints tomorrow's lists: each kind to PDF, the
// PDF read back in Chinese (title, page numbers, grid subtotals, total), masked, the same roster as
// .xlsx and .csv, and a scope or date that is wrong refused with a clear message.
#include <doctest/doctest.h>

#include <regex>

#include "sandbox.h"

using gl::test::initialized;
using gl::test::Sandbox;

namespace {

std::string pdfText(const std::filesystem::path& pdf) {
  std::string out;
  FILE* p = popen(("pdftotext -layout " + gl::test::quote(pdf.string()) + " -").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  // pdftotext spaces CJK text unevenly: compare without spaces.
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

}  // namespace

TEST_CASE("gridctl roster prints each kind to PDF, in Chinese, masked, with subtotals and page numbers") {
  Sandbox s = initialized(120);
  const std::string zh = "LANG=C.UTF-8 LANGUAGE=";
  for (const char* kind : {"checks", "releases", "arrivals", "visits-due", "care"}) {
    CAPTURE(kind);
    auto pdf = s.dir / (std::string(kind) + ".pdf");
    auto r = s.run({"--lang", "zh_CN", "--json", "roster", kind, "--date", "2022-11-21", "--out", pdf.string(),
                    "--purpose", "入户核查"}, zh);
    REQUIRE(r.exit == 0);
    auto j = r.json();
    CHECK(j["kind"] == kind);
    CHECK(j["date"] == "2022-11-21");
    CHECK(j["pages"].get<int>() >= 1);
    std::string text = pdfText(pdf);
    CHECK(text.find("第1页/共" + std::to_string(j["pages"].get<int>()) + "页") != std::string::npos);
    CHECK(text.find("合计：" + std::to_string(j["rows"].get<int>())) != std::string::npos);
    CHECK(text.find("网格员（签名）") != std::string::npos);
    CHECK(text.find("入户核查") != std::string::npos);
    CHECK_FALSE(std::regex_search(text, std::regex(R"(\d{17}[\dX])")));
    CHECK_FALSE(std::regex_search(text, std::regex(R"((^|\D)1\d{10}(\D|$))")));
  }
  // The demo county has people on the checks roster that day, grouped by grid with subtotals.
  std::string checks = pdfText(s.dir / "checks.pdf");
  CHECK(checks.find("体温监测名单") != std::string::npos);
  CHECK(checks.find("小计") != std::string::npos);

  auto xlsx = s.run({"roster", "checks", "--date", "2022-11-21", "--out", (s.dir / "checks.xlsx").string()});
  CHECK(xlsx.exit == 0);
  CHECK(std::filesystem::file_size(s.dir / "checks.xlsx") > 1000);
  auto csv = s.run({"roster", "care", "--out", (s.dir / "care.csv").string()});
  CHECK(csv.exit == 0);

  auto badScope = s.run({"roster", "checks", "--scope", "999999999", "--out", (s.dir / "x.pdf").string()});
  CHECK(badScope.exit == 1);
  CHECK(badScope.err.find("999999999") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(s.dir / "x.pdf"));
  auto badDate = s.run({"roster", "checks", "--date", "明天", "--out", (s.dir / "x.pdf").string()});
  CHECK(badDate.exit == 1);
  CHECK(badDate.err.find("明天") != std::string::npos);
  auto badKind = s.run({"roster", "everyone", "--out", (s.dir / "x.pdf").string()});
  CHECK(badKind.exit == 2);
}
