// The CSV reader's encodings (docs/style.md §9.6): GB18030 and GBK as Excel saves them on Chinese
// Windows, UTF-8 with or without a BOM, UTF-16, detection across the 64 KiB window, the decoder's
// chunks, and bytes that are not the encoding's.
#include <doctest/doctest.h>
#include <iconv.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "csv_support.h"
#include "exchange/sheet_reader.h"
#include "exchange/text_decoder.h"
#include "reader_support.h"
#include "temp_ledger.h"

using gl::Error;
using gl::test::arg;
using gl::test::badInput;
using gl::test::readAll;
using gl::test::TempDir;
using gl::test::texts;
using gl::exchange::SheetRow;
using gl::exchange::TextDecoder;
using gl::exchange::TextEncoding;

namespace {

// The bytes Excel on Chinese Windows would save (docs/style.md §9.6), made with iconv.
std::string encodeAs(const char* charset, const std::string& utf8) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t inLeft = utf8.size(), outLeft = out.size();
  char* o = out.data();
  REQUIRE(iconv(cd, &in, &inLeft, &o, &outLeft) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - outLeft);
  return out;
}

std::string decodeInPieces(TextEncoding encoding, const std::string& bytes, std::size_t piece) {
  TextDecoder decoder(encoding, "t.csv");
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += piece)
    decoder.decode(std::string_view(bytes).substr(i, piece), out);
  decoder.finish();
  return out;
}

// Appends short lines of 'p' so that `bytes` is `size` long, the last line left open.
void padTo(std::string& bytes, std::size_t size) {
  REQUIRE(bytes.size() <= size);
  while (size - bytes.size() > 1000) bytes += std::string(999, 'p') + "\n";
  bytes += std::string(size - bytes.size(), 'p');
}

const std::string kRoster =
    "姓名,身份证号,地址\r\n"
    "朱镕基,110101195001011234,北京市东城区\r\n"
    "陶喆,110101196907110012,\"台北市,大安区\"\r\n"
    "王䶮,11010119900307001X,𠀀 社区\r\n"
    "欧元,€100,备注\r\n";

}  // namespace

TEST_CASE("a GB18030 CSV with 镕 喆 䶮 𠀀 € reads as its UTF-8 original") {
  TempDir dir;
  auto file = dir.write("花名册.csv", encodeAs("GB18030", kRoster));
  auto reader = gl::exchange::openCsv(file, {});
  REQUIRE(reader->sheetNames() == std::vector<std::string>{"花名册"});
  std::vector<SheetRow> rows;
  SheetRow row;
  while (reader->next(row)) rows.push_back(row);
  REQUIRE(rows.size() == 5);
  CHECK(texts(rows[0]) == std::vector<std::string>{"姓名", "身份证号", "地址"});
  CHECK(texts(rows[1]) == std::vector<std::string>{"朱镕基", "110101195001011234", "北京市东城区"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"陶喆", "110101196907110012", "台北市,大安区"});
  CHECK(texts(rows[3]) == std::vector<std::string>{"王䶮", "11010119900307001X", "𠀀 社区"});
  CHECK(texts(rows[4]) == std::vector<std::string>{"欧元", "€100", "备注"});
  CHECK(rows[4].number == 5);
  CHECK(reader->bytesRead() == reader->bytesTotal());
}

TEST_CASE("a GBK CSV, as Excel saves “CSV” on Chinese Windows, reads as UTF-8") {
  TempDir dir;
  std::string utf8 = "姓名,电话\n朱镕基,13800138000\n陶喆,0533-1234567\n";
  auto rows = readAll(dir.write("gbk.csv", encodeAs("GBK", utf8)));
  REQUIRE(rows.size() == 3);
  CHECK(texts(rows[1]) == std::vector<std::string>{"朱镕基", "13800138000"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"陶喆", "0533-1234567"});
}

TEST_CASE("UTF-8 with a BOM loses the BOM — UTF-8 without one reads the same") {
  TempDir dir;
  auto withBom = readAll(dir.write("bom.csv", "\xEF\xBB\xBF" + kRoster));
  auto without = readAll(dir.write("plain.csv", kRoster));
  REQUIRE(withBom.size() == 5);
  CHECK(withBom[0].cells[0].text == "姓名");
  REQUIRE(without.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(texts(withBom[i]) == texts(without[i]));
}

TEST_CASE("Excel's “Unicode text” (UTF-16LE, tabs) reads as UTF-8") {
  TempDir dir;
  std::string utf8 = "姓名\t身份证号\r\n王䶮\t11010119900307001X\r\n𠀀\t€\r\n";
  auto rows = readAll(dir.write("unicode.txt", "\xFF\xFE" + encodeAs("UTF-16LE", utf8)));
  REQUIRE(rows.size() == 3);
  CHECK(texts(rows[0]) == std::vector<std::string>{"姓名", "身份证号"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"𠀀", "€"});
  auto be = readAll(dir.write("be.txt", "\xFE\xFF" + encodeAs("UTF-16BE", utf8)));
  REQUIRE(be.size() == 3);
  CHECK(texts(be[1]) == std::vector<std::string>{"王䶮", "11010119900307001X"});
}

TEST_CASE("an invalid byte far into a UTF-8 file is an error naming its line, not garbage") {
  TempDir dir;
  std::string text = "姓名,地址\n";
  for (int i = 0; i < 3000; ++i) text += "张三,幸福小区" + std::to_string(i) + "号\n";  // > 64 KiB
  REQUIRE(text.size() > gl::exchange::kDetectBytes);
  text += "李四,\xFF\xFE坏\n";
  Error e = badInput([&] { readAll(dir.write("mixed.csv", text)); });
  CHECK(arg(e, "line") == "3002");
  CHECK(arg(e, "encoding") == "UTF-8");
}

TEST_CASE("bytes that are not GB18030 are an error naming the line") {
  TempDir dir;
  std::string bytes = encodeAs("GB18030", "姓名,地址\n张三,北京\n") + "李四,\x81\x20\n";
  Error e = badInput([&] { readAll(dir.write("bad.csv", bytes)); });
  CHECK(arg(e, "line") == "3");
  CHECK(arg(e, "encoding") == "GBK/GB18030");
}

TEST_CASE("a GBK file whose first 64 KiB are plain ASCII still reads as GBK") {
  TempDir dir;
  std::string text = "id,name\n";
  for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ",resident\n";
  REQUIRE(text.size() > gl::exchange::kDetectBytes);
  auto rows = readAll(dir.write("late.csv", text + encodeAs("GBK", "5000,朱镕基\n")));
  REQUIRE(rows.size() == 5002);
  CHECK(texts(rows.back()) == std::vector<std::string>{"5000", "朱镕基"});
}

TEST_CASE("a 4-byte GB18030 character, CRLFs and a quoted field across the 64 KiB read edges") {
  TempDir dir;
  const std::size_t edge = 64 * 1024;
  std::string bytes = encodeAs("GB18030", "姓名,备注\n");  // not UTF-8: detection says GB18030
  padTo(bytes, edge - 3);
  bytes += ',';
  bytes += encodeAs("GB18030", "𠀀");  // appends: GCC 12 -O3 warns falsely (-Wrestrict) on "," + s
  bytes += "\r\n";
  REQUIRE(bytes.substr(edge - 2, 4) == "\x95\x32\x82\x36");
  padTo(bytes, 2 * edge - 1);
  bytes += "\r\n";  // CR is the last byte of the second read, LF the first of the third
  padTo(bytes, 3 * edge - 5);
  bytes += ",\"" + encodeAs("GB18030", "跨") + "\r\nzz\",end\n";  // the quoted CR LF straddles the third edge
  REQUIRE(bytes.substr(3 * edge - 1, 2) == "\r\n");

  auto rows = readAll(dir.write("edge.csv", bytes));
  auto lineEnds = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  REQUIRE(rows.size() == lineEnds - 1);  // one LF is inside the quoted field
  CHECK(rows.back().number == static_cast<std::int64_t>(rows.size()));
  int straddling = 0;
  for (const auto& row : rows) {
    for (const auto& cell : row.cells) {
      if (cell.text == "𠀀") ++straddling;
      if (&row != &rows.back()) CHECK(cell.text.find_first_of("\r\n") == std::string::npos);
    }
  }
  CHECK(straddling == 1);
  REQUIRE(rows.back().cells.size() == 3);
  CHECK(rows.back().cells[1].text == "跨\r\nzz");
  CHECK(rows.back().cells[2].text == "end");

  // Line numbers stay right across those edges: an open quote at the end is on the last line.
  Error e = badInput([&] { readAll(dir.write("edge-open.csv", bytes + "\"open")); });
  CHECK(arg(e, "line") == std::to_string(lineEnds + 1));
}

TEST_CASE("a UTF-8 character cut by the 64 KiB detection window still counts as UTF-8") {
  TempDir dir;
  const std::size_t edge = 64 * 1024;
  std::string bytes = "name,note\n";
  padTo(bytes, edge - 3);
  bytes += ",𠀀\n";  // 𠀀 = F0 A0 80 80 across the edge; everything before it is ASCII
  REQUIRE(bytes.substr(edge - 2, 2) == "\xF0\xA0");
  auto rows = readAll(dir.write("edge8.csv", bytes));
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.back().cells.at(1).text == "𠀀");
}

TEST_CASE("the decoder gives the same text whatever the chunk size, in every encoding") {
  const std::string utf8 = "镕喆䶮𠀀€ a,b\r\n第二行";
  for (std::size_t piece : {1, 2, 3, 5, 7, 4096}) {
    CAPTURE(piece);
    CHECK(decodeInPieces(TextEncoding::Gb18030, encodeAs("GB18030", utf8), piece) == utf8);
    CHECK(decodeInPieces(TextEncoding::Utf16Le, encodeAs("UTF-16LE", utf8), piece) == utf8);
    CHECK(decodeInPieces(TextEncoding::Utf16Be, encodeAs("UTF-16BE", utf8), piece) == utf8);
    CHECK(decodeInPieces(TextEncoding::Utf8, utf8, piece) == utf8);
  }
  // A GB18030 BOM (84 31 95 33) is not text.
  CHECK(decodeInPieces(TextEncoding::Gb18030, "\x84\x31\x95\x33" + encodeAs("GB18030", utf8), 1) == utf8);
}

TEST_CASE("a character cut off at the end of the file is an error") {
  TextDecoder decoder(TextEncoding::Gb18030, "cut.csv");
  std::string out;
  decoder.decode("ab\n\x95\x32", out);
  CHECK(out == "ab\n");
  try {
    decoder.finish();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(arg(e, "line") == "2");
  }
  TextDecoder utf8(TextEncoding::Utf8, "cut.csv");
  utf8.decode("\xE5\xA7", out);
  CHECK_THROWS_AS(utf8.finish(), Error);
}

TEST_CASE("the UTF-8 validator is strict (RFC 3629)") {
  struct Case {
    std::string bytes;
    std::size_t valid;
    bool incomplete;
  };
  const Case cases[] = {
      {"abc", 3, false},
      {"镕𠀀", 7, false},
      {"a\xC0\xAF", 1, false},          // overlong '/'
      {"a\xE0\x80\xAF", 1, false},      // overlong, three bytes
      {"a\xED\xA0\x80", 1, false},      // a surrogate
      {"a\xF4\x90\x80\x80", 1, false},  // above U+10FFFF (glibc's iconv accepts it)
      {"a\xF5\x80\x80\x80", 1, false},
      {"a\x80", 1, false},
      {"a\xF0\xA0\x80", 1, true},  // 𠀀 cut off
      {"a\xE9", 1, true},
  };
  for (const auto& c : cases) {
    bool incomplete = false;
    CHECK(gl::exchange::validUtf8Prefix(c.bytes, incomplete) == c.valid);
    CHECK(incomplete == c.incomplete);
  }
}

TEST_CASE("encoding detection: BOMs, valid UTF-8, otherwise GB18030") {
  using gl::exchange::detectEncoding;
  CHECK(detectEncoding("\xEF\xBB\xBF\xE5\xA7\x93", true).bomBytes == 3);
  CHECK(detectEncoding("\xFF\xFEx\0", true).encoding == TextEncoding::Utf16Le);
  CHECK(detectEncoding("\xFE\xFF\0x", true).encoding == TextEncoding::Utf16Be);
  CHECK(detectEncoding("姓名", true).encoding == TextEncoding::Utf8);
  CHECK(detectEncoding(encodeAs("GBK", "姓名"), true).encoding == TextEncoding::Gb18030);
  CHECK(detectEncoding("a\xE5\xA7", false).encoding == TextEncoding::Utf8);    // cut by the window
  CHECK(detectEncoding("a\xE5\xA7", true).encoding == TextEncoding::Gb18030);  // the file ends there
}

TEST_CASE("an empty file is refused — a file with only a BOM has no rows") {
  TempDir dir;
  auto file = dir.write("empty.csv", "");
  Error e = badInput([&] { gl::exchange::openCsv(file, {}); });
  CHECK(arg(e, "file") == file.string());
  CHECK(readAll(dir.write("bom.csv", "\xEF\xBB\xBF")).empty());
}
