// Excel 97–2003 workbooks (.xls, BIFF) through FreeXL, in the process that calls it: only the
// gridledger-xls helper does (xls_reader.cpp runs it). FreeXL parses the whole workbook into memory
// when it opens it; an .xls holds at most 65,536 rows × 256 columns, so that stays small, and the
// file-size cap below refuses anything absurd before FreeXL sees it.
// Why a process of its own: FreeXL 1.0.6 (Debian 12) over-reads a stack buffer through iconv on many
// workbooks whose stream bytes are damaged (ASan: stack-buffer-underflow in iconv under freexl_open).
#include <freexl.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "core/c_handle.h"
#include "core/date.h"
#include "core/error.h"
#include "core/utf8.h"
#include "exchange/sheet_reader.h"
#include "exchange/xls_wire.h"

namespace gl::exchange {

namespace {

// What users can act on, by freexl_open's error code.
[[noreturn]] void throwOpenError(int code, const std::string& file) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      throw Error(Error::Kind::BadInput, N_("Cannot open “{file}”: no such file, or it cannot be read"),
                  {{"file", file}});
    case FREEXL_INSUFFICIENT_MEMORY:
      throw Error(Error::Kind::Environment,
                  N_("Not enough memory to open “{file}”. Close other programs and try again."),
                  {{"file", file}});
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      throw Error(
          Error::Kind::BadInput,
          N_("“{file}” is an Office file with no Excel workbook in it (is it a Word or PowerPoint file?)"),
          {{"file", file}});
    case FREEXL_UNSUPPORTED_CHARSET:
      throw Error(
          Error::Kind::BadInput,
          N_("“{file}” uses a character set GridLedger cannot read. Open it in Excel or WPS and save it as "
             ".xlsx, then import that file."),
          {{"file", file}});
    default:
      throw Error(
          Error::Kind::BadInput,
          N_("“{file}” is damaged or is not an Excel 97–2003 workbook (.xls). Open it in Excel or WPS; if it "
             "opens there, save it as .xlsx and import that file."),
          {{"file", file}});
  }
}

// The shortest text that reads back as the same double. Whole numbers are written out in full below
// 1e21, never as 3.70322E+17: an 18-digit id typed into a General cell reads "370322198501011000",
// the digits Excel kept followed by zeros — what Excel shows with the format "0" — and the importer
// flags a numeric id cell whatever its text.
std::string numberText(double value) {
  char buffer[64];
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e21) {
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string_view sci(buffer, static_cast<std::size_t>(end - buffer));  // -d.ddde+XX
    std::size_t e = sci.find('e');
    int exponent = 0;
    std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
    std::string digits, out;
    for (char c : sci.substr(0, e))
      if (c >= '0' && c <= '9') digits += c;
    if (value < 0) out += '-';
    out += digits;
    // A whole number's shortest digits never reach past the units place, so this only pads.
    out.append(static_cast<std::size_t>(exponent + 1) - digits.size(), '0');
    return digits == "0" ? std::string("0") : out;
  }
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::optional<int> twoDigits(std::string_view text, std::size_t at) {
  int v = 0;
  if (at + 2 > text.size()) return std::nullopt;
  auto [p, ec] = std::from_chars(text.data() + at, text.data() + at + 2, v);
  if (ec != std::errc() || p != text.data() + at + 2) return std::nullopt;
  return v;
}

// "HH:MM:SS" as a fraction of a day.
std::optional<double> dayFraction(std::string_view text) {
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') return std::nullopt;
  auto h = twoDigits(text, 0), m = twoDigits(text, 3), s = twoDigits(text, 6);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  return (*h * 3600 + *m * 60 + *s) / 86400.0;
}

// FreeXL hands date cells over as text it computed from the serial, "YYYY-MM-DD[ HH:MM:SS]" or
// "HH:MM:SS", already adjusted for a 1904 workbook. Back to a serial in the 1900 system, where 1 is
// 1900-01-01 and 61 is 1900-03-01 (Lotus's fictitious 1900-02-29 is 60). nullopt when the text is
// not one of those shapes; the cell then stays Text.
std::optional<double> excelSerial(std::string_view text) {
  if (text.size() == 8) return dayFraction(text);
  auto date = core::Date::fromIso(text.substr(0, 10));
  if (!date) return std::nullopt;
  double fraction = 0;
  if (text.size() > 10) {
    if (text[10] != ' ') return std::nullopt;
    auto f = dayFraction(text.substr(11));
    if (!f) return std::nullopt;
    fraction = *f;
  }
  constexpr long kDaysFrom1899_12_30To1970 = 25569;
  long serial = date->daysSinceEpoch() + kDaysFrom1899_12_30To1970;
  if (*date < core::Date{1900, 3, 1}) --serial;
  if (serial < 1) return std::nullopt;
  return static_cast<double>(serial) + fraction;
}

class XlsReader final : public SheetReader {
 public:
  XlsReader(const std::filesystem::path& file, const ReadLimits& limits)
      : file_(file.string()), limits_(limits) {
    std::error_code ec;
    fileBytes_ = std::filesystem::file_size(file, ec);
    if (ec) throwOpenError(FREEXL_FILE_NOT_FOUND, file_);
    if (fileBytes_ > limits_.maxTotalBytes)
      // TRANSLATORS: {limit} is a size in megabytes
      throw Error(
          Error::Kind::BadInput,
          N_("“{file}” is larger than {limit} MB, too large for a roster. Save it as .xlsx or split it."),
          {{"file", file_}, {"limit", std::to_string(limits_.maxTotalBytes >> 20)}});
    // What freexl_open returns is closed also when it failed and when this constructor throws.
    const void* opened = nullptr;
    int rc = freexl_open(file_.c_str(), &opened);
    xls_.reset(opened);
    if (rc != FREEXL_OK) throwOpenError(rc, file_);
    unsigned int info = 0;
    if (freexl_get_info(xls_.get(), FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
      throw Error(
          Error::Kind::BadInput,
          N_("“{file}” is protected with a password. Open it in Excel or WPS, remove the password, save it, "
             "and import it again."),
          {{"file", file_}});
    unsigned int sheets = 0;
    if (freexl_get_info(xls_.get(), FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK)
      throwOpenError(FREEXL_CRAFTED_FILE, file_);
    if (sheets == 0)
      throw Error(Error::Kind::BadInput, N_("“{file}” contains no worksheets"), {{"file", file_}});
    for (unsigned int i = 0; i < sheets && i <= 0xFFFF; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(xls_.get(), static_cast<unsigned short>(i), &name) != FREEXL_OK)
        throwOpenError(FREEXL_CRAFTED_FILE, file_);
      names_.emplace_back(name ? name : "");
    }
    openSheet(0);
  }

  const std::vector<std::string>& sheetNames() const override { return names_; }

  void openSheet(std::size_t index) override {
    if (index >= names_.size())
      throw Error(Error::Kind::Internal, N_("“{file}” has no sheet number {sheet}"),
                  {{"file", file_}, {"sheet", std::to_string(index + 1)}});
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(xls_.get(), static_cast<unsigned short>(index)) != FREEXL_OK ||
        freexl_worksheet_dimensions(xls_.get(), &rows, &columns) != FREEXL_OK)
      throwOpenError(FREEXL_CRAFTED_FILE, file_);
    // BIFF holds at most 65,536 rows and 256 columns: a sheet that says more is crafted, and its cells
    // would be asked for one by one, billions of them.
    if (rows > 65536 || columns > 256) throwOpenError(FREEXL_CRAFTED_FILE, file_);
    rows_ = columns == 0 ? 0 : rows;  // counts, despite freexl.h calling them zero-based (FreeXL 1.0.6)
    columns_ = columns;
    nextRow_ = 0;
  }

  bool next(SheetRow& row) override {
    while (nextRow_ < rows_) {
      unsigned int r = nextRow_++;
      row.cells.clear();
      bool nonBlank = false;
      for (unsigned short c = 0; c < columns_; ++c) {
        Cell cell = readCell(r, c);
        if (cell.kind == Cell::Kind::Empty) continue;
        if (c >= limits_.maxColumns)
          // TRANSLATORS: {limit} is a number of columns
          throw Error(Error::Kind::BadInput,
                      N_("Row {row} of “{file}” has more than {limit} columns: this is not a roster"),
                      {{"file", file_},
                       {"row", std::to_string(r + 1)},
                       {"limit", std::to_string(limits_.maxColumns)}});
        if (!nonBlank) nonBlank = cell.kind != Cell::Kind::Text || !core::utf8::trim(cell.text).empty();
        row.cells.resize(c);
        row.cells.push_back(std::move(cell));
      }
      if (!nonBlank) continue;
      if (static_cast<std::int64_t>(r) + 1 > limits_.maxRows)
        throw Error(Error::Kind::BadInput,
                    N_("“{file}” has more than {limit} rows; split it into smaller files"),
                    {{"file", file_}, {"limit", std::to_string(limits_.maxRows)}});
      row.number = static_cast<std::int64_t>(r) + 1;
      return true;
    }
    row.cells.clear();
    return false;
  }

  // FreeXL holds the parsed sheet, not byte offsets: progress goes by rows, scaled to the file size.
  std::uint64_t bytesRead() const override { return rows_ ? fileBytes_ * nextRow_ / rows_ : fileBytes_; }
  std::uint64_t bytesTotal() const override { return fileBytes_; }

 private:
  Cell readCell(unsigned int r, unsigned short c) const {
    FreeXL_CellValue value{};
    if (freexl_get_cell_value(xls_.get(), r, c, &value) != FREEXL_OK)
      throwOpenError(FREEXL_CRAFTED_FILE, file_);
    Cell cell;
    switch (value.type) {
      case FREEXL_CELL_INT:
        cell.kind = Cell::Kind::Number;
        cell.number = value.value.int_value;
        cell.text = std::to_string(value.value.int_value);
        break;
      case FREEXL_CELL_DOUBLE:
        cell.kind = Cell::Kind::Number;
        cell.number = value.value.double_value;
        cell.text = numberText(cell.number);
        break;
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
      case FREEXL_CELL_TIME: {
        std::string_view text = value.value.text_value ? value.value.text_value : "";
        if (text.empty()) break;
        if (text.size() > limits_.maxCellBytes)
          // TRANSLATORS: {limit} is a number of bytes
          throw Error(
              Error::Kind::BadInput,
              N_("Row {row}, column {column} of “{file}” holds more than {limit} bytes of text: this is not "
                 "a roster"),
              {{"file", file_},
               {"row", std::to_string(r + 1)},
               {"column", std::to_string(c + 1)},
               {"limit", std::to_string(limits_.maxCellBytes)}});
        cell.kind = Cell::Kind::Text;
        cell.text = text;
        if (value.type != FREEXL_CELL_TEXT && value.type != FREEXL_CELL_SST_TEXT) {
          // Date cells keep FreeXL's ISO text for display; `number` is the 1900-system serial even in
          // a 1904 workbook (FreeXL has applied the offset), so date1904() stays false.
          if (auto serial = excelSerial(text)) {
            cell.kind = Cell::Kind::Date;
            cell.number = *serial;
          }
        }
        break;
      }
      default:
        break;
    }
    return cell;
  }

  std::string file_;
  ReadLimits limits_;
  core::CHandle<const void, freexl_close> xls_;
  std::uintmax_t fileBytes_ = 0;
  std::vector<std::string> names_;
  unsigned int rows_ = 0;
  unsigned short columns_ = 0;
  unsigned int nextRow_ = 0;
};

}  // namespace

std::unique_ptr<SheetReader> openXlsInProcess(const std::filesystem::path& file, const ReadLimits& limits) {
  return std::make_unique<XlsReader>(file, limits);
}

}  // namespace gl::exchange
