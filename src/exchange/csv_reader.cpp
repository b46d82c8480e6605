// .csv/.txt rosters, streamed: RFC 4180 as Excel reads it. The encoding comes from text_decoder.h;
// the delimiter from the first records (comma, tab or semicolon) unless a "sep=;" line names it.
// Memory holds one decoded chunk and one record, whatever the size of the file.
#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"
#include "exchange/sheet_reader.h"
#include "exchange/text_decoder.h"

namespace gl::exchange {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kSniffRecords = 20;

// The delimiter that splits the most sample records into the same number of pieces; a title row
// without delimiters does not decide. Ties go to the comma, then tab (Excel's own exports).
char sniffDelimiter(std::string_view text, bool complete) {
  constexpr std::array<char, 3> kCandidates = {',', '\t', ';'};
  std::vector<std::array<int, 3>> records;
  std::array<int, 3> current{};
  bool quoted = false;
  for (std::size_t i = 0; i < text.size() && records.size() < kSniffRecords; ++i) {
    char c = text[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      records.push_back(current);
      current = {};
    } else if (!quoted) {
      for (std::size_t k = 0; k < kCandidates.size(); ++k)
        if (c == kCandidates[k]) ++current[k];
    }
  }
  if (records.empty() || (complete && records.size() < kSniffRecords)) records.push_back(current);
  char best = ',';
  std::pair<int, int> bestScore{0, 0};  // (records with the usual count, that count)
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    std::map<int, int> frequency;
    for (const auto& r : records)
      if (r[k] > 0) ++frequency[r[k]];
    for (auto [count, times] : frequency) {
      std::pair<int, int> score{times, count};
      if (score > bestScore) {
        bestScore = score;
        best = kCandidates[k];
      }
    }
  }
  return best;
}

class CsvReader final : public SheetReader {
 public:
  CsvReader(const std::filesystem::path& file, const ReadLimits& limits)
      : file_(file), fileName_(file.string()), limits_(limits), names_{file.stem().string()} {
    openSheet(0);
  }

  const std::vector<std::string>& sheetNames() const override { return names_; }
  void openSheet(std::size_t index) override;
  bool next(SheetRow& row) override;
  std::uint64_t bytesRead() const override { return bytesRead_; }
  std::uint64_t bytesTotal() const override { return bytesTotal_; }

 private:
  bool fill();
  int peek();
  bool readRecord();
  void scanUnquoted();
  void scanQuoted(std::int64_t startLine);
  void endField();
  void appendToField(std::string_view piece);
  void takeSepLine();
  [[noreturn]] void nulCharacter();

  std::filesystem::path file_;
  std::string fileName_;
  ReadLimits limits_;
  std::vector<std::string> names_;
  std::ifstream in_;
  std::unique_ptr<TextDecoder> decoder_;
  std::string raw_;
  std::string text_;  // decoded, not yet parsed from pos_ on
  std::size_t pos_ = 0;
  bool eof_ = false;
  char delimiter_ = ',';
  std::array<bool, 256> stopUnquoted_{};
  std::uint64_t bytesRead_ = 0, bytesTotal_ = 0;
  std::int64_t record_ = 0;  // records started, blank ones included: Excel's row number
  std::int64_t line_ = 1;    // physical line of the parse position, for messages
  // The record being read: non-empty cells, and empty fields not yet followed by a non-empty one
  // (a line of 100,000 commas must not make 100,000 cells).
  std::vector<Cell> cells_;
  std::size_t pendingEmpty_ = 0;
  bool nonBlank_ = false;
  std::string field_;
  bool recordEnded_ = false;
};

void CsvReader::openSheet(std::size_t index) {
  if (index != 0)
    throw Error(Error::Kind::Internal, N_("“{file}” has no sheet number {sheet}"),
                {{"file", fileName_}, {"sheet", std::to_string(index + 1)}});
  in_.close();
  in_.clear();
  in_.open(file_, std::ios::binary);
  std::error_code ec;
  auto size = std::filesystem::file_size(file_, ec);
  if (!in_ || ec)
    throw Error(Error::Kind::BadInput, N_("Cannot open “{file}”: no such file, or it cannot be read"),
                {{"file", fileName_}});
  bytesTotal_ = size;
  if (size == 0) throw Error(Error::Kind::BadInput, N_("“{file}” is empty"), {{"file", fileName_}});

  raw_.resize(kDetectBytes);
  in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
  raw_.resize(static_cast<std::size_t>(in_.gcount()));
  bytesRead_ = raw_.size();
  eof_ = !in_;
  DetectedEncoding detected = detectEncoding(raw_, eof_);
  decoder_ = std::make_unique<TextDecoder>(detected.encoding, fileName_);
  text_.clear();
  pos_ = 0;
  decoder_->decode(std::string_view(raw_).substr(detected.bomBytes), text_);
  if (eof_) decoder_->finish();
  record_ = 0;
  line_ = 1;
  while (!eof_ && text_.size() < kDetectBytes) fill();

  takeSepLine();
  if (delimiter_ == 0) delimiter_ = sniffDelimiter(std::string_view(text_).substr(pos_), eof_);
  stopUnquoted_ = {};
  for (unsigned char c : {static_cast<unsigned char>(delimiter_), static_cast<unsigned char>('\r'),
                          static_cast<unsigned char>('\n'), static_cast<unsigned char>('\0')})
    stopUnquoted_[c] = true;
}

// Excel writes and honours a first line "sep=;" naming the delimiter; it is not a row of the sheet.
void CsvReader::takeSepLine() {
  delimiter_ = 0;
  std::string_view head = std::string_view(text_).substr(pos_);
  if (head.size() < 5 || !head.starts_with("sep=")) return;
  char d = head[4];
  if (d == '"' || d == '\r' || d == '\n') return;
  std::string_view rest = head.substr(5);
  std::size_t skip = 5;
  if (rest.starts_with("\r\n"))
    skip += 2;
  else if (rest.starts_with("\r") || rest.starts_with("\n"))
    skip += 1;
  else if (!(rest.empty() && eof_))
    return;
  delimiter_ = d;
  pos_ += skip;
  line_ = 2;
}

// Decodes the next chunk of the file after the unparsed text; false when the file is done.
bool CsvReader::fill() {
  if (eof_) return false;
  text_.erase(0, pos_);
  pos_ = 0;
  raw_.resize(kChunkBytes);
  in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
  raw_.resize(static_cast<std::size_t>(in_.gcount()));
  if (in_.bad())
    throw Error(Error::Kind::Environment,
                N_("Reading “{file}” failed (a disk or network error). Copy the file to this computer and "
                   "try again."),
                {{"file", fileName_}});
  bytesRead_ += raw_.size();
  decoder_->decode(raw_, text_);
  if (!in_) {
    eof_ = true;
    decoder_->finish();
  }
  return true;
}

int CsvReader::peek() {
  while (pos_ >= text_.size())
    if (!fill()) return -1;
  return static_cast<unsigned char>(text_[pos_]);
}

void CsvReader::nulCharacter() {
  throw Error(
      Error::Kind::BadInput,
      N_("Line {line} of “{file}” contains a NUL character, so it is not a text table. Open it in Excel or "
         "WPS and save it as “CSV UTF-8”."),
      {{"file", fileName_}, {"line", std::to_string(line_)}});
}

void CsvReader::appendToField(std::string_view piece) {
  if (field_.size() + piece.size() > limits_.maxCellBytes)
    // TRANSLATORS: {limit} is a number of bytes (32767, Excel's own limit for a cell)
    throw Error(
        Error::Kind::BadInput,
        N_("Row {row}, column {column} of “{file}” is longer than {limit} bytes: this is not a roster (is "
           "the delimiter or a quote wrong?)"),
        {{"file", fileName_},
         {"row", std::to_string(record_)},
         {"column", std::to_string(cells_.size() + pendingEmpty_ + 1)},
         {"limit", std::to_string(limits_.maxCellBytes)}});
  field_.append(piece);
}

// Up to the delimiter or the end of the line. A quote here is text, as Excel keeps it.
void CsvReader::scanUnquoted() {
  while (peek() >= 0) {
    std::size_t end = pos_;
    while (end < text_.size() && !stopUnquoted_[static_cast<unsigned char>(text_[end])]) ++end;
    appendToField(std::string_view(text_).substr(pos_, end - pos_));
    pos_ = end;
    if (end == text_.size()) continue;
    char c = text_[pos_++];
    if (c == '\0') nulCharacter();
    if (c == delimiter_) return;
    ++line_;
    if (c == '\r' && peek() == '\n') ++pos_;
    recordEnded_ = true;
    return;
  }
  recordEnded_ = true;
}

// After an opening quote: up to the closing one, "" being a quote. Line ends inside are text.
void CsvReader::scanQuoted(std::int64_t startLine) {
  for (;;) {
    if (peek() < 0)
      throw Error(Error::Kind::BadInput,
                  N_("“{file}”: the quoted field that starts on line {line} is never closed (its closing "
                     "quote mark is missing). "
                     "Check that line in Excel or a text editor."),
                  {{"file", fileName_}, {"line", std::to_string(startLine)}});
    std::size_t end = pos_;
    while (end < text_.size()) {
      char c = text_[end];
      if (c == '"' || c == '\0') break;
      if (c == '\n' && !(end > pos_ && text_[end - 1] == '\r')) ++line_;
      if (c == '\r') ++line_;
      ++end;
    }
    appendToField(std::string_view(text_).substr(pos_, end - pos_));
    pos_ = end;
    if (end == text_.size()) {
      // A CR LF cut by the chunk edge: the LF must not count as a second line.
      if (!field_.empty() && field_.back() == '\r' && peek() == '\n') {
        appendToField("\n");
        ++pos_;
      }
      continue;
    }
    if (text_[pos_] == '\0') nulCharacter();
    ++pos_;
    if (peek() != '"') return;
    appendToField("\"");
    ++pos_;
  }
}

void CsvReader::endField() {
  if (field_.empty()) {
    ++pendingEmpty_;
    return;
  }
  std::size_t column = cells_.size() + pendingEmpty_;
  if (column >= static_cast<std::size_t>(limits_.maxColumns))
    // TRANSLATORS: {limit} is a number of columns
    throw Error(
        Error::Kind::BadInput,
        N_("Row {row} of “{file}” has more than {limit} columns: this is not a roster (is the delimiter "
           "wrong?)"),
        {{"file", fileName_},
         {"row", std::to_string(record_)},
         {"limit", std::to_string(limits_.maxColumns)}});
  cells_.resize(cells_.size() + pendingEmpty_);
  pendingEmpty_ = 0;
  if (!nonBlank_) nonBlank_ = !core::utf8::trim(field_).empty();
  Cell cell;
  cell.kind = Cell::Kind::Text;
  cell.text = std::move(field_);
  field_.clear();
  cells_.push_back(std::move(cell));
}

// One record into cells_; false at the end of the file.
bool CsvReader::readRecord() {
  if (peek() < 0) return false;
  ++record_;
  cells_.clear();
  pendingEmpty_ = 0;
  nonBlank_ = false;
  recordEnded_ = false;
  while (!recordEnded_) {
    field_.clear();
    if (peek() == '"') {
      ++pos_;
      scanQuoted(line_);
    }
    scanUnquoted();  // the rest of the field: Excel keeps text after a closing quote
    endField();
  }
  return true;
}

bool CsvReader::next(SheetRow& row) {
  while (readRecord()) {
    if (!nonBlank_) continue;
    if (record_ > limits_.maxRows)
      // TRANSLATORS: {limit} is a number of rows
      throw Error(Error::Kind::BadInput,
                  N_("“{file}” has more than {limit} rows; split it into smaller files"),
                  {{"file", fileName_}, {"limit", std::to_string(limits_.maxRows)}});
    row.number = record_;
    row.cells = std::move(cells_);
    cells_ = {};
    return true;
  }
  return false;
}

}  // namespace

// Every field is Text (a CSV has no types: "3.70322198501011E+17" stays as written and the importer
// judges it); an empty field is an Empty cell, as Excel shows it. Row numbers count records, blank
// ones included, so they match Excel's row numbers after it opens the file.
std::unique_ptr<SheetReader> openCsv(const std::filesystem::path& file, const ReadLimits& limits) {
  return std::make_unique<CsvReader>(file, limits);
}

}  // namespace gl::exchange
