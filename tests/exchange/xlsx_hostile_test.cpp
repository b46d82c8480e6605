// Hostile and damaged .xlsx files: declarations, sizes past the limits, missing parts, broken XML,
// decompression bombs, damaged and encrypted zips — each refused quickly, naming the file.
#include <doctest/doctest.h>

#include <xlsxwriter.h>

#include <algorithm>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "exchange/xlsx_parts.h"
#include "xlsx_fixture.h"
#include "xlsx_support.h"

using gl::Error;
using gl::exchange::openXlsx;
using gl::exchange::ReadLimits;
using gl::exchange::SheetReader;
using gl::exchange::SheetRow;
using gl::test::blankSheet;
using gl::test::ScratchDir;
using gl::test::slurp;
using gl::test::spill;
using gl::test::understateSize;
using gl::test::WorkbookXml;
using Kind = gl::exchange::Cell::Kind;
using gl::test::inlineCell;
using gl::test::mentions;
using gl::test::readSheet;
using gl::test::readXlsx;
using gl::test::refusal;


TEST_CASE("xlsx: a DOCTYPE or ENTITY declaration in any part is refused") {
  ScratchDir dir;
  WorkbookXml book;
  book.sharedStrings = "<si><t>x</t></si>";
  book.sheets = {{"Sheet1", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"}};
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
  const std::string external =
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
  struct Case {
    std::string part, xml;
  };
  for (const Case& c : std::vector<Case>{
           {"xl/worksheets/sheet1.xml",
            external +
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
                "</sheetData></worksheet>"},
           {"xl/sharedStrings.xml", laughs + "<sst><si><t>&lol3;</t></si></sst>"},
           {"xl/workbook.xml", "<!DOCTYPE workbook><workbook/>"},
           {"_rels/.rels", "<!DOCTYPE Relationships SYSTEM \"http://example.com/x.dtd\"><Relationships/>"},
           {"xl/styles.xml", "<!DOCTYPE styleSheet [<!ELEMENT styleSheet ANY>]><styleSheet/>"},
       }) {
    CAPTURE(c.part);
    auto parts = gl::test::workbookParts(book);
    gl::test::setPart(parts, c.part, c.xml);
    if (c.part == "xl/styles.xml")
      gl::test::setPart(
          parts, "xl/_rels/workbook.xml.rels",
          "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/Sheet1.XML\"/>"
          "<Relationship Id=\"rId2\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>");
    auto file = dir / "doctype.xlsx";
    gl::test::writeZip(file, parts);
    std::string msgid = refusal(file, [&] { readXlsx(file); });
    CHECK(mentions(msgid, "declares XML entities"));
  }
}

TEST_CASE("xlsx: data beyond maxColumns or maxRows is refused as a sheet too large, naming the sheet") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"花名册", "<row r=\"1\">" + inlineCell("A1", "姓名") +
                                "<c r=\"XFD1\" s=\"1\"/></row>"
                                "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"}};
  auto file = gl::test::writeXlsx(dir / "wide.xlsx", book);
  auto reader = openXlsx(file, {});
  reader->openSheet(0);
  SheetRow row;
  REQUIRE(reader->next(row));  // a styled empty cell at XFD1 costs nothing and is no data
  CHECK(row.cells.size() == 1);
  try {
    reader->next(row);
    FAIL("XFD1048576 was read");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::BadInput);
    CHECK(mentions(e.msgid(), "too large"));
    CHECK(mentions(e.what(), "wide.xlsx"));
    CHECK(mentions(e.what(), "花名册"));
    CHECK(mentions(e.what(), "XFD"));
  }

  ReadLimits limits;
  limits.maxRows = 100;
  book.sheets = {
      {"花名册",
       "<row r=\"100\"><c r=\"A100\"><v>1</v></c></row><row r=\"101\"><c r=\"A101\"><v>1</v></c></row>"}};
  file = gl::test::writeXlsx(dir / "long.xlsx", book);
  std::string msgid = refusal(file, [&] { readXlsx(file, limits); });
  CHECK(mentions(msgid, "row {row}"));
}

TEST_CASE("xlsx: a cell text longer than maxCellBytes is refused") {
  ScratchDir dir;
  ReadLimits limits;
  limits.maxCellBytes = 100;
  std::string longText(101, 'x');
  for (const std::string& sheet : {inlineCell("A1", longText), "<c r=\"A1\"><v>" + longText + "</v></c>",
                                   std::string("<c r=\"A1\" t=\"s\"><v>0</v></c>")}) {
    WorkbookXml book;
    book.sharedStrings =
        "<si><r><t>" + longText.substr(0, 60) + "</t></r><r><t>" + longText.substr(60) + "</t></r></si>";
    book.sheets = {{"Sheet1", "<row r=\"1\">" + sheet + "</row>"}};
    auto file = gl::test::writeXlsx(dir / "long-cell.xlsx", book);
    std::string msgid = refusal(file, [&] { readXlsx(file, limits); });
    CHECK(mentions(msgid, "longer than a cell can hold"));
  }
  WorkbookXml fits;
  fits.sheets = {{"Sheet1", "<row r=\"1\">" + inlineCell("A1", std::string(100, 'x')) + "</row>"}};
  CHECK(readXlsx(gl::test::writeXlsx(dir / "fits.xlsx", fits), limits).at(0).cells.at(0).text.size() == 100);
}

TEST_CASE("xlsx: a zip without workbook.xml or without a sheet's part is not an Excel workbook") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"Sheet1", "<row r=\"1\">" + inlineCell("A1", "a") + "</row>"}};
  for (const char* missing : {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels"}) {
    CAPTURE(missing);
    auto parts = gl::test::workbookParts(book);
    gl::test::removePart(parts, missing);
    auto file = dir / "partial.xlsx";
    gl::test::writeZip(file, parts);
    std::string msgid = refusal(file, [&] { openXlsx(file, {}); });
    CHECK(mentions(msgid, "is not an Excel workbook"));
  }
  auto other = dir / "photos.xlsx";
  gl::test::writeZip(other, {{"photo.txt", "not a workbook"}});
  CHECK(mentions(refusal(other, [&] { openXlsx(other, {}); }), "is not an Excel workbook"));
}

TEST_CASE("xlsx: a cell that names a shared string which does not exist is refused as damaged") {
  ScratchDir dir;
  WorkbookXml book;
  book.sharedStrings = "<si><t>only one</t></si>";
  book.sheets = {{"Sheet1", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"}};
  auto file = gl::test::writeXlsx(dir / "sst.xlsx", book);
  CHECK(mentions(refusal(file, [&] { readXlsx(file); }), "is damaged"));
}

TEST_CASE("xlsx: XML that is not well-formed is refused as damaged, naming the part and line") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"Sheet1", "<row r=\"1\">\n<c r=\"A1\"><v>1</c></row>"}};
  auto file = gl::test::writeXlsx(dir / "broken.xlsx", book);
  try {
    readXlsx(file);
    FAIL("read");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::BadInput);
    CHECK(mentions(e.what(), "broken.xlsx"));
    // Line 1 is the XML declaration; the stray </c> is on line 3.
    CHECK_MESSAGE(mentions(e.what(), "xl/worksheets/sheet1.xml, line 3"), std::string(e.what()));
  }
}

TEST_CASE("xlsx: an entry larger than maxEntryBytes is refused by its stated size before inflating") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"Sheet1", ""}};
  auto parts = gl::test::workbookParts(book);
  gl::test::setPart(parts, "xl/worksheets/sheet1.xml", blankSheet(5 << 20));
  auto file = dir / "bomb.xlsx";
  gl::test::writeZip(file, parts);
  CHECK(std::filesystem::file_size(file) < (64 << 10));
  ReadLimits limits;
  limits.maxEntryBytes = 1 << 20;
  auto reader = openXlsx(file, limits);
  std::string msgid = refusal(file, [&] { reader->openSheet(0); });
  CHECK(mentions(msgid, "unpacks to more than {limit} MB"));
  CHECK(reader->bytesRead() == 0);
  SheetRow row;  // and next() does not fall back to reading some other sheet
  CHECK(mentions(refusal(file, [&] { reader->next(row); }), "unpacks to more than {limit} MB"));
}

TEST_CASE("xlsx: a bomb whose zip directory understates its size is stopped while inflating") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"Sheet1", ""}};
  auto parts = gl::test::workbookParts(book);
  gl::test::setPart(parts, "xl/worksheets/sheet1.xml", blankSheet(5 << 20));
  auto file = dir / "liar.xlsx";
  gl::test::writeZip(file, parts);
  understateSize(file, "xl/worksheets/sheet1.xml", 1000);

  SUBCASE("by maxEntryBytes") {
    ReadLimits limits;
    limits.maxEntryBytes = 1 << 20;
    auto reader = openXlsx(file, limits);
    reader->openSheet(0);
    CHECK(reader->bytesTotal() == 1000);
    SheetRow row;
    CHECK(mentions(refusal(file, [&] { reader->next(row); }), "unpacks to more than {limit} MB"));
    CHECK(reader->bytesRead() <= (1 << 20) + (64 << 10));
  }
  SUBCASE("by maxRatio") {
    auto reader = openXlsx(file, {});  // 200:1 by default; blanks compress about 1000:1
    reader->openSheet(0);
    SheetRow row;
    CHECK(mentions(refusal(file, [&] { reader->next(row); }), "“zip bomb”"));
    CHECK(reader->bytesRead() < (2 << 20));
  }
  SUBCASE("by maxTotalBytes") {
    ReadLimits limits;
    limits.maxTotalBytes = 1 << 20;
    auto reader = openXlsx(file, limits);
    reader->openSheet(0);
    SheetRow row;
    CHECK(mentions(refusal(file, [&] { reader->next(row); }), "in all"));
  }
}

TEST_CASE("xlsx: parts that fit one by one are refused when together they pass maxTotalBytes") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"a", ""}, {"b", ""}};
  auto parts = gl::test::workbookParts(book);
  gl::test::setPart(parts, "xl/worksheets/sheet1.xml", blankSheet(600 << 10));
  gl::test::setPart(parts, "xl/worksheets/sheet2.xml", blankSheet(600 << 10));
  auto file = dir / "two.xlsx";
  gl::test::writeZip(file, parts);
  ReadLimits limits;
  limits.maxTotalBytes = 1 << 20;
  auto reader = openXlsx(file, limits);
  CHECK(readSheet(*reader, 0).empty());
  CHECK(mentions(refusal(file, [&] { reader->openSheet(1); }), "in all"));
}

TEST_CASE("xlsx: truncated, corrupt and password-protected zips are refused") {
  ScratchDir dir;
  WorkbookXml book;
  std::string data;
  for (int r = 1; r <= 3000; ++r)
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
            std::to_string(r * 7919 % 100003) + "</v></c></row>";
  book.sheets = {{"Sheet1", data}};
  auto file = gl::test::writeXlsx(dir / "good.xlsx", book);
  REQUIRE(readXlsx(file).size() == 3000);
  std::string bytes = slurp(file);

  auto truncated = dir / "truncated.xlsx";
  spill(truncated, bytes.substr(0, bytes.size() / 2));
  CHECK(mentions(refusal(truncated, [&] { readXlsx(truncated); }), "is damaged"));

  auto corrupt = dir / "corrupt.xlsx";
  std::string flipped = bytes;
  for (std::size_t i = flipped.size() / 2; i < flipped.size() / 2 + 64; ++i)
    flipped[i] = static_cast<char>(~flipped[i]);
  spill(corrupt, flipped);
  CHECK(mentions(refusal(corrupt, [&] { readXlsx(corrupt); }), "is damaged"));

  auto parts = gl::test::workbookParts(book);
  for (auto& part : parts) part.password = "123456";
  auto locked = dir / "locked.xlsx";
  gl::test::writeZip(locked, parts);
  CHECK(mentions(refusal(locked, [&] { readXlsx(locked); }), "protected by a password"));

  auto missing = dir / "missing.xlsx";
  CHECK(mentions(refusal(missing, [&] { readXlsx(missing); }), "Cannot open"));

  auto text = dir / "text.xlsx";
  spill(text, "姓名,身份证号\n张三,110101199003071234\n");
  CHECK(mentions(refusal(text, [&] { readXlsx(text); }), "is damaged"));
}

