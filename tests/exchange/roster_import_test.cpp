// Importing rosters end to end through the real readers and the ledger (docs/import.md).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "core/error.h"
#include "core/identity.h"
#include "demo/demo.h"
#include "exchange/column_map.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"
#include "exchange/table_export.h"
#include "temp_ledger.h"

using gl::core::Table;
using gl::exchange::ImportField;
using gl::exchange::ImportOptions;
using gl::exchange::importRoster;

namespace {

std::string idOf(const std::string& birth, const std::string& seq) {
  std::string first17 = "370322" + birth + seq;
  return first17 + gl::core::gb11643CheckDigit(first17);
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The 1-based column of an export's header, and the sheet row of each record id (the last column).
int exportColumn(const std::filesystem::path& file, const std::string& header) {
  auto reader = gl::exchange::openSpreadsheet(file);
  reader->openSheet(0);
  gl::exchange::SheetRow row;
  REQUIRE(reader->next(row));
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    if (row.cells[i].text == header) return static_cast<int>(i) + 1;
  FAIL("no column " << header);
  return 0;
}

std::map<std::string, std::int64_t> exportRows(const std::filesystem::path& file) {
  auto reader = gl::exchange::openSpreadsheet(file);
  reader->openSheet(0);
  std::map<std::string, std::int64_t> rows;
  gl::exchange::SheetRow row;
  while (reader->next(row))
    if (!row.cells.empty()) rows[row.cells.back().text] = row.number;
  return rows;
}

std::size_t live(const gl::db::Ledger& l, Table t) {
  std::size_t n = 0;
  l.forEachRow(t, [&](const gl::db::Row&) { ++n; });
  return n;
}

// A police push list as county staff get it: two title rows, a header with synonyms, a column the
// ledger must not collect, a column nobody knows, a blank row and a total row.
std::string policeRoster(const std::string& goodId, const std::string& otherId) {
  std::string badChecksum = goodId.substr(0, 17) + (goodId.back() == '0' ? "1" : "0");
  return "\xEF\xBB\xBF"
         "高青县居家隔离人员花名册,,,,,,,,,,,\r\n"
         "填报单位：田镇街道,,,,,,,,,,,\r\n"
         "序号,姓名,性别,身份证号码,联系电话,现住址,网格,管控措施,隔离开始时间,解除隔离时间,宗教信仰,备用\r\n"
         "1,柏青松,女," + goodId + ",13800138000,高青县田镇街道银杏社区3号楼2单元301室,第1网格,居家隔离,2022-11-15,2022-11-21,无,x\r\n"
         "2,王错号,男," + badChecksum + ",13800138001,银杏社区3-2-302,第1网格,居家隔离,2022-11-15,2022-11-21,,\r\n"
         "3,李未知,男," + otherId + ",13800138002,银杏社区3-2-303,第1网格,隔壁,2022-11-15,2022-11-21,,\r\n"
         ",,,,,,,,,,,\r\n"
         "4,柏青松,女," + goodId + ",13800138000,银杏社区3-2-301,第1网格,居家,2022年11月15日,2022/11/21,,\r\n"
         "合计,4人,,,,,,,,,,\r\n";
}

}  // namespace

TEST_CASE("headers are matched by synonyms, tolerantly — values map onto the ledger's codes") {
  using gl::exchange::codeForValue;
  using gl::exchange::fieldForHeader;
  CHECK(fieldForHeader("身份证号码") == ImportField::IdNumber);
  CHECK(fieldForHeader("公民身份号码") == ImportField::IdNumber);
  CHECK(fieldForHeader(" 联系 电话 ") == ImportField::Phone);
  CHECK(fieldForHeader("体温（℃）") == ImportField::Temperature);
  CHECK(fieldForHeader("体温(°C)") == ImportField::Temperature);
  CHECK(fieldForHeader("隔离开始日期") == ImportField::StartOn);  // 时间 and 日期 alike
  CHECK(fieldForHeader("途径城市") == ImportField::Travel);        // the misspelling of 途经
  CHECK(fieldForHeader("ＱＱ") == ImportField::Sensitive);
  CHECK(fieldForHeader("宗教信仰") == ImportField::Sensitive);
  CHECK_FALSE(fieldForHeader("对方姓名"));          // the contact's name, not the person's
  CHECK_FALSE(fieldForHeader("户主身份证号码"));    // the head of household's number
  CHECK(codeForValue(ImportField::QuarantineKind, "居家") == "home");
  CHECK(codeForValue(ImportField::QuarantineKind, "居家隔离") == "home");
  CHECK(codeForValue(ImportField::QuarantineKind, "集中隔离点") == "central");
  CHECK(codeForValue(ImportField::HealthCode, "绿码") == "green");
  CHECK(codeForValue(ImportField::HealthCode, "绿") == "green");
  CHECK(codeForValue(ImportField::Sex, "M") == "male");
  CHECK(codeForValue(ImportField::Sex, "1") == "male");
  CHECK(codeForValue(ImportField::Sex, "女") == "female");
  CHECK(codeForValue(ImportField::IdType, "hk_permit") == "hk_permit");  // already a code
  CHECK_FALSE(codeForValue(ImportField::QuarantineKind, "隔壁"));
}

TEST_CASE("a roster imports every good row, rejects bad rows with row and column, and a second import changes nothing") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {20, 7});
  std::string good = idOf("19600101", "002"), other = idOf("19700505", "011");
  auto file = l.dir.path / "police.csv";
  writeFile(file, policeRoster(good, other));
  auto residents = live(*l, Table::Resident), quarantines = live(*l, Table::Quarantine);

  auto report = importRoster(*l, file, {});
  CHECK(report.headerRow == 3);
  CHECK(report.rows == 4);
  CHECK(report.imported == 2);  // row 4 and its repeat on row 8
  CHECK(report.rejected == 2);
  CHECK(report.skipped == 1);   // 合计
  CHECK(report.personsCreated == 1);
  CHECK(report.householdsCreated == 1);  // one flat written two ways
  CHECK(report.quarantinesCreated == 1);
  CHECK(report.written);
  CHECK(report.unmappedColumns() == std::vector<std::string>{"备用"});
  CHECK(report.sensitiveColumns() == std::vector<std::string>{"宗教信仰"});
  REQUIRE(report.rejectedRows.size() == 2);
  CHECK(report.rejectedRows[0].row == 5);
  CHECK(report.rejectedRows[0].issues.front().column == 4);
  CHECK(report.rejectedRows[0].issues.front().code == gl::core::IssueCode::IdBadChecksum);
  CHECK(report.rejectedRows[1].row == 6);
  CHECK(report.rejectedRows[1].issues.front().column == 8);
  CHECK(report.rejectedRows[1].issues.front().code == gl::core::IssueCode::ValueNotAllowed);
  CHECK(live(*l, Table::Resident) == residents + 1);
  CHECK(live(*l, Table::Quarantine) == quarantines + 1);

  auto ids = l->residentsWithIdNumber(good);
  REQUIRE(ids.size() == 1);
  auto person = l->get(Table::Resident, ids.front());
  CHECK(person->text("name") == "柏青松");
  CHECK(person->text("phone") == "13800138000");
  auto household = l->get(Table::Household, person->text("household"));
  REQUIRE(household);
  CHECK(household->text("building") == "3");
  CHECK(household->text("unit") == "2");
  CHECK(household->text("room") == "301");
  CHECK_FALSE(household->text("grid").empty());  // 第1网格 is a grid of the ledger

  auto again = importRoster(*l, file, {});
  CHECK(again.imported == 2);
  CHECK(again.personsCreated == 0);
  CHECK(again.personsUpdated == 0);
  CHECK(again.householdsCreated == 0);
  CHECK(again.quarantinesCreated == 0);
  CHECK(live(*l, Table::Resident) == residents + 1);
}

TEST_CASE("a dry run and all-or-nothing with a bad row write nothing — --map and --errors do what they say") {
  gl::test::TempLedger l;
  std::string good = idOf("19600101", "002"), other = idOf("19700505", "011");
  auto file = l.dir.path / "police.csv";
  writeFile(file, policeRoster(good, other));
  auto pending = l->pendingChanges();

  ImportOptions dry;
  dry.dryRun = true;
  auto report = importRoster(*l, file, dry);
  CHECK(report.imported == 2);
  CHECK(report.personsCreated == 1);
  CHECK_FALSE(report.written);
  CHECK(l->pendingChanges() == pending);
  CHECK(live(*l, Table::Resident) == 0);

  ImportOptions strict;
  strict.allOrNothing = true;
  report = importRoster(*l, file, strict);
  CHECK(report.rejected == 2);
  CHECK_FALSE(report.written);
  CHECK(live(*l, Table::Resident) == 0);

  // The unknown column mapped by hand; the rejected rows written for fixing.
  ImportOptions mapped;
  mapped.overrides = {{"备用", "notes"}};
  report = importRoster(*l, file, mapped);
  CHECK(report.unmappedColumns().empty());
  auto ids = l->residentsWithIdNumber(good);
  REQUIRE(ids.size() == 1);
  CHECK(l->get(Table::Resident, ids.front())->text("notes") == "x");
  auto errors = l.dir.path / "rejected.csv";
  gl::exchange::writeRejectedRows(report, errors);
  std::ifstream in(errors, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("王错号") != std::string::npos);
  CHECK(text.find("李未知") != std::string::npos);
  CHECK(text.find("柏青松") == std::string::npos);
  CHECK(text.find("Row 5, column 4") != std::string::npos);

  ImportOptions wrong;
  wrong.overrides = {{"备用", "no_such_field"}};
  CHECK_THROWS_AS(importRoster(*l, file, wrong), gl::Error);
}

TEST_CASE("an id number that Excel turned into a number is rejected, never repaired — a GBK file reads") {
  gl::test::TempLedger l;
  auto file = l.dir.path / "gbk.csv";
  // Excel on Chinese Windows saves CSV as GBK without a BOM.
  std::string utf8 = "姓名,身份证号,现住址\n"
                     "赵镕,3.70322198501011E+17,银杏社区5-301\n"
                     "钱喆," + idOf("19850110", "031") + ",银杏社区5-302\n";
  writeFile(l.dir.path / "utf8.csv", utf8);
  std::string cmd = "iconv -f UTF-8 -t GBK '" + (l.dir.path / "utf8.csv").string() + "' > '" + file.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto report = importRoster(*l, file, {});
  CHECK(report.imported == 1);
  REQUIRE(report.rejected == 1);
  CHECK(report.rejectedRows[0].issues.front().code == gl::core::IssueCode::IdStoredAsNumber);
  auto ids = l->residentsWithIdNumber(idOf("19850110", "031"));
  REQUIRE(ids.size() == 1);
  CHECK(l->get(Table::Resident, ids.front())->text("name") == "钱喆");
}

TEST_CASE("a file without a header row, or that is not a spreadsheet, changes nothing and says why") {
  gl::test::TempLedger l;
  auto file = l.dir.path / "nothing.csv";
  writeFile(file, "a,b,c\n1,2,3\n");
  CHECK_THROWS_AS(importRoster(*l, file, {}), gl::Error);
  writeFile(file, std::string("\x00\x01\x02garbage", 10));
  CHECK_THROWS_AS(importRoster(*l, file, {}), gl::Error);
  CHECK(live(*l, Table::Resident) == 0);
}

TEST_CASE("an .xlsx export edited in a spreadsheet and imported changes exactly the edited cells") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {30, 11});
  auto file = l.dir.path / "residents.xlsx";
  gl::exchange::exportTable(*l, Table::Resident, file, "核对");
  const auto columnOf = [&](const std::string& header) { return exportColumn(file, header); };
  // Everyone before, by id.
  std::map<std::string, gl::db::Row> before;
  std::vector<std::string> order;
  l->forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    before.emplace(r.id, r);
    order.push_back(r.id);
  });
  REQUIRE(order.size() > 10);
  // Rows of the sheet follow the export's order: find the sheet rows of two people by reading ids back.
  auto rowOf = exportRows(file);
  const std::string a = order[3], b = order[7];
  std::string cmd = std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/edit_xlsx.py' '" + file.string() +
                    "' " + std::to_string(rowOf.at(a)) + " " + std::to_string(columnOf("Phone")) + " 13900139000 " +
                    std::to_string(rowOf.at(b)) + " " + std::to_string(columnOf("Notes")) + " 'moved to 5-301'";
  REQUIRE(std::system(cmd.c_str()) == 0);

  auto report = importRoster(*l, file, {});
  CHECK(report.rejected == 0);
  CHECK(report.personsCreated == 0);
  CHECK(report.householdsCreated == 0);
  CHECK(report.personsUpdated == 2);
  std::size_t changedCells = 0;
  l->forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    const auto& old = before.at(r.id);
    for (const auto& c : r.cells)
      if (old[c.column] != c.value) {
        ++changedCells;
        CHECK_MESSAGE(((r.id == a && c.column == "phone") || (r.id == b && c.column == "notes")), r.id << " " << c.column);
      }
  });
  CHECK(changedCells == 2);
  CHECK(l->get(Table::Resident, a)->text("phone") == "13900139000");
  CHECK(l->get(Table::Resident, b)->text("notes") == "moved to 5-301");
}

TEST_CASE("in an export, a person without an id number is matched by the record id, even with the name edited") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {5, 3});
  std::string household;
  l->forEachRow(Table::Household, [&](const gl::db::Row& h) { household = h.id; });
  const std::string child = l->insert(Table::Resident, {{"name", std::string("小明")}, {"household", household}});
  const auto residentsBefore = live(*l, Table::Resident);
  auto file = l.dir.path / "residents.xlsx";
  gl::exchange::exportTable(*l, Table::Resident, file, "核对");
  const std::int64_t childRow = exportRows(file)[child];
  REQUIRE(childRow > 0);
  const int nameColumn = exportColumn(file, "Name");
  std::string cmd = std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/edit_xlsx.py' '" + file.string() +
                    "' " + std::to_string(childRow) + " " + std::to_string(nameColumn) + " 王小明";
  REQUIRE(std::system(cmd.c_str()) == 0);

  auto report = importRoster(*l, file, {});
  CHECK(report.rejected == 0);
  CHECK(report.personsCreated == 0);
  CHECK(report.personsUpdated == 1);
  CHECK(live(*l, Table::Resident) == residentsBefore);
  auto after = l->get(Table::Resident, child);
  REQUIRE(after);
  CHECK(after->text("name") == "王小明");
  CHECK(after->text("household") == household);
}

TEST_CASE("an \"ID\" column of another agency holding id numbers is not taken for record ids") {
  gl::test::TempLedger l;
  writeFile(l.dir.path / "id.csv", "姓名,ID,身份证号\n张三," + idOf("19850101", "001") + "," + idOf("19850101", "001") + "\n");
  auto report = importRoster(*l, l.dir.path / "id.csv", {});
  CHECK(report.imported == 1);
  CHECK(report.personsCreated == 1);
}

TEST_CASE("a row with a visit date is a screening visit — health code and temperature go with it") {
  gl::test::TempLedger l;
  std::string id = idOf("19850110", "031");
  auto file = l.dir.path / "visits.csv";
  writeFile(file, "姓名,身份证号,现住址,走访日期,体温（℃）,健康码,途径城市\n"
                  "钱喆," + id + ",银杏社区5-302,2022-11-19,37.6℃,黄码,上海\n"
                  "孙镕," + idOf("19900101", "022") + ",银杏社区5-303,,36.5,绿码,\n");
  auto report = importRoster(*l, file, {});
  CHECK(report.rejected == 0);
  CHECK(report.visitsCreated == 1);  // the second row has no visit date: it only describes the person
  gl::db::Row visit;
  l->forEachRow(Table::Visit, [&](const gl::db::Row& r) { visit = r; });
  CHECK(visit.text("visited_on") == "2022-11-19");
  CHECK(visit.text("temperature") == "37.6");
  CHECK(visit.text("health_code") == "yellow");
  CHECK(visit.text("travel") == "上海");
  CHECK(visit.text("outcome") == "seen");
  CHECK(visit.text("resident") == l->residentsWithIdNumber(id).front());
  CHECK(importRoster(*l, file, {}).visitsCreated == 0);
}

TEST_CASE("an import asked to stop reports it was cancelled and writes nothing") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {20, 7});
  auto file = l.dir.path / "police.csv";
  writeFile(file, policeRoster(idOf("19600101", "002"), idOf("19700505", "011")));
  auto residents = live(*l, Table::Resident), quarantines = live(*l, Table::Quarantine);
  std::stop_source stop;
  std::int64_t heard = 0, total = 0;
  ImportOptions options;
  options.progress = gl::core::Reporter([&](const gl::core::Progress& p) {
    ++heard;
    total = p.total;
    stop.request_stop();  // the user presses Cancel as the first row is read
  }, stop.get_token());
  auto report = importRoster(*l, file, options);
  CHECK(heard >= 1);
  CHECK(total > 0);  // bytes of the file
  CHECK(report.cancelled);
  CHECK_FALSE(report.written);
  CHECK(live(*l, Table::Resident) == residents);
  CHECK(live(*l, Table::Quarantine) == quarantines);
}
