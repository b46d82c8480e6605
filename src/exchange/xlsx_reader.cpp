// The .xlsx SheetReader: the workbook's parts are read once (xlsx_parts.h), then a sheet's XML is
// streamed through expat, which pauses after each </row>, so memory holds one row plus the shared
// strings. Cells are taken as Excel stored them: a number keeps its stored text, a date is a number
// whose cell style shows a date, an empty cell is left out.
#include <algorithm>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "exchange/xlsx_parts.h"
#include "exchange/zip_archive.h"

namespace gl::exchange {

namespace {

// Column and row numbers stop growing here, so a hostile reference cannot overflow.
constexpr std::int64_t kSaturated = std::int64_t{1} << 40;

constexpr const char* kTooManyRows =
    // TRANSLATORS: {row} is a row number and {limit} the most rows GridLedger reads
    // xgettext:python-brace-format
    N_("“{file}”: sheet “{sheet}” is too large to read: it has data in row {row}, beyond the {limit} rows "
       "GridLedger reads. Split the sheet into smaller files and import them one by one.");
constexpr const char* kTooManyColumns =
    // TRANSLATORS: {column} is a column name such as XFD and {limit} the most columns GridLedger reads
    // xgettext:python-brace-format
    N_("“{file}”: sheet “{sheet}” is too large to read: it has data in column {column}, beyond the {limit} "
       "columns GridLedger reads. Delete the columns that are not needed, or split the sheet.");

enum class CellType { Number, Shared, Inline, Formula, Boolean, Error, IsoDate };

CellType cellType(const char* t) {
  if (t == nullptr || std::strcmp(t, "n") == 0) return CellType::Number;
  if (std::strcmp(t, "s") == 0) return CellType::Shared;
  if (std::strcmp(t, "inlineStr") == 0) return CellType::Inline;
  if (std::strcmp(t, "b") == 0) return CellType::Boolean;
  if (std::strcmp(t, "e") == 0) return CellType::Error;
  if (std::strcmp(t, "d") == 0) return CellType::IsoDate;
  return CellType::Formula;  // "str", and anything unknown read as text
}

bool digits(std::string_view text, std::int64_t& value) {
  if (text.empty()) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = std::min(value * 10 + (c - '0'), kSaturated);
  }
  return true;
}

// "B7" → column 1 (0-based). The row part is the row element's business.
bool columnOf(std::string_view ref, std::int64_t& column) {
  std::size_t i = 0;
  std::int64_t value = 0;
  for (; i < ref.size(); ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    value = std::min(value * 26 + (c - 'A' + 1), kSaturated);
  }
  std::int64_t row = 0;
  if (i == 0 || (i < ref.size() && !digits(ref.substr(i), row))) return false;
  column = value - 1;
  return true;
}

std::string columnName(std::int64_t column) {
  std::string name;
  for (std::int64_t n = column + 1; n > 0 && name.size() < 12; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

class XlsxReader final : public SheetReader, private xlsx::XmlHandler {
 public:
  XlsxReader(const std::filesystem::path& file, const ReadLimits& limits)
      : limits_(limits), zip_(file, limits), workbook_(xlsx::readWorkbook(zip_)) {
    if (!workbook_.sharedStrings.empty()) strings_.read(zip_, workbook_.sharedStrings, limits_.maxCellBytes);
    if (!workbook_.styles.empty()) dateStyles_ = xlsx::readDateStyles(zip_, workbook_.styles);
  }

  const std::vector<std::string>& sheetNames() const override { return workbook_.names; }
  bool date1904() const override { return workbook_.date1904; }
  std::uint64_t bytesRead() const override { return xml_ ? xml_->entry().bytesRead() : 0; }
  std::uint64_t bytesTotal() const override { return xml_ ? xml_->entry().declaredSize() : 0; }

  void openSheet(std::size_t index) override {
    auto entry = index < workbook_.sheetParts.size() ? zip_.find(workbook_.sheetParts[index]) : std::nullopt;
    if (!entry)
      // xgettext:python-brace-format
      throw Error(Error::Kind::Internal, N_("“{file}” has no sheet number {sheet}"),
                  {{"file", zip_.file().string()}, {"sheet", std::to_string(index + 1)}});
    xml_.reset();
    sheet_ = index;
    row_ = {};
    rowReady_ = inSheetData_ = inRow_ = inCell_ = inValue_ = inInline_ = inText_ = false;
    phonetic_ = 0;
    lastRow_ = 0;
    xlsx::XmlHandler& handler = *this;
    xml_ = std::make_unique<xlsx::XmlStream>(zip_.open(*entry), handler, zip_.file());
  }

  bool next(SheetRow& row) override {
    if (!xml_) openSheet(sheet_);  // sheet 0 when none was opened; the same refusal after a failed open
    for (;;) {
      bool more = xml_->parse();
      if (rowReady_) {
        rowReady_ = false;
        if (row_.cells.empty()) continue;  // only empty cells
        row.number = row_.number;
        std::swap(row.cells, row_.cells);
        row_.cells.clear();
        return true;
      }
      if (!more) return false;
    }
  }

 private:
  void start(std::string_view name, const char** attrs) override {
    if (name == "sheetData") inSheetData_ = true;
    if (!inSheetData_) return;
    if (name == "row") {
      startRow(attrs);
    } else if (name == "c" && inRow_) {
      startCell(attrs);
    } else if (name == "v" && inCell_) {
      inValue_ = true;
    } else if (name == "is" && inCell_) {
      inInline_ = hasValue_ = true;
    } else if (name == "rPh" && inInline_) {
      ++phonetic_;
    } else if (name == "t" && inInline_ && phonetic_ == 0) {
      inText_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" && inValue_) {
      inValue_ = false;
      hasValue_ = true;
    } else if (name == "t") {
      inText_ = false;
    } else if (name == "rPh" && inInline_) {
      --phonetic_;
    } else if (name == "is") {
      inInline_ = false;
    } else if (name == "c" && inCell_) {
      inCell_ = false;
      finishCell();
    } else if (name == "row" && inRow_) {
      inRow_ = false;
      rowReady_ = true;
      xml_->pause();
    } else if (name == "sheetData") {
      inSheetData_ = false;
    }
  }

  void text(std::string_view data) override {
    if (!inValue_ && !inText_) return;
    if (text_.size() + data.size() > limits_.maxCellBytes) {
      throw Error(
          Error::Kind::BadInput,
          // TRANSLATORS: {cell} is a cell reference such as B7; {limit} a number of bytes
          // xgettext:python-brace-format
          N_("“{file}”, sheet “{sheet}”, cell {cell}: the text is longer than a cell can hold ({limit} "
             "bytes). The file may be damaged: open it in Excel or WPS and save it again."),
          {{"file", zip_.file().string()},
           {"sheet", sheetName()},
           {"cell", cellRef()},
           {"limit", std::to_string(limits_.maxCellBytes)}});
    }
    text_.append(data);
  }

  void startRow(const char** attrs) {
    const char* r = xlsx::attribute(attrs, "r");
    std::int64_t number = lastRow_ + 1;
    if (r != nullptr && (!digits(r, number) || number == 0)) damaged(fmt::format("bad row number “{}”", r));
    row_.number = lastRow_ = number;
    row_.cells.clear();
    lastColumn_ = -1;
    inRow_ = true;
  }

  void startCell(const char** attrs) {
    const char* r = xlsx::attribute(attrs, "r");
    column_ = std::min(lastColumn_ + 1, kSaturated);
    if (r != nullptr && !columnOf(r, column_)) damaged(fmt::format("bad cell reference “{}”", r));
    lastColumn_ = column_;
    type_ = cellType(xlsx::attribute(attrs, "t"));
    std::int64_t style = 0;
    const char* s = xlsx::attribute(attrs, "s");
    dateStyle_ = s != nullptr && digits(s, style) && static_cast<std::uint64_t>(style) < dateStyles_.size() &&
                 dateStyles_[static_cast<std::size_t>(style)];
    text_.clear();
    hasValue_ = false;
    inCell_ = true;
  }

  void finishCell() {
    if (!hasValue_ || (text_.empty() && type_ != CellType::Inline)) return;
    Cell cell;
    switch (type_) {
      case CellType::Shared: {
        std::int64_t index = 0;
        if (!digits(text_, index) || static_cast<std::uint64_t>(index) >= strings_.size())
          damaged(
              fmt::format("cell {} refers to shared string “{}”, which does not exist", cellRef(), text_));
        cell.kind = Cell::Kind::Text;
        cell.text = strings_[static_cast<std::size_t>(index)];
        break;
      }
      case CellType::Inline:
      case CellType::Formula:
        cell.kind = Cell::Kind::Text;
        cell.text = xlsx::decodeXstring(text_);
        break;
      case CellType::Boolean:
        cell.kind = Cell::Kind::Boolean;
        cell.number = text_ == "1" || text_ == "true" ? 1 : 0;
        cell.text = cell.number != 0 ? "TRUE" : "FALSE";
        break;
      case CellType::Error:
        cell.kind = Cell::Kind::Error;
        cell.text = text_;
        break;
      case CellType::IsoDate:
        cell.kind =
            xlsx::isoDateSerial(text_, workbook_.date1904, cell.number) ? Cell::Kind::Date : Cell::Kind::Text;
        cell.text = text_;
        break;
      case CellType::Number: {
        auto [end, ec] = std::from_chars(text_.data(), text_.data() + text_.size(), cell.number);
        bool number = ec == std::errc() && end == text_.data() + text_.size();
        cell.kind = !number ? Cell::Kind::Text : dateStyle_ ? Cell::Kind::Date : Cell::Kind::Number;
        cell.text = text_;
        break;
      }
    }
    if (cell.kind == Cell::Kind::Text && cell.text.empty()) return;
    // Judged on cells with data only: styled empty cells far to the right or below cost nothing.
    if (row_.number > limits_.maxRows)
      tooLarge(kTooManyRows, {"row", std::to_string(row_.number)}, limits_.maxRows);
    if (column_ >= limits_.maxColumns)
      tooLarge(kTooManyColumns, {"column", columnName(column_)}, limits_.maxColumns);
    auto at = static_cast<std::size_t>(column_);
    if (at >= row_.cells.size()) row_.cells.resize(at + 1);
    row_.cells[at] = std::move(cell);
  }

  [[noreturn]] void tooLarge(const char* msgid, MessageArg where, std::int64_t limit) const {
    throw Error(Error::Kind::BadInput, msgid,
                {{"file", zip_.file().string()},
                 {"sheet", sheetName()},
                 std::move(where),
                 {"limit", std::to_string(limit)}});
  }

  [[noreturn]] void damaged(const std::string& what) const {
    throwDamaged(zip_.file(), fmt::format("sheet “{}”: {}", sheetName(), what));
  }

  const std::string& sheetName() const { return workbook_.names[sheet_]; }
  std::string cellRef() const { return columnName(column_) + std::to_string(row_.number); }

  ReadLimits limits_;
  ZipArchive zip_;
  xlsx::Workbook workbook_;
  xlsx::SharedStrings strings_;
  std::vector<bool> dateStyles_;
  std::size_t sheet_ = 0;
  // Parse state of the current sheet; one row at a time.
  SheetRow row_;
  std::int64_t lastRow_ = 0;
  std::int64_t column_ = 0;
  std::int64_t lastColumn_ = -1;
  CellType type_ = CellType::Number;
  bool dateStyle_ = false;
  std::string text_;
  bool hasValue_ = false;
  bool rowReady_ = false, inSheetData_ = false, inRow_ = false, inCell_ = false;
  bool inValue_ = false, inInline_ = false, inText_ = false;
  int phonetic_ = 0;
  std::unique_ptr<xlsx::XmlStream> xml_;  // after zip_: its entry is closed before the archive
};

}  // namespace

std::unique_ptr<SheetReader> openXlsx(const std::filesystem::path& file, const ReadLimits& limits) {
  return std::make_unique<XlsxReader>(file, limits);
}

}  // namespace gl::exchange
