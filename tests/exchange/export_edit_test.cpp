// Exports edited and imported again (docs/import.md §4, §6, §7): a record id makes an edit deliberate
// but never lets a row take another person's number or stand for a new person; emptied cells clear;
// a CSV export's formula guards and a rejected-rows file come back without leaving traces.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "core/identity.h"
#include "demo/demo.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"
#include "exchange/table_export.h"
#include "temp_ledger.h"

using gl::core::IssueCode;
using gl::core::Table;

namespace {

struct Sheet {
  std::vector<std::string> header;
  std::map<std::string, std::int64_t> rowOf;  // record id → sheet row
};

Sheet readExport(const std::filesystem::path& file) {
  auto reader = gl::exchange::openSpreadsheet(file);
  reader->openSheet(0);
  Sheet s;
  gl::exchange::SheetRow row;
  while (reader->next(row)) {
    if (s.header.empty()) {
      for (const auto& c : row.cells) s.header.push_back(c.text);
      continue;
    }
    s.rowOf[row.cells.back().text] = row.number;
  }
  return s;
}

int column(const Sheet& s, const std::string& name) {
  for (std::size_t i = 0; i < s.header.size(); ++i)
    if (s.header[i] == name) return static_cast<int>(i) + 1;
  FAIL("no column " << name);
  return 0;
}

// Sets cells of an .xlsx as Excel would (edit_xlsx.py): {row, column, value}; "" empties a cell.
void edit(const std::filesystem::path& file, const std::vector<std::tuple<std::int64_t, int, std::string>>& cells) {
  std::string cmd = std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/edit_xlsx.py' '" + file.string() + "'";
  for (const auto& [row, col, value] : cells)
    cmd.append(" ").append(std::to_string(row)).append(" ").append(std::to_string(col)).append(" '").append(value).append("'");
  REQUIRE(std::system(cmd.c_str()) == 0);
}

std::vector<gl::db::Row> residents(const gl::db::Ledger& l) {
  std::vector<gl::db::Row> out;
  l.forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    if (!r.text("id_number").empty() && !r.text("phone").empty()) out.push_back(r);
  });
  return out;
}

const gl::core::Issue* issueOf(const gl::exchange::ImportReport& r, IssueCode code) {
  for (const auto& row : r.rejectedRows)
    for (const auto& i : row.issues)
      if (i.code == code) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("an edited export may rename by record id, but not take another's number or stand for a new person") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {20, 5});
  auto people = residents(*l);
  REQUIRE(people.size() > 5);
  const auto& a = people[0];
  const auto& b = people[1];
  const auto& c = people[2];
  auto file = l.dir.path / "r.xlsx";
  gl::exchange::exportTable(*l, Table::Resident, file, "核对");
  auto s = readExport(file);
  const int name = column(s, "Name"), number = column(s, "Identity number");

  SUBCASE("a number that is another person's is refused, naming them") {
    edit(file, {{s.rowOf.at(a.id), number, b.text("id_number")}});
    auto report = gl::exchange::importRoster(*l, file, {});
    CHECK(report.rejected == 1);
    const auto* issue = issueOf(report, IssueCode::IdNameMismatch);
    REQUIRE(issue);
    CHECK(issue->column == number);
    CHECK(l->get(Table::Resident, a.id)->text("id_number") == a.text("id_number"));
  }
  SUBCASE("a row with another name and another number (a copied row) is refused at the record id") {
    const std::string first17 = "37032219900101005";
    edit(file, {{s.rowOf.at(a.id), name, "张新"}, {s.rowOf.at(a.id), number, first17 + gl::core::gb11643CheckDigit(first17)}});
    auto report = gl::exchange::importRoster(*l, file, {});
    CHECK(report.rejected == 1);
    const auto* issue = issueOf(report, IssueCode::RecordIdReused);
    REQUIRE(issue);
    CHECK(issue->heading == "Record ID");
    CHECK(l->get(Table::Resident, a.id)->text("name") == a.text("name"));
  }
  SUBCASE("a rename by record id goes in and is listed, and emptied cells clear") {
    edit(file, {{s.rowOf.at(a.id), name, "王芳芳"}, {s.rowOf.at(c.id), column(s, "Phone"), ""}});
    auto report = gl::exchange::importRoster(*l, file, {});
    CHECK(report.rejected == 0);
    CHECK(report.personsUpdated == 2);
    REQUIRE(report.renames.size() == 1);
    CHECK(report.renames[0].from == a.text("name"));
    CHECK(report.renames[0].to == "王芳芳");
    CHECK(l->get(Table::Resident, a.id)->text("name") == "王芳芳");
    CHECK(l->get(Table::Resident, c.id)->text("phone").empty());
    CHECK(l->get(Table::Resident, c.id)->text("id_number") == c.text("id_number"));
  }
}

TEST_CASE("a CSV export whose text Excel would run as a formula re-imports unchanged") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {10, 4});
  auto people = residents(*l);
  REQUIRE(people.size() >= 3);
  l->update(Table::Resident, people[0].id, {{"notes", std::string("-不在家")}});
  l->update(Table::Resident, people[1].id, {{"notes", std::string("=1+1")}});
  l->update(Table::Resident, people[2].id, {{"relation", std::string("+子")}});
  auto csv = l.dir.path / "r.csv";
  gl::exchange::exportTable(*l, Table::Resident, csv, "脚本");
  std::ifstream in(csv, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("'-不在家") != std::string::npos);  // guarded in the file
  auto report = gl::exchange::importRoster(*l, csv, {});
  CHECK(report.rejected == 0);
  CHECK(report.personsUpdated == 0);
  CHECK(l->get(Table::Resident, people[0].id)->text("notes") == "-不在家");
  CHECK(l->get(Table::Resident, people[1].id)->text("notes") == "=1+1");
}

TEST_CASE("a rejected-rows file, fixed, imports again: its reasons column is left out") {
  gl::test::TempLedger l;
  const std::string first17 = "37032219850110003";
  const std::string good = first17 + gl::core::gb11643CheckDigit(first17);
  auto file = l.dir.write("名单.csv", "姓名,身份证号,现住址,居住类型\n钱喆," + good + ",银杏社区5-302,本地人\n");
  auto report = gl::exchange::importRoster(*l, file, {});
  REQUIRE(report.rejected == 1);
  auto errors = l.dir.path / "rejected.csv";
  gl::exchange::writeRejectedRows(report, errors);
  std::ifstream in(errors, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.find("本地人");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("本地人").size(), "常住");
  std::ofstream(errors, std::ios::binary) << text;
  auto again = gl::exchange::importRoster(*l, errors, {});
  CHECK(again.rejected == 0);
  CHECK(again.imported == 1);
  CHECK(again.missingColumns.empty());
  auto ids = l->residentsWithIdNumber(good);
  REQUIRE(ids.size() == 1);
  CHECK(l->get(Table::Resident, ids.front())->text("residence") == "permanent");
}
