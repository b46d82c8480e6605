// Reading roster spreadsheets (.xlsx, .xls, .csv/.txt) one row at a time, whatever their format:
// the importer sees rows of cells as the user saw them in Excel or WPS, with what it needs to judge
// them (was this id number stored as a number? is this number a date?). Memory is bounded by one
// row, never by the file. A file that cannot be read, or that looks hostile (a decompression bomb,
// XML entity declarations, absurd sizes), is refused with a gl::Error of kind BadInput naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace gl::exchange {

struct Cell {
  enum class Kind {
    Empty,
    Text,     // a string cell (shared, inline, formula string); CSV fields are always Text
    Number,   // a numeric cell: `text` is the number as stored ("370322198501011000", "3.70322198501011E+17", "36.5")
    Date,     // a numeric cell whose number format is a date or time: `number` is the serial (1900 or 1904 system)
    Boolean,  // `number` is 0 or 1, `text` "TRUE"/"FALSE"
    Error,    // "#N/A", "#VALUE!"…: `text` holds it
  };
  Kind kind = Kind::Empty;
  std::string text;   // UTF-8, as described for each kind
  double number = 0;  // Number, Date, Boolean
};

struct SheetRow {
  std::int64_t number = 0;  // 1-based row number as the spreadsheet shows it (CSV: the line's record number)
  std::vector<Cell> cells;  // by 0-based column; trailing empty cells may be left out
};

// Caps that make a hostile file fail fast instead of exhausting memory or time.
struct ReadLimits {
  std::uint64_t maxEntryBytes = 512ull << 20;    // one uncompressed zip entry
  std::uint64_t maxTotalBytes = 1024ull << 20;   // all entries read, uncompressed
  std::uint64_t maxRatio = 200;                  // uncompressed / compressed, per entry (bombs)
  std::int64_t maxRows = 2'000'000;
  std::int64_t maxColumns = 1'000;
  std::size_t maxCellBytes = 32'767;             // Excel's own limit on a cell's text
};

class SheetReader {
 public:
  virtual ~SheetReader() = default;
  // The workbook's sheets in their order ("Sheet1", "花名册"…); a CSV has one, named after the file.
  virtual const std::vector<std::string>& sheetNames() const = 0;
  // Starts reading sheet `index` from its first row (may be called again to re-read).
  virtual void openSheet(std::size_t index) = 0;
  // The next row that has at least one non-empty cell; false at the end of the sheet.
  virtual bool next(SheetRow& row) = 0;
  // Date cells count from 1904-01-01 (a Mac workbook flag) rather than the 1900 system.
  virtual bool date1904() const { return false; }
  // What was read so far, for progress bars: bytes of the sheet's data, and its total when known.
  virtual std::uint64_t bytesRead() const = 0;
  virtual std::uint64_t bytesTotal() const = 0;
};

// Opens a spreadsheet by its content, not its name (a .xls that is really an .xlsx or a CSV is read
// as what it is; a file that is none of them is refused, naming the file).
std::unique_ptr<SheetReader> openSpreadsheet(const std::filesystem::path& file, const ReadLimits& limits = {});

// The readers themselves (openSpreadsheet picks one).
std::unique_ptr<SheetReader> openXlsx(const std::filesystem::path& file, const ReadLimits& limits);
std::unique_ptr<SheetReader> openXls(const std::filesystem::path& file, const ReadLimits& limits);
std::unique_ptr<SheetReader> openCsv(const std::filesystem::path& file, const ReadLimits& limits);

}  // namespace gl::exchange
