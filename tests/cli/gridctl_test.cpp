// End-to-end: the real gridctl binary on a ledger in a temporary folder, as a script or a user runs it.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "sandbox.h"

using gl::test::initialized;
using gl::test::quote;
using gl::test::Run;
using gl::test::Sandbox;

TEST_CASE("init creates a ledger once and refuses to overwrite it") {
  Sandbox s;
  auto r = s.run({"--json", "init", "--county", "370322", "--name", "高青县"});
  CHECK(r.exit == 0);
  CHECK(r.json()["county"] == "370322");
  CHECK(std::filesystem::exists(s.db()));
  auto again = s.run({"init", "--county", "370322", "--name", "高青县"});
  CHECK(again.exit == 1);
  CHECK(again.err.find("already exists") != std::string::npos);
  Sandbox refused;
  auto bad = refused.run({"init", "--county", "3703", "--name", "x"});
  CHECK(bad.exit == 1);
  CHECK(bad.err.find("6 digits") != std::string::npos);
  CHECK(refused.run({"init", "--county", "370322", "--name", " "}).exit == 1);
  CHECK_FALSE(std::filesystem::exists(refused.db()));  // a refused init leaves nothing behind
  CHECK(refused.run({"init", "--county", "370322", "--name", "高青县"}).exit == 0);
}

TEST_CASE("usage errors exit 2 and commands on a missing ledger exit 1 with a message") {
  Sandbox s;
  CHECK(s.run({}).exit == 2);
  CHECK(s.run({"frobnicate"}).exit == 2);
  CHECK(s.run({"demo"}).exit == 2);
  CHECK(s.run({"search"}).exit == 2);
  auto missing = s.run({"stats"});
  CHECK(missing.exit == 1);
  CHECK(missing.err.find("No ledger") != std::string::npos);
  CHECK(s.run({"--help"}).exit == 0);
}

TEST_CASE("check-id validates, normalizes and derives, with the contract's JSON") {
  Sandbox s;
  auto ok = s.run({"--json", "check-id", "１１０１０１１９６００１０１００２x"});
  CHECK(ok.exit == 0);
  auto j = ok.json();
  CHECK(j["valid"] == true);
  CHECK(j["normalized"] == "11010119600101002X");
  CHECK(j["kind"] == "resident");
  CHECK(j["birth_date"] == "1960-01-01");
  CHECK(j["sex"] == "female");
  CHECK(j["error"].is_null());

  auto lost = s.run({"--json", "check-id", "3.70322198501011E+17"});
  CHECK(lost.exit == 1);
  CHECK(lost.json()["valid"] == false);
  CHECK(lost.json()["error"].get<std::string>().find("stored as a number") != std::string::npos);
  CHECK(lost.err.find("stored as a number") != std::string::npos);

  auto upgraded = s.run({"--json", "check-id", "110101491231001"});
  CHECK(upgraded.json()["normalized"] == "110101194912310016");
  auto human = s.run({"check-id", "110101190002290011"});
  CHECK(human.exit == 1);
  CHECK(human.out.empty());
  CHECK(human.err.find("real birth date") != std::string::npos);
}

TEST_CASE("messages follow --lang and the system locale") {
  Sandbox s;
  auto zh = s.run({"--lang", "zh_CN", "check-id", "110101190001010015"});
  CHECK(zh.exit == 1);
  CHECK(zh.err.find("校验") != std::string::npos);
  auto sys = s.run({"check-id", "110101190001010015"}, "LANG=zh_CN.UTF-8 LANGUAGE=");
  CHECK(sys.err.find("校验") != std::string::npos);
  auto en = s.run({"--lang", "en", "check-id", "110101190001010015"}, "LANG=zh_CN.UTF-8");
  CHECK(en.err.find("check digit") != std::string::npos);
}

TEST_CASE("demo, stats and search work together on a demo county") {
  Sandbox s = initialized(300);
  auto stats = s.run({"--json", "stats"});
  REQUIRE(stats.exit == 0);
  auto j = stats.json();
  for (auto key : {"regions", "grids", "workers", "households", "residents", "quarantines", "health_checks", "visits",
                   "campaigns", "policies", "active_quarantines", "checks_due_today"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["households"] == 300);
  CHECK(j["residents"].get<long long>() > 300);

  auto zs = s.run({"--json", "search", "z", "--limit", "5"});
  REQUIRE(zs.exit == 0);
  auto hits = zs.json();
  REQUIRE(hits.size() == 5);
  for (const auto& h : hits) {
    CHECK(h["table"] == "resident");
    std::string id = h["id_number"];
    CHECK(id.find("********") == 6);  // masked: 110101********0014
    CHECK(h.contains("household"));
    CHECK(h.contains("grid"));
  }
  CHECK(s.run({"search", "没有这个人"}).out.find("Nothing found") != std::string::npos);
}

TEST_CASE("set and delete edit records by id number, refuse bad values, and export shows the result") {
  Sandbox s = initialized(20);
  auto csv = s.dir / "residents.csv";
  REQUIRE(s.run({"export", "residents", "--out", csv.string()}).exit == 0);
  std::ifstream in(csv);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  CHECK(header.find("id,household,name,sex,id_type,id_number") != std::string::npos);
  // The sixth field of the first row is its identity number.
  std::vector<std::string> fields;
  std::stringstream row(first);
  for (std::string f; std::getline(row, f, ',');) fields.push_back(f);
  REQUIRE(fields.size() > 6);
  std::string idNumber = fields[5];

  auto set = s.run({"--json", "set", "residents", idNumber, "phone=13800138000", "notes=独居老人"});
  CHECK(set.exit == 0);
  CHECK(set.json()["id"] == fields[0]);
  auto bad = s.run({"set", "residents", idNumber, "phone=1234567"});
  CHECK(bad.exit == 1);
  CHECK(bad.err.find("Phone") != std::string::npos);
  CHECK(s.run({"set", "residents", idNumber, "religion=x"}).exit == 1);
  CHECK(s.run({"set", "residents", "110101190001010014", "notes=x"}).exit == 1);  // nobody has it
  CHECK(s.run({"set", "nosuchtable", fields[0], "a=b"}).exit == 1);

  auto found = s.run({"--json", "search", "8000"}).json();
  bool sawPhone = false;
  for (const auto& h : found) sawPhone |= h["id"] == fields[0];
  CHECK(sawPhone);

  auto del = s.run({"--json", "delete", "residents", fields[0]});
  CHECK(del.exit == 0);
  CHECK(s.run({"delete", "residents", fields[0]}).exit == 1);
  REQUIRE(s.run({"export", "residents", "--out", csv.string()}).exit == 0);
  std::ifstream again(csv);
  std::string all((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
  CHECK(all.find(fields[0]) == std::string::npos);
}

TEST_CASE("a ledger killed in the middle of a large write is consistent with everything committed before") {
  Sandbox s = initialized(50);
  // SIGKILL while a demo county is being written, one township per transaction.
  std::string cmd = "env LANG=C.UTF-8 " + quote(GRIDCTL) + " --db " + quote(s.db()) +
                    " demo --households 20000 --seed 9 >/dev/null 2>&1 & pid=$!; sleep 0.7; kill -9 $pid; wait $pid";
  CHECK(std::system(cmd.c_str()) != -1);
  auto stats = s.run({"--json", "stats"});
  REQUIRE(stats.exit == 0);
  long long households = stats.json()["households"];
  CHECK(households >= 50);
  // The kept counts agree with the rows actually there, and a whole export reads back every one.
  auto csv = s.dir / "households.csv";
  auto exported = s.run({"--json", "export", "households", "--out", csv.string()});
  REQUIRE(exported.exit == 0);
  CHECK(exported.json()["rows"] == households);
  auto check = s.run({"--json", "search", "zs"});
  CHECK(check.exit == 0);
  CHECK(s.run({"demo", "--households", "10", "--seed", "10"}).exit == 0);  // and it takes new writes
}

TEST_CASE("export residents to .xlsx keeps every digit of the identity numbers and names the purpose") {
  Sandbox s = initialized(30);
  auto xlsx = s.dir / "residents.xlsx";
  auto exported = s.run({"--json", "export", "residents", "--out", xlsx.string(), "--purpose", "核对"});
  REQUIRE(exported.exit == 0);
  long long rows = exported.json()["rows"];
  CHECK(rows == s.run({"--json", "stats"}).json()["residents"].get<long long>());
  CHECK(std::filesystem::status(xlsx).permissions() ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

  // Read back by openpyxl (Debian's python3) through the exchange tests' checker.
  auto checker = std::filesystem::path(__FILE__).parent_path().parent_path() / "exchange" / "check_xlsx.py";
  FILE* p = popen(("/usr/bin/python3 " + quote(checker.string()) + " " + quote(xlsx.string())).c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  REQUIRE(pclose(p) == 0);
  auto sheet = nlohmann::json::parse(out);
  auto header = sheet["header"];
  REQUIRE(header.size() > 6);
  // gridctl runs in English here: the fields' English names, the ids last.
  CHECK(header[0] == "Name");
  CHECK(header[3] == "Identity number");
  CHECK(header.back() == "Record ID");
  REQUIRE(sheet["rows"].size() == static_cast<std::size_t>(rows));
  CHECK(sheet["columns"]["Identity number"]["kinds"] == nlohmann::json::array({"text"}));
  CHECK(sheet["columns"]["Date of birth"]["kinds"] == nlohmann::json::array({"date"}));
  CHECK(std::string(sheet["footer"]["right"]).find("核对") != std::string::npos);
  CHECK(sheet["freeze"] == "A2");

  // The same identity numbers, digit for digit, as the CSV export of the same ledger.
  auto csv = s.dir / "residents.csv";
  REQUIRE(s.run({"export", "residents", "--out", csv.string()}).exit == 0);
  std::ifstream in(csv);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int full = 0;
  for (const auto& row : sheet["rows"]) {
    if (!row[3].is_string()) continue;
    std::string id = row[3];
    CHECK(all.find("," + id + ",") != std::string::npos);
    full += id.size() == 18;
  }
  CHECK(full > 30);
  for (const auto& e : std::filesystem::directory_iterator(s.dir))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

  auto bad = s.run({"export", "residents", "--out", (s.dir / "residents.txt").string()});
  CHECK(bad.exit == 1);
  CHECK(bad.err.find(".xlsx") != std::string::npos);
  CHECK(bad.err.find(".csv") != std::string::npos);
}
