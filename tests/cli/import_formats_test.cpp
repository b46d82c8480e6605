// The "done when", through gridctl: a county clerk imports the three rosters other agencies
// send — a WPS .xlsx with two title rows, a GBK .csv from Excel on Chinese Windows, an old .xls —
// gets every good row in and every bad row listed with its row, column and reason, and importing
// the same files again creates nothing. (tests/exchange/make_clerk_rosters.py writes the files.)
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

#include "sandbox.h"

using gl::test::initialized;
using gl::test::Sandbox;

namespace {

std::filesystem::path clerkRosters(const Sandbox& s) { return gl::test::generated(s, "make_clerk_rosters.py", "rosters"); }

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Expected {
  const char* file;
  int headerRow, badRow;
  const char* reason;  // words of the reason
  const char* person;  // a good row's person
};

}  // namespace

TEST_CASE("a clerk imports a WPS .xlsx, a GBK .csv and an old .xls: good rows in, bad rows listed, again nothing new") {
  Sandbox s = initialized();
  auto dir = clerkRosters(s);
  const Expected files[] = {
      {"WPS花名册.xlsx", 3, 6, "stored as a number", "赵一鸣"},
      {"来返人员.csv", 2, 5, "check digit", "周四海"},
      {"老名单.xls", 2, 5, "check digit", "王七"},
  };
  for (const auto& f : files) {
    CAPTURE(f.file);
    auto r = s.run({"--json", "import", (dir / f.file).string()});
    CHECK(r.exit == 1);  // a row was rejected
    auto j = r.json();
    CHECK(j["header_row"] == f.headerRow);
    CHECK(j["rows"] == 3);
    CHECK(j["imported"] == 2);
    CHECK(j["rejected"] == 1);
    CHECK(j["persons_created"] == 2);
    CHECK(j["households_created"] == 2);
    CHECK(j["quarantines_created"] == 2);
    REQUIRE(j["errors"].size() == 1);
    CHECK(j["errors"][0]["row"] == f.badRow);
    CHECK(j["errors"][0]["column"] == 4);
    CHECK(j["errors"][0]["message"].get<std::string>().find(f.reason) != std::string::npos);
    auto found = s.run({"--json", "search", f.person}).json();
    REQUIRE(found.size() == 1);
    CHECK(found[0]["name"] == f.person);
  }

  // What went in: six cases, their kinds and dates as the three rosters said.
  auto out = s.dir / "quarantines.csv";
  REQUIRE(s.run({"export", "quarantines", "--out", out.string(), "--purpose", "核对导入"}).exit == 0);
  std::string csv = slurp(out);
  std::map<std::string, int> counts;
  for (const char* word : {"home", "central", "2022-11-15", "2022-11-16", "2022-11-17", "2022-11-24"}) {
    std::size_t n = 0;
    for (auto at = csv.find(word); at != std::string::npos; at = csv.find(word, at + 1)) ++n;
    counts[word] = static_cast<int>(n);
  }
  CHECK(counts["central"] == 2);  // 集中隔离 (.xlsx) and 集中隔离点 (.xls)
  CHECK(counts["home"] == 4);     // 居家隔离 and 居家
  CHECK(counts["2022-11-15"] == 2);  // the .xlsx's date serials
  CHECK(counts["2022-11-16"] == 2);  // the .csv's 2022/11/16
  CHECK(counts["2022-11-17"] == 2);
  CHECK(counts["2022-11-24"] == 2);

  // The same three files again: matched, nothing new; the bad rows are listed again.
  for (const auto& f : files) {
    CAPTURE(f.file);
    auto j = s.run({"--json", "import", (dir / f.file).string()}).json();
    CHECK(j["imported"] == 2);
    CHECK(j["rejected"] == 1);
    for (const char* key : {"persons_created", "persons_updated", "households_created", "quarantines_created",
                            "visits_created"})
      CHECK_MESSAGE(j[key] == 0, key);
  }
  auto stats = s.run({"--json", "stats"}).json();
  CHECK(stats["residents"] == 6);
  CHECK(stats["households"] == 6);
  CHECK(stats["quarantines"] == 6);
}
