// One worksheet written row by row with libxlsxwriter in constant_memory mode (docs/style.md §9.5: a
// few MB of memory whatever the row count), typed so Excel neither mangles nor misreads a value: ids,
// phones and household numbers stay text (as numbers Excel keeps 15 digits of an 18-digit id),
// numbers are numbers, ISO dates real dates. The file is written beside the target under a temp
// name, 0600 from the start, fsynced and renamed only when complete (docs/style.md §3).
#pragma once

#include <ctime>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace gl::exchange {

// Who exported, when, from which terminal and why: printed in every page's footer and kept in the
// document properties (docs/privacy.md §6).
struct ExportStamp {
  std::string user;  // the OS login name
  std::string host;  // the terminal
  std::string time;  // local, ISO: 2022-11-20 14:03:05
  std::time_t at = 0;
  std::string purpose;

  static ExportStamp now(std::string purpose);
};

enum class CellType {
  Text,        // always a string cell with the text format "@", whatever it looks like
  Integer,     // a number when the text is an exact integer Excel can hold, else text
  Real,        // a number when the text parses, else text
  OneDecimal,  // a number shown with one decimal (temperatures: 37.0 stays 37.0)
  Date,        // an ISO date as an Excel date shown yyyy-mm-dd (text before 1900 or if not ISO)
  Boolean,     // 1/0/true/false as TRUE/FALSE, else text
};

struct XlsxColumn {
  std::string name;
  CellType type = CellType::Text;
  bool narrow = false;  // a record id: kept for a re-import, not for reading
};

// `title` goes to the document properties. Throws gl::Error (Environment) when the temp file
// cannot be made; nothing is left behind on any failure.
class XlsxWriter {
 public:
  XlsxWriter(std::filesystem::path target, std::string_view sheetName, std::vector<XlsxColumn> columns,
             const ExportStamp& stamp, const std::string& title);
  ~XlsxWriter();  // without commit(): nothing written, the temp file removed
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // One value per column; nullopt leaves the cell empty. Throws BadInput past Excel's row limit.
  void row(std::span<const std::optional<std::string_view>> values);
  void commit();                            // finish the workbook, fsync, rename over the target
  long long rows() const { return rows_; }  // data rows, without the header

 private:
  void start(std::string_view sheetName, const ExportStamp& stamp, const std::string& title);
  void writeCell(int col, std::string_view value);
  void writeText(int col, std::string_view value);
  void measure(int col, std::string_view shown);
  void check(int err, long long row);
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::string tempDir_;  // where libxlsxwriter keeps the rows until the file is zipped
  std::vector<XlsxColumn> columns_;
  std::vector<double> widths_;
  std::vector<std::string> properties_;  // the document properties' text, alive until close
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* headerFormat_ = nullptr;
  lxw_format* textFormat_ = nullptr;
  lxw_format* integerFormat_ = nullptr;
  lxw_format* oneDecimalFormat_ = nullptr;
  lxw_format* dateFormat_ = nullptr;
  long long rows_ = 0;
  bool committed_ = false;
};

// The width of `text` in Excel's character units: CJK and other wide characters count double.
int displayWidth(std::string_view text);

}  // namespace gl::exchange
