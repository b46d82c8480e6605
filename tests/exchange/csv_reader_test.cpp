// The CSV reader's syntax (exchange/sheet_reader.h): quoting, record ends, the sniffed delimiter,
// blank records and empty fields, every field as text, and the size limits.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "csv_support.h"
#include "exchange/sheet_reader.h"
#include "reader_support.h"
#include "temp_ledger.h"

using gl::Error;
using gl::test::arg;
using gl::test::badInput;
using gl::test::readAll;
using gl::test::TempDir;
using gl::test::texts;
using gl::exchange::Cell;
using gl::exchange::ReadLimits;
using gl::exchange::SheetRow;

TEST_CASE("quoted fields keep delimiters, doubled quotes and line breaks — row numbers count records") {
  TempDir dir;
  auto rows = readAll(dir.write("q.csv",
                                "姓名,地址,备注\n"
                                "张三,\"幸福小区\n3号楼\",\"他说\"\"好\"\"\"\n"
                                "李四,\"a,b\r\nc\",\"\"\n"
                                "王五,x,y\n"));
  REQUIRE(rows.size() == 4);
  CHECK(texts(rows[1]) == std::vector<std::string>{"张三", "幸福小区\n3号楼", "他说\"好\""});
  CHECK(rows[2].cells.size() == 2);  // the quoted empty field is a trailing empty cell
  CHECK(rows[2].cells[1].text == "a,b\r\nc");
  CHECK(rows[3].number == 4);  // the fourth record, on the sixth line
}

TEST_CASE("CRLF, LF and lone CR all end records") {
  TempDir dir;
  for (const char* end : {"\r\n", "\n", "\r"}) {
    std::string e = end;
    auto rows = readAll(dir.write("ends.csv", "a,b" + e + "c,d" + e + "e,f"));
    REQUIRE(rows.size() == 3);
    CHECK(texts(rows[1]) == std::vector<std::string>{"c", "d"});
    CHECK(texts(rows[2]) == std::vector<std::string>{"e", "f"});
    CHECK(rows[2].number == 3);
  }
}

TEST_CASE("the delimiter is sniffed: semicolons, tabs under a title row, commas by default") {
  TempDir dir;
  auto semi = readAll(dir.write("semi.csv", "姓名;年龄;地址\n张三;30;北京,东城\n李四;40;上海\n"));
  REQUIRE(semi.size() == 3);
  CHECK(texts(semi[1]) == std::vector<std::string>{"张三", "30", "北京,东城"});
  auto tabs = readAll(
      dir.write("tabs.txt", "幸福社区花名册\n姓名\t年龄\t地址\n张三\t30\t北京, 东城\n李四\t40\t上海\n"));
  REQUIRE(tabs.size() == 4);
  CHECK(texts(tabs[2]) == std::vector<std::string>{"张三", "30", "北京, 东城"});
  auto single = readAll(dir.write("one.csv", "姓名\n张三\n"));
  REQUIRE(single.size() == 2);
  CHECK(texts(single[1]) == std::vector<std::string>{"张三"});
}

TEST_CASE("a first line naming the delimiter (sep=…), as Excel writes it, sets the delimiter and is not a row") {
  TempDir dir;
  auto rows = readAll(dir.write("sep.csv", "sep=;\r\n姓名;备注\r\n张三;a,b,c,d\r\n"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == 1);
  CHECK(texts(rows[0]) == std::vector<std::string>{"姓名", "备注"});
  CHECK(texts(rows[1]) == std::vector<std::string>{"张三", "a,b,c,d"});
}

TEST_CASE("a stray quote inside an unquoted field is text, and text after a closing quote is kept") {
  TempDir dir;
  auto rows = readAll(dir.write("stray.csv", "名称,尺寸\n5\"屏,ab\"c\n\"引号\"后,x\n"));
  REQUIRE(rows.size() == 3);
  CHECK(texts(rows[1]) == std::vector<std::string>{"5\"屏", "ab\"c"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"引号后", "x"});
}

TEST_CASE("an unterminated quoted field is refused, naming the file and the line it starts on") {
  TempDir dir;
  auto file = dir.write("open.csv", "姓名,地址\n张三,x\n李四,\"幸福小区\n3号楼\n王五,y\n");
  Error e = badInput([&] { readAll(file); });
  CHECK(arg(e, "file") == file.string());
  CHECK(arg(e, "line") == "3");
  CHECK(std::string(e.msgid()).find("never closed") != std::string::npos);
}

TEST_CASE("every field is text: an id in exponent form and leading zeros stay as written") {
  TempDir dir;
  auto rows = readAll(dir.write("types.csv", "身份证号,编号,体温\n3.70322198501011E+17,0012,36.5\n"));
  REQUIRE(rows.size() == 2);
  for (const auto& cell : rows[1].cells) CHECK(cell.kind == Cell::Kind::Text);
  CHECK(texts(rows[1]) == std::vector<std::string>{"3.70322198501011E+17", "0012", "36.5"});
}

TEST_CASE("blank and whitespace-only records are skipped but keep their row numbers") {
  TempDir dir;
  auto rows = readAll(dir.write("blank.csv", "姓名,年龄\n\n ,\u3000\n,,,\n张三,30\n"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].number == 5);  // Excel shows the blank lines as rows 2-4
}

TEST_CASE("empty fields inside a record are Empty cells — trailing ones are left out") {
  TempDir dir;
  auto rows = readAll(dir.write("empty.csv", "a,,c,,,\n"));
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 3);
  CHECK(rows[0].cells[1].kind == Cell::Kind::Empty);
  CHECK(rows[0].cells[2].text == "c");
}

TEST_CASE("a 10 MB field with no delimiter is refused instead of buffered") {
  TempDir dir;
  auto file = dir.write("huge.csv", std::string("姓名\n").append(10 << 20, 'a'));
  Error e = badInput([&] { readAll(file); });
  CHECK(arg(e, "row") == "2");
  CHECK(arg(e, "column") == "1");
  CHECK(arg(e, "limit") == "32767");
  // An open quote swallowing the rest of the file hits the same wall.
  auto quoted = dir.write("quote.csv", std::string("姓名\n\"").append(1 << 20, 'b'));
  badInput([&] { readAll(quoted); });
}

TEST_CASE("the column and row limits are enforced, and trailing commas do not count as columns") {
  TempDir dir;
  ReadLimits limits;
  limits.maxColumns = 3;
  limits.maxRows = 2;
  CHECK(readAll(dir.write("commas.csv", std::string("a,b").append(5000, ',').append("\n")), limits).size() == 1);
  Error wide = badInput([&] { readAll(dir.write("wide.csv", "a,b,c,d\n"), limits); });
  CHECK(arg(wide, "row") == "1");
  auto rows = dir.write("rows.csv", "1\n2\n3\n");
  Error tall = badInput([&] { readAll(rows, limits); });
  CHECK(arg(tall, "limit") == "2");
}

TEST_CASE("openSheet(0) reads the file again from its first row") {
  TempDir dir;
  auto reader = gl::exchange::openCsv(dir.write("again.csv", "a\nb\n"), {});
  SheetRow row;
  REQUIRE(reader->next(row));
  REQUIRE(reader->next(row));
  CHECK_FALSE(reader->next(row));
  reader->openSheet(0);
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(0).text == "a");
  CHECK_THROWS_AS(reader->openSheet(1), Error);
}

TEST_CASE("a NUL character in a CSV read directly is refused") {
  TempDir dir;
  Error e = badInput([&] { readAll(dir.write("nul.csv", std::string("a,b\nc,\0d\n", 9))); });
  CHECK(arg(e, "line") == "2");
}
