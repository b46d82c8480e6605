// Writes the fuzz seed corpus into the folder given: a roster .xlsx as Excel-like writers make it
// (shared strings, dates, numbers, two sheets, merged title), and CSVs in UTF-8, UTF-8 with BOM,
// GBK, UTF-16LE and with quoted line breaks — the shapes the readers must get right.
#include <filesystem>
#include <fstream>
#include <string>

#include <xlsxwriter.h>

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

void xlsx(const fs::path& p, bool constantMemory) {
  lxw_workbook_options options = {};
  options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(p.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "花名册");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_write_string(ws, 0, 0, "高青县居家隔离人员花名册", nullptr);
  if (!constantMemory) worksheet_merge_range(ws, 0, 0, 0, 5, "高青县居家隔离人员花名册", nullptr);
  const char* header[] = {"序号", "姓名", "身份证号", "联系电话", "现住址", "隔离开始时间"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), header[c], nullptr);
  for (int r = 0; r < 5; ++r) {
    auto row = static_cast<lxw_row_t>(r + 2);
    worksheet_write_number(ws, row, 0, r + 1, nullptr);
    worksheet_write_string(ws, row, 1, r % 2 ? "张三" : "柏青松", nullptr);
    if (r == 3) worksheet_write_number(ws, row, 2, 370322198501011000.0, nullptr);
    else worksheet_write_string(ws, row, 2, "11010119600101002X", nullptr);
    worksheet_write_string(ws, row, 3, "13800138000", nullptr);
    worksheet_write_string(ws, row, 4, "银杏社区3-2-301", nullptr);
    worksheet_write_number(ws, row, 5, 44880 + r, date);
  }
  worksheet_write_boolean(ws, 8, 0, 1, nullptr);
  lxw_worksheet* second = workbook_add_worksheet(wb, "Sheet2");
  worksheet_write_formula(second, 0, 0, "=1+1", nullptr);
  workbook_close(wb);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  fs::path dir = argv[1];
  fs::create_directories(dir);
  xlsx(dir / "roster.xlsx", false);
  xlsx(dir / "roster-inline.xlsx", true);
  const std::string rows = "姓名,身份证号,备注\r\n张三,11010119600101002X,\"两行\r\n备注\"\r\n李四,3.70322198501011E+17,\"a\"\"b\"\r\n";
  write(dir / "utf8.csv", rows);
  write(dir / "bom.csv", "\xEF\xBB\xBF" + rows);
  write(dir / "semicolon.csv", "sep=;\n姓名;电话\n王五;13800138000\n");
  // 姓名,备注 / 张三,镕 in GBK bytes.
  write(dir / "gbk.csv", "\xD0\xD5\xC3\xFB,\xB1\xB8\xD7\xA2\r\n\xD5\xC5\xC8\xFD,\xE9\x46\r\n");
  // "姓名\t电话\r\n" in UTF-16LE with its BOM.
  write(dir / "utf16.txt", std::string("\xFF\xFE\xD3\x59\x0D\x54\x09\x00\x35\x75\xDD\x8B\x0D\x00\x0A\x00", 16));
  return 0;
}
