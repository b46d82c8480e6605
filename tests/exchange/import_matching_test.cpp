// How an import finds the people and households a file's rows name, whatever the state of the
// writer's queue and whichever way the ledger is looked up (docs/import.md "Matching"): read whole
// when it is small beside the file, asked through the search index when it is a county's.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>

#include "core/identity.h"
#include "db/writer.h"
#include "demo/demo.h"
#include "exchange/roster_import.h"
#include "temp_ledger.h"

using gl::core::Table;

namespace import_matching {

std::string number(const std::string& birth, const std::string& seq) {
  std::string first17 = "370322" + birth + seq;
  return first17 + gl::core::gb11643CheckDigit(first17);
}

std::size_t liveRows(const gl::db::Ledger& l, Table t) {
  std::size_t n = 0;
  l.forEachRow(t, [&](const gl::db::Row&) { ++n; });
  return n;
}

gl::exchange::ImportReport importText(gl::test::TempLedger& l, const std::string& name, const std::string& text) {
  const auto file = l.dir.path / name;
  std::ofstream(file, std::ios::binary) << text;
  return gl::exchange::importRoster(*l, file, {});
}

// An empty ledger (read whole) and a demo county's (looked up row by row).
void eachLedgerSize(const std::function<void(gl::test::TempLedger&)>& test) {
  SUBCASE("a small ledger") {
    gl::test::TempLedger l;
    test(l);
  }
  SUBCASE("a county's ledger") {
    gl::test::TempLedger l;
    gl::demo::generate(*l, {400, 5});
    test(l);
  }
}

}  // namespace import_matching

using namespace import_matching;

TEST_CASE("a number an edited export gives a person finds that person on a later row of the same file") {
  eachLedgerSize([](gl::test::TempLedger& l) {
    const std::string oldNumber = number("19800101", "011"), newNumber = number("19800101", "029");
    std::string household, person;
    l->write([&](gl::db::Writer& w) {
      household = w.insert(Table::Household, {{"address", std::string("高青县田镇街道槐树社区9号楼1单元101室")}});
      person = w.insert(Table::Resident, {{"household", household}, {"name", std::string("聂文斌")},
                                          {"id_number", oldNumber}});
    });
    const auto residents = liveRows(*l, Table::Resident);
    // The first row, matched by its record id, corrects the number; the second names the new number.
    auto report = importText(l, "fix.csv",
                             "记录编号,姓名,身份证号,联系电话\n" + person + ",聂文斌," + newNumber + ",\n" +
                                 ",聂文斌," + newNumber + ",13905330011\n");
    CHECK(report.rejected == 0);
    CHECK(report.personsCreated == 0);
    CHECK(liveRows(*l, Table::Resident) == residents);
    auto after = l->get(Table::Resident, person);
    REQUIRE(after);
    CHECK(after->text("id_number") == newNumber);
    CHECK(after->text("phone") == "13905330011");
  });
}

TEST_CASE("a row without a number finds the person an earlier row of the file created in its flat") {
  eachLedgerSize([](gl::test::TempLedger& l) {
    const auto residents = liveRows(*l, Table::Resident);
    const std::string text = "姓名,身份证号,联系电话,现住址\n"
                             "郁晓彤," + number("19900305", "022") + ",13905331234,高青县田镇街道槐树社区7号楼2单元302室\n"
                             "郁晓彤,,13905331234,高青县田镇街道槐树社区7号楼2单元302室\n"
                             "郁 晓彤,,13905331234,槐树社区7-2-302\n";
    auto first = importText(l, "list.csv", text);
    CHECK(first.rejected == 0);
    CHECK(first.personsCreated == 1);
    CHECK(liveRows(*l, Table::Resident) == residents + 1);
    auto again = importText(l, "list.csv", text);
    CHECK(again.personsCreated == 0);
    CHECK(again.personsUpdated == 0);
    CHECK(again.householdsCreated == 0);
  });
}

TEST_CASE("another agency's household code is read as a household number: widths folded, spaces trimmed") {
  eachLedgerSize([](gl::test::TempLedger& l) {
    const auto households = liveRows(*l, Table::Household);
    const std::string text = "姓名,身份证号,户编号,现住址\n"
                             "桂明远," + number("19700712", "031") + ",ＨＨ００１２,高青县花沟镇前进村\n"
                             "桂小雨," + number("20010203", "042") + ",\u3000HH0012\u3000,高青县花沟镇前进村\n"
                             "桂长青," + number("19450918", "051") + ", HH0012 ,高青县花沟镇前进村\n";
    auto first = importText(l, "register.csv", text);
    CHECK(first.rejected == 0);
    CHECK(first.householdsCreated == 1);
    CHECK(liveRows(*l, Table::Household) == households + 1);
    std::size_t numbered = 0;
    l->forEachRow(Table::Household, [&](const gl::db::Row& h) { numbered += h.text("household_no") == "HH0012"; });
    CHECK(numbered == 1);
    auto again = importText(l, "register.csv", text);
    CHECK(again.householdsCreated == 0);
    CHECK(again.personsCreated == 0);
    CHECK(again.personsUpdated == 0);
  });
}

TEST_CASE("a long file's rows are matched and reported in the file's order, whichever thread read them") {
  using namespace import_matching;
  gl::test::TempLedger l;
  // 6,000 rows: two dozen batches, turned into records by the reading thread or by the writer. Every
  // 7th row's number is truncated; every 50th row repeats the person of the row 25 before it.
  std::string text = "姓名,身份证号,现住址\n";
  std::vector<std::int64_t> bad;
  auto birth = [](int i) { return "19" + std::to_string(50 + i % 40) + "0" + std::to_string(1 + i % 9) + "1" + std::to_string(i % 9); };
  auto seq = [](int i) { return std::to_string(100 + i / 40 % 900); };
  for (int i = 0; i < 6000; ++i) {
    const int who = i % 50 == 49 ? i - 25 : i;
    std::string id = number(birth(who), seq(who));
    if (i % 7 == 3) {
      id = id.substr(0, 10);
      bad.push_back(i + 2);  // the sheet's row: the header is row 1
    }
    text += "住户" + std::to_string(who) + "," + id + ",高青县芦湖街道新城社区" + std::to_string(who) + "号\n";
  }
  auto report = importText(l, "long.csv", text);
  REQUIRE(report.rejectedRows.size() == bad.size());
  for (std::size_t k = 0; k < bad.size(); ++k) CHECK(report.rejectedRows[k].row == bad[k]);
  CHECK(report.imported == 6000 - static_cast<std::int64_t>(bad.size()));
  // Each person holds their own number and name: no row was read into another's record.
  for (int i : {0, 1, 255, 256, 2047, 4097, 5998}) {
    if (i % 7 == 3 || i % 50 == 49) continue;
    auto ids = l->residentsWithIdNumber(number(birth(i), seq(i)));
    REQUIRE(ids.size() == 1);
    CHECK(l->get(Table::Resident, ids[0])->text("name") == "住户" + std::to_string(i));
  }
}

TEST_CASE("text an import builds from several cells is checked as any cell: length and characters") {
  using namespace import_matching;
  gl::test::TempLedger l;
  const std::string longAddress = "高青县芦湖街道新城社区" + std::string(187, 'a');  // 198 characters
  std::string text = "姓名,身份证号,现住址,门牌号\n";
  text += "甲一," + number("19800101", "101") + "," + longAddress + ",123\n";  // 203 with the house number
  text += "乙二," + number("19800102", "102") + ",高青县新城社区3栋2单元1234567890123456789012345室,\n";
  text += std::string("丙三,") + number("19800103", "103") + ",高青县新城社区5号,12\x01\n";
  text += "丁四," + number("19800104", "104") + ",高青县新城社区6号,7\n";
  auto report = importText(l, "built.csv", text);
  CHECK(report.imported == 1);
  REQUIRE(report.rejectedRows.size() == 3);
  auto says = [&](std::size_t k, gl::core::IssueCode code, std::string_view field) {
    for (const auto& issue : report.rejectedRows[k].issues)
      if (issue.code == code && issue.field == field) return true;
    return false;
  };
  CHECK(says(0, gl::core::IssueCode::FieldTooLong, "address"));
  CHECK(says(1, gl::core::IssueCode::FieldTooLong, "room"));
  CHECK(says(2, gl::core::IssueCode::BadText, "address"));
  CHECK(liveRows(*l, Table::Resident) == 1);
}
