#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "temp_ledger.h"

using gl::Error;
using gl::test::TempDir;
using gl::exchange::Cell;
using gl::exchange::SheetRow;

namespace {

Error refused(const std::filesystem::path& file) {
  try {
    gl::exchange::openSpreadsheet(file);
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::BadInput);
    CHECK(e.args().at(0).value == file.string());
    return e;
  }
  FAIL("no error thrown");
  return Error(Error::Kind::Internal, "");
}

}  // namespace

TEST_CASE("a CSV named .xlsx or .xls is read as CSV") {
  TempDir dir;
  for (const char* name : {"花名册.xlsx", "花名册.xls"}) {
    auto reader =
        gl::exchange::openSpreadsheet(dir.write(name, "\xEF\xBB\xBF姓名,电话\r\n张三,13800138000\r\n"));
    CHECK(reader->sheetNames() == std::vector<std::string>{"花名册"});
    SheetRow row;
    REQUIRE(reader->next(row));
    REQUIRE(reader->next(row));
    CHECK(row.number == 2);
    CHECK(row.cells.at(1).kind == Cell::Kind::Text);
    CHECK(row.cells.at(1).text == "13800138000");
  }
}

TEST_CASE("an .xls named .csv is read as .xls") {
  TempDir dir;
  auto out = dir.path / "roster.csv";
  std::string command = std::string(GL_SYSTEM_PYTHON) + " " + GL_EXCHANGE_TEST_DIR + "/make_xls.py roster '" +
                        out.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  auto reader = gl::exchange::openSpreadsheet(out);
  CHECK(reader->sheetNames().size() == 2);
  SheetRow row;
  REQUIRE(reader->next(row));
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(2).kind == Cell::Kind::Number);
}

TEST_CASE("binary garbage named .csv is refused, naming the file") {
  TempDir dir;
  std::mt19937 random(11);
  std::string bytes(8192, '\0');
  for (auto& b : bytes) b = static_cast<char>(random());
  Error e = refused(dir.write("roster.csv", bytes));
  CHECK(e.msgid().find("not a spreadsheet") != std::string::npos);
}

TEST_CASE("an empty file is refused, naming the file") {
  TempDir dir;
  Error e = refused(dir.write("empty.csv", ""));
  CHECK(e.msgid().find("empty") != std::string::npos);
}

TEST_CASE("a GB18030 CSV with no BOM is taken for text and decoded") {
  TempDir dir;
  // 姓名,张三 in GBK: bytes above 0x80 are not control characters.
  auto reader = gl::exchange::openSpreadsheet(dir.write("gbk.txt", "\xD0\xD5\xC3\xFB\n\xD5\xC5\xC8\xFD\n"));
  SheetRow row;
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(0).text == "姓名");
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(0).text == "张三");
}

// Excel's "Unicode text" starts with FF FE and is full of NUL bytes: the dispatcher sends it to the
// CSV reader by its BOM, before the text test that would refuse the NULs.
TEST_CASE("Excel's UTF-16 “Unicode text” is dispatched to the CSV reader") {
  TempDir dir;
  std::string bytes = "\xFF\xFE";
  for (char c : std::string("a\tb\r\n1\t2\r\n")) bytes += std::string{c, '\0'};
  auto reader = gl::exchange::openSpreadsheet(dir.write("unicode.txt", bytes));
  SheetRow row;
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(1).text == "b");
}
