#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "exchange/csv_writer.h"
#include "exchange/table_export.h"
#include "temp_ledger.h"

using gl::core::Table;
using gl::test::TempLedger;

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a CSV export has a BOM, the data model's header, full values and no tombstoned rows") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("幸福社区1号楼, 2单元 \"东\"")}});
  std::string keep = l->insert(Table::Resident, {{"household", h}, {"name", std::string("郑十一")},
                                                 {"id_number", std::string("110101190001010014")}});
  std::string gone = l->insert(Table::Resident, {{"household", h}, {"name", std::string("王十二")}});
  std::string hk = l->insert(Table::Resident, {{"household", h}, {"name", std::string("=HYPERLINK()")},
                                               {"phone", std::string("+852 91234567")}});
  l->tombstone(Table::Resident, gone);
  auto out = l.dir.path / "residents.csv";
  auto result = gl::exchange::exportTable(*l, Table::Resident, out, "test");
  CHECK(result.rows == 2);
  std::string csv = slurp(out);
  CHECK(csv.rfind("\xEF\xBB\xBF" "id,household,name,sex,id_type,id_number,birth_date,", 0) == 0);
  CHECK(csv.find(keep + "," + h + ",郑十一,male,resident,110101190001010014,1900-01-01") != std::string::npos);
  CHECK(csv.find(gone) == std::string::npos);
  // Canonical values travel whole; typed text that Excel would run as a formula is defused.
  CHECK(csv.find(",+852 91234567,") != std::string::npos);
  CHECK(csv.find(",'=HYPERLINK(),") != std::string::npos);
  CHECK(csv.find("\r\n") != std::string::npos);
  gl::exchange::exportTable(*l, Table::Household, l.dir.path / "households.csv", "test");
  CHECK(slurp(l.dir.path / "households.csv").find("\"幸福社区1号楼, 2单元 \"\"东\"\"\"") != std::string::npos);
}

TEST_CASE("fields that Excel would run as formulas are defused") {
  CHECK(gl::exchange::csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(gl::exchange::csvField("+86") == "'+86");
  CHECK(gl::exchange::csvField("-12") == "-12");
  CHECK(gl::exchange::csvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(gl::exchange::csvField("张三") == "张三");
}

TEST_CASE("a refused export leaves no file behind") {
  TempLedger l;
  CHECK_THROWS_AS(gl::exchange::exportTable(*l, Table::Resident, l.dir.path / "r.txt", "test"), gl::Error);
  CHECK_THROWS_AS(gl::exchange::exportTable(*l, Table::Resident, l.dir.path / "no-such-dir" / "r.csv", "test"), gl::Error);
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(l.dir.path)) files += e.path().extension() != ".gridledger" &&
                                                                                e.path().filename().string().find("gridledger") == std::string::npos;
  CHECK(files == 0);
}
