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


TEST_CASE("xlsx: shared, inline and formula strings, numbers, booleans and errors come back as stored") {
  ScratchDir dir;
  WorkbookXml book;
  book.sharedStrings = "<si><t>张三</t></si><si><t>110101199003071234</t></si>";
  book.sheets = {
      {"花名册",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>" + inlineCell("B1", "李四") +
           "<c r=\"C1\" t=\"str\"><f>A1&amp;\"x\"</f><v>张三x</v></c><c r=\"D1\" t=\"b\"><v>1</v></c>"
           "<c r=\"E1\" t=\"e\"><v>#N/A</v></c><c r=\"F1\" t=\"s\"><v>1</v></c></row>"
           "<row r=\"2\"><c r=\"A2\"><v>3.70322198501011E+17</v></c><c r=\"B2\" t=\"n\">"
           "<v>370322198501011000</v></c><c r=\"C2\"><v>36.5</v></c><c r=\"D2\" t=\"b\"><v>0</v></c></row>"}};
  auto rows = readXlsx(gl::test::writeXlsx(dir / "kinds.xlsx", book));
  REQUIRE(rows.size() == 2);
  const auto& a = rows[0].cells;
  REQUIRE(a.size() == 6);
  CHECK((a[0].kind == Kind::Text && a[0].text == "张三"));
  CHECK((a[1].kind == Kind::Text && a[1].text == "李四"));
  CHECK((a[2].kind == Kind::Text && a[2].text == "张三x"));
  CHECK((a[3].kind == Kind::Boolean && a[3].number == 1 && a[3].text == "TRUE"));
  CHECK((a[4].kind == Kind::Error && a[4].text == "#N/A"));
  CHECK((a[5].kind == Kind::Text && a[5].text == "110101199003071234"));
  const auto& b = rows[1].cells;
  REQUIRE(b.size() == 4);
  CHECK((b[0].kind == Kind::Number && b[0].text == "3.70322198501011E+17" &&
         b[0].number == 3.70322198501011E+17));
  CHECK((b[1].kind == Kind::Number && b[1].text == "370322198501011000"));
  CHECK((b[2].kind == Kind::Number && b[2].number == 36.5 && b[2].text == "36.5"));
  CHECK((b[3].kind == Kind::Boolean && b[3].number == 0 && b[3].text == "FALSE"));
}

TEST_CASE(
    "xlsx: rich-text runs are joined, phonetic runs left out, spaces kept and _xHHHH_ escapes decoded") {
  ScratchDir dir;
  WorkbookXml book;
  book.sharedStrings =
      "<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space=\"preserve\">小 明</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ワン</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t xml:space=\"preserve\">  前后空格  </t></si>"
      "<si><t>第一行_x000D_\n第二行</t></si>"
      "<si><t>_x005F_x0041_ and _xD83D__xDE00_</t></si>";
  book.sheets = {
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
       "<c r=\"E1\" t=\"inlineStr\"><is><r><t>赵</t></r><r><t>六</t></r><rPh><t>zhao</t></rPh></is></c>"
       "<c r=\"F1\" t=\"inlineStr\"><is><t>A_x000D_B</t></is></c></row>"}};
  auto rows = readXlsx(gl::test::writeXlsx(dir / "rich.xlsx", book));
  REQUIRE(rows.size() == 1);
  const auto& c = rows[0].cells;
  REQUIRE(c.size() == 6);
  CHECK(c[0].text == "王小 明");
  CHECK(c[1].text == "  前后空格  ");
  CHECK(c[2].text == "第一行\r\n第二行");
  CHECK(c[3].text == "_x0041_ and \xF0\x9F\x98\x80");
  CHECK(c[4].text == "赵六");
  CHECK(c[5].text == "A\rB");
}

TEST_CASE("xlsx: cell references place cells — empty cells and rows of empty cells are left out") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {
      {"Sheet1",
       "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"inlineStr\"><is><t></t></is></c>"
       "<c r=\"C1\" t=\"str\"><f>\"\"</f><v></v></c></row>"
       "<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"E3\"><v>2</v></c></row>"
       "<row r=\"7\"><c><v>1</v></c><c><v>2</v></c><c r=\"E7\"><v>5</v></c><c><v>6</v></c></row>"
       "<row><c><v>8</v></c></row><row r=\"9\"/>"}};
  auto rows = readXlsx(gl::test::writeXlsx(dir / "refs.xlsx", book));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].number == 3);
  REQUIRE(rows[0].cells.size() == 5);
  CHECK(rows[0].cells[0].kind == Kind::Empty);
  CHECK(rows[0].cells[1].text == "1");
  CHECK(rows[0].cells[2].kind == Kind::Empty);
  CHECK(rows[0].cells[4].text == "2");
  CHECK(rows[1].number == 7);
  REQUIRE(rows[1].cells.size() == 6);
  CHECK(rows[1].cells[0].text == "1");
  CHECK(rows[1].cells[1].text == "2");
  CHECK(rows[1].cells[3].kind == Kind::Empty);
  CHECK(rows[1].cells[4].text == "5");
  CHECK(rows[1].cells[5].text == "6");
  CHECK(rows[2].number == 8);
  CHECK(rows[2].cells.size() == 1);
}

TEST_CASE("xlsx: numbers shown in a date format are dates, in the 1900 or the 1904 system") {
  ScratchDir dir;
  WorkbookXml book;
  book.styles =
      "<numFmts count=\"3\"><numFmt numFmtId=\"176\" "
      "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"177\" formatCode=\"[$-804]yyyy/m/d\"/><numFmt numFmtId=\"178\" "
      "formatCode=\"0.0&quot;天&quot;\"/>"
      "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs count=\"8\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/>"
      "<xf numFmtId=\"177\"/><xf numFmtId=\"178\"/><xf numFmtId=\"49\"/><xf numFmtId=\"58\"/><xf "
      "numFmtId=\"20\"/></cellXfs>";
  book.sheets = {
      {"Sheet1",
       "<row r=\"1\"><c r=\"A1\" s=\"0\"><v>45413</v></c><c r=\"B1\" s=\"1\"><v>45413</v></c>"
       "<c r=\"C1\" s=\"2\"><v>32939</v></c><c r=\"D1\" s=\"3\"><v>45413</v></c><c r=\"E1\" "
       "s=\"4\"><v>7</v></c>"
       "<c r=\"F1\" s=\"5\"><v>45413</v></c><c r=\"G1\" s=\"6\"><v>45413</v></c><c r=\"H1\" "
       "s=\"7\"><v>0.5</v></c>"
       "<c r=\"I1\" t=\"d\"><v>2024-05-01T12:00:00</v></c><c r=\"J1\" s=\"99\"><v>1</v></c></row>"}};
  auto reader = openXlsx(gl::test::writeXlsx(dir / "dates.xlsx", book), {});
  CHECK_FALSE(reader->date1904());
  auto rows = readSheet(*reader);
  REQUIRE(rows.size() == 1);
  const auto& c = rows[0].cells;
  REQUIRE(c.size() == 10);
  CHECK(c[0].kind == Kind::Number);
  CHECK((c[1].kind == Kind::Date && c[1].number == 45413));
  CHECK((c[2].kind == Kind::Date && c[2].number == 32939));
  CHECK(c[3].kind == Kind::Date);
  CHECK(c[4].kind == Kind::Number);  // 0.0"天" is a count of days, not a date
  CHECK(c[5].kind == Kind::Number);  // "@" (text format) holding a number
  CHECK(c[6].kind == Kind::Date);
  CHECK((c[7].kind == Kind::Date && c[7].number == 0.5));
  CHECK((c[8].kind == Kind::Date && c[8].number == 45413.5));
  CHECK(c[9].kind == Kind::Number);  // a style index past cellXfs is not a date

  book.date1904 = true;
  book.styles.clear();
  book.sheets = {{"Sheet1", "<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2024-05-01</v></c></row>"}};
  auto mac = openXlsx(gl::test::writeXlsx(dir / "mac.xlsx", book), {});
  CHECK(mac->date1904());
  rows = readSheet(*mac);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells[0].number == 43951);
}

TEST_CASE("xlsx: a number format is a date when y, m, d, h or s stands outside quotes and brackets") {
  using gl::exchange::xlsx::isDateFormat;
  for (int id : {14, 17, 22, 27, 31, 36, 45, 47, 50, 55, 58}) CHECK_MESSAGE(isDateFormat(id, ""), id);
  for (int id : {0, 1, 10, 11, 23, 26, 37, 44, 48, 49, 59}) CHECK_FALSE_MESSAGE(isDateFormat(id, ""), id);
  for (const char* code : {"yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "[DBNum1][$-804]m\"月\"d\"日\"",
                           "[h]:mm:ss", "[ss]", "mm:ss", "yyyy-mm-dd;@", "[$-F800]dddd, mmmm dd, yyyy"})
    CHECK_MESSAGE(isDateFormat(200, code), code);
  for (const char* code : {"General", "0.00E+00", "#,##0.00_);[Red](#,##0.00)", "0\"天\"", "@", "\\d0",
                           "[$¥-804]#,##0.00", "0.0%", "[>=100]0;0.0"})
    CHECK_FALSE_MESSAGE(isDateFormat(200, code), code);
}

TEST_CASE("xlsx: sheets are listed in workbook order and found by absolute or relative targets") {
  ScratchDir dir;
  WorkbookXml book;
  auto row = [](const char* text) { return "<row r=\"1\">" + inlineCell("A1", text) + "</row>"; };
  book.sheets = {{"a", row("甲")}, {"b", row("乙")}, {"c", row("丙")}};
  auto parts = gl::test::workbookParts(book);
  std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  gl::test::setPart(
      parts, "xl/workbook.xml",
      "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel +
          "\"><sheets>"
          "<sheet name=\"花名册\" sheetId=\"5\" r:id=\"rId9\"/><sheet name=\"说明\" sheetId=\"1\" "
          "r:id=\"rId1\"/>"
          "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>");
  gl::test::setPart(parts, "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" Type=\"" +
                        rel +
                        "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
                        "<Relationship Id=\"rId2\" Type=\"" +
                        rel +
                        "/worksheet\" Target=\"./worksheets/../worksheets/sheet3.xml\"/>"
                        "<Relationship Id=\"rId9\" Type=\"" +
                        rel +
                        "/worksheet\" Target=\"worksheets/Sheet1.XML\"/>"
                        "</Relationships>");
  auto file = dir / "order.xlsx";
  gl::test::writeZip(file, parts);
  auto reader = openXlsx(file, {});
  CHECK(reader->sheetNames() == std::vector<std::string>{"花名册", "说明", "隐藏"});
  CHECK(readSheet(*reader, 0).at(0).cells.at(0).text == "甲");
  CHECK(readSheet(*reader, 1).at(0).cells.at(0).text == "乙");
  CHECK(readSheet(*reader, 2).at(0).cells.at(0).text == "丙");
  CHECK(readSheet(*reader, 0).at(0).cells.at(0).text == "甲");  // read again from the top
  CHECK_THROWS_AS(reader->openSheet(3), Error);
}

TEST_CASE("xlsx: elements with a namespace prefix are read, as the OpenXML SDK writes them") {
  ScratchDir dir;
  WorkbookXml book;
  book.sheets = {{"Sheet1", ""}};
  auto parts = gl::test::workbookParts(book);
  gl::test::setPart(
      parts, "xl/worksheets/sheet1.xml",
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
      "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>钱七</x:t></x:is></x:c>"
      "<x:c r=\"C2\"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>");
  auto file = dir / "prefixed.xlsx";
  gl::test::writeZip(file, parts);
  auto rows = readXlsx(file);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].number == 2);
  CHECK(rows[0].cells.at(1).text == "钱七");
  CHECK(rows[0].cells.at(2).text == "42");
}

TEST_CASE("xlsx: bytesRead grows with the rows read up to bytesTotal, the sheet part's size") {
  ScratchDir dir;
  std::string data;
  for (int r = 1; r <= 5000; ++r)
    data += "<row r=\"" + std::to_string(r) + "\">" +
            inlineCell("A" + std::to_string(r), "居民" + std::to_string(r)) + "<c r=\"B" + std::to_string(r) +
            "\"><v>" + std::to_string(r * 7) + "</v></c></row>";
  WorkbookXml book;
  book.sheets = {{"Sheet1", data}};
  auto parts = gl::test::workbookParts(book);
  std::size_t size = parts.back().data.size();
  auto file = dir / "progress.xlsx";
  gl::test::writeZip(file, parts);
  auto reader = openXlsx(file, {});
  reader->openSheet(0);
  CHECK(reader->bytesRead() == 0);
  CHECK(reader->bytesTotal() == size);
  SheetRow row;
  REQUIRE(reader->next(row));
  CHECK(reader->bytesRead() > 0);
  CHECK(reader->bytesRead() < size);  // streamed, not slurped
  int count = 1;
  while (reader->next(row)) ++count;
  CHECK(count == 5000);
  CHECK(row.number == 5000);
  CHECK(reader->bytesRead() == size);
}

TEST_CASE("xlsx: a roster written by libxlsxwriter reads as Excel shows it") {
  ScratchDir dir;
  auto file = dir / "花名册.xlsx";
  lxw_workbook* workbook = workbook_new(file.c_str());
  REQUIRE(workbook != nullptr);
  lxw_worksheet* roster = workbook_add_worksheet(workbook, "花名册");
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "填表说明");
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* asText = workbook_add_format(workbook);
  format_set_num_format(asText, "@");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range(roster, 0, 0, 0, 5, "青城镇李家村 居民花名册", title);
  worksheet_write_string(roster, 1, 0, "填报单位：李家村第三网格", nullptr);
  const char* headers[] = {"姓名", "身份证号", "身份证号（数字）", "出生日期", "是否在册", "备注"};
  for (int c = 0; c < 6; ++c)
    worksheet_write_string(roster, 2, static_cast<lxw_col_t>(c), headers[c], nullptr);
  worksheet_write_string(roster, 3, 0, "张三", nullptr);
  worksheet_write_string(roster, 3, 1, "110101199003071234", asText);
  worksheet_write_number(roster, 3, 2, 110101199003071234.0, nullptr);
  lxw_datetime born = {1990, 3, 7, 0, 0, 0};
  worksheet_write_datetime(roster, 3, 3, &born, date);
  worksheet_write_boolean(roster, 3, 4, 1, nullptr);
  worksheet_write_string(roster, 3, 5, "独居老人\n需每周走访", nullptr);
  worksheet_write_string(notes, 0, 0, "身份证号请按文本格式填写", nullptr);
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);

  auto reader = openXlsx(file, {});
  CHECK(reader->sheetNames() == std::vector<std::string>{"花名册", "填表说明"});
  CHECK_FALSE(reader->date1904());
  auto rows = readSheet(*reader, 0);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].number == 1);
  REQUIRE(rows[0].cells.size() == 1);  // the merged title sits in its top-left cell
  CHECK(rows[0].cells[0].text == "青城镇李家村 居民花名册");
  CHECK(rows[1].cells.at(0).text == "填报单位：李家村第三网格");
  CHECK(rows[2].cells.size() == 6);
  CHECK(rows[2].cells[2].text == "身份证号（数字）");
  const auto& c = rows[3].cells;
  REQUIRE(c.size() == 6);
  CHECK((c[0].kind == Kind::Text && c[0].text == "张三"));
  CHECK((c[1].kind == Kind::Text && c[1].text == "110101199003071234"));
  // An id typed as a number keeps only what a double holds; the stored text shows it (libxlsxwriter: %.16G).
  CHECK(c[2].kind == Kind::Number);
  CHECK(c[2].text == "1.101011990030712E+17");
  CHECK(c[2].number == 1.101011990030712E+17);
  CHECK((c[3].kind == Kind::Date && c[3].number == 32939));
  CHECK((c[4].kind == Kind::Boolean && c[4].number == 1));
  CHECK(c[5].text == "独居老人\n需每周走访");
  auto second = readSheet(*reader, 1);
  REQUIRE(second.size() == 1);
  CHECK(second[0].cells.at(0).text == "身份证号请按文本格式填写");
}
