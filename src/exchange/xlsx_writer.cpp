#include "exchange/xlsx_writer.h"

#include "exchange/atomic_file.h"
#include "exchange/xlsx_check.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/date.h"
#include "core/error.h"
#include "text/text.h"

namespace gl::exchange {

namespace {

// Excel's limits: 1,048,576 rows a sheet (one is the header) and 255 characters per page footer.
constexpr long long kMaxDataRows = LXW_ROW_MAX - 1;
constexpr std::size_t kFooterMax = LXW_HEADER_FOOTER_MAX;
constexpr double kMaxWidth = 60;
constexpr double kNarrowWidth = 10;  // a record id column: enough to see it is there
// Excel holds 15 significant digits exactly; integers up to 2^53 survive the double it stores.
constexpr long long kMaxExactInteger = 9007199254740992LL;

[[noreturn]] void cannotWrite(const std::filesystem::path& path, int err) {
  throw Error(Error::Kind::Environment, N_("Cannot write {path}: {reason}"),
              {{"path", path.string()}, {"reason", std::strerror(err)}});
}

std::size_t codePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void popCodePoint(std::string& s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty()) s.pop_back();
}

// Drops whole code points from the end until at most `max` remain, marking the cut with "…".
std::string shorten(std::string s, std::size_t max) {
  if (codePoints(s) <= max) return s;
  if (max == 0) return {};
  while (!s.empty() && codePoints(s) + 1 > max) popCodePoint(s);
  return s + "…";
}

// In a footer "&" starts a code (&P page, &12 font size …): a literal one is doubled.
std::string footerText(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

std::string footer(const ExportStamp& stamp) {
  std::string user = shorten(stamp.user, 32);
  std::string host = shorten(stamp.host, 32);
  // TRANSLATORS: left of every printed page's footer of an export; {user} is the login name
  // xgettext:python-brace-format
  std::string left = "&L" + footerText(text::format(N_("Exported by: {user}"), fmt::arg("user", user)));
  // TRANSLATORS: centre of an export's page footer; {time} is 2022-11-20 14:03:05, {host} the computer's name
  // xgettext:python-brace-format
  std::string centre = "&C" + footerText(text::format(N_("{time}, terminal {host}"),
                                                      fmt::arg("time", stamp.time), fmt::arg("host", host)));
  std::string purpose = stamp.purpose;
  for (;;) {
    // TRANSLATORS: right of an export's page footer; {purpose} is what the user said the export is for
    // xgettext:python-brace-format
    std::string right =
        "&R" + footerText(text::format(N_("Purpose: {purpose}"), fmt::arg("purpose", purpose)));
    std::string all = left + centre + right;
    std::size_t n = codePoints(all);
    if (n <= kFooterMax) return all;
    if (purpose.empty()) return left + centre;  // user and host are capped: these two always fit
    std::size_t keep = codePoints(purpose);
    purpose = shorten(purpose, keep > n - kFooterMax ? keep - (n - kFooterMax) : 0);
  }
}

bool isWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::optional<double> parseReal(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

int displayWidth(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    int len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    char32_t cp = len == 1 ? b : b & (0x3F >> (len - 1));
    for (int k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    width += isWide(cp) ? 2 : 1;
    i += static_cast<std::size_t>(len);
  }
  return width;
}

ExportStamp ExportStamp::now(std::string purpose) {
  ExportStamp s;
  s.purpose = std::move(purpose);
  s.at = std::time(nullptr);
  std::tm local{};
  localtime_r(&s.at, &local);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &local);
  s.time = when;
  // getpwuid_r: an export may run on a worker thread.
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buf(size > 0 ? static_cast<std::size_t>(size) : 16384);
  passwd pw{};
  passwd* found = nullptr;
  if (getpwuid_r(geteuid(), &pw, buf.data(), buf.size(), &found) == 0 && found)
    s.user = found->pw_name;
  else
    s.user = std::to_string(geteuid());
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) s.host = host;
  return s;
}

XlsxWriter::XlsxWriter(std::filesystem::path target, std::string_view sheetName,
                       std::vector<XlsxColumn> columns, const ExportStamp& stamp, const std::string& title)
    : target_(std::move(target)), columns_(std::move(columns)) {
  // libxlsxwriter opens the path itself: make the temp file first, 0600 (mkstemp), so personal
  // data is never readable by others, not even for the moments before the rename.
  std::string pattern = target_.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) cannotWrite(target_, errno);
  ::close(fd);
  temp_ = pattern;

  try {
    start(sheetName, stamp, title);
  } catch (...) {
    discard();  // the destructor of a half-made object does not run
    throw;
  }
}

void XlsxWriter::start(std::string_view sheetName, const ExportStamp& stamp, const std::string& title) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  // Named, so that TMPDIR is honoured and a failure can say where (tmpfile() ignores TMPDIR).
  std::error_code ec;
  tempDir_ = std::filesystem::temp_directory_path(ec).string();
  if (!tempDir_.empty()) options.tmpdir = tempDir_.data();
  errno = 0;
  book_ = workbook_new_opt(temp_.c_str(), &options);
  std::string sheet(sheetName);
  sheet_ = book_ ? workbook_add_worksheet(book_, sheet.c_str()) : nullptr;
  if (!sheet_) {
    // constant_memory keeps the rows in a file in the temporary folder: that is what failed.
    throw Error(Error::Kind::Environment,
                N_("Cannot start “{file}”: the temporary folder {folder} is full or cannot be written to "
                   "({detail})"),
                {{"file", target_.string()},
                 {"folder", tempDir_},
                 {"detail", errno ? std::strerror(errno) : "libxlsxwriter"}});
  }

  // TRANSLATORS: the comments of an exported workbook's document properties
  // xgettext:python-brace-format
  properties_ = {title, stamp.user,
                 text::format(N_("Exported by {user} at terminal {host} on {time}. Purpose: {purpose}"),
                              fmt::arg("user", stamp.user), fmt::arg("host", stamp.host),
                              fmt::arg("time", stamp.time), fmt::arg("purpose", stamp.purpose))};
  lxw_doc_properties props{};
  props.title = properties_[0].data();
  props.author = properties_[1].data();
  props.comments = properties_[2].data();
  props.created = stamp.at;
  check(workbook_set_properties(book_, &props), 0);

  headerFormat_ = workbook_add_format(book_);
  format_set_bold(headerFormat_);
  textFormat_ = workbook_add_format(book_);
  format_set_num_format(textFormat_, "@");  // a clerk retyping an id keeps it text
  integerFormat_ = workbook_add_format(book_);
  format_set_num_format(integerFormat_, "0");
  oneDecimalFormat_ = workbook_add_format(book_);
  format_set_num_format(oneDecimalFormat_, "0.0");
  dateFormat_ = workbook_add_format(book_);
  format_set_num_format(dateFormat_, "yyyy-mm-dd");

  widths_.assign(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    check(
        worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), columns_[c].name.c_str(), headerFormat_),
        0);
    widths_[c] = displayWidth(columns_[c].name) + 2;  // room for the filter button
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  // Paper: landscape, one page wide, the header on every page, who/when/why in every footer.
  worksheet_set_landscape(sheet_);
  worksheet_fit_to_pages(sheet_, 1, 0);
  check(worksheet_repeat_rows(sheet_, 0, 0), 0);
  check(worksheet_set_footer(sheet_, footer(stamp).c_str()), 0);
}

XlsxWriter::~XlsxWriter() {
  if (!committed_) discard();
}

void XlsxWriter::discard() noexcept {
  // lxw_workbook_free (1.1.4) leaves constant_memory's row file open: one descriptor per failed export.
  if (sheet_ && sheet_->optimize_tmpfile) {
    std::fclose(sheet_->optimize_tmpfile);
    sheet_->optimize_tmpfile = nullptr;
  }
  if (book_) lxw_workbook_free(book_);
  book_ = nullptr;
  sheet_ = nullptr;
  if (!temp_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void XlsxWriter::check(int err, long long row) {
  if (err == LXW_NO_ERROR) return;
  throw Error(Error::Kind::Internal, N_("Cannot write row {row} of “{file}”: {detail}"),
              {{"row", std::to_string(row + 1)},
               {"file", target_.string()},
               {"detail", lxw_strerror(static_cast<lxw_error>(err))}});
}

void XlsxWriter::measure(int col, std::string_view shown) {
  auto& w = widths_[static_cast<std::size_t>(col)];
  // A character is at most one byte wide per byte, so short values need no decoding.
  if (w >= kMaxWidth || static_cast<double>(shown.size()) <= w) return;
  w = std::max(w, static_cast<double>(displayWidth(shown)));
}

void XlsxWriter::writeText(int col, std::string_view value) {
  std::string s(value);
  check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(rows_), static_cast<lxw_col_t>(col), s.c_str(),
                               textFormat_),
        rows_);
  measure(col, value);
}

void XlsxWriter::writeCell(int col, std::string_view value) {
  auto row = static_cast<lxw_row_t>(rows_);
  auto c = static_cast<lxw_col_t>(col);
  switch (columns_[static_cast<std::size_t>(col)].type) {
    case CellType::Text:
      break;
    case CellType::Integer: {
      long long n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      // Only when the number prints back as the same text: "007" or 20 digits stay text.
      if (ec == std::errc() && end == value.data() + value.size() && n >= -kMaxExactInteger &&
          n <= kMaxExactInteger && std::to_string(n) == value) {
        check(worksheet_write_number(sheet_, row, c, static_cast<double>(n), integerFormat_), rows_);
        return measure(col, value);
      }
      break;
    }
    case CellType::Real:
    case CellType::OneDecimal:
      if (auto v = parseReal(value)) {
        bool one = columns_[static_cast<std::size_t>(col)].type == CellType::OneDecimal;
        check(worksheet_write_number(sheet_, row, c, *v, one ? oneDecimalFormat_ : nullptr), rows_);
        return measure(col, value);
      }
      break;
    case CellType::Date:
      // Excel has no dates before 1900 (and miscounts up to 1900-03-01, which libxlsxwriter corrects).
      if (auto d = core::Date::fromIso(value); d && d->year >= 1900 && d->year <= 9999) {
        lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
        check(worksheet_write_datetime(sheet_, row, c, &dt, dateFormat_), rows_);
        return measure(col, "yyyy-mm-dd");
      }
      break;
    case CellType::Boolean:
      if (value == "1" || value == "true" || value == "0" || value == "false") {
        check(worksheet_write_boolean(sheet_, row, c, value == "1" || value == "true", nullptr), rows_);
        return measure(col, "FALSE");
      }
      break;
  }
  writeText(col, value);
}

void XlsxWriter::row(std::span<const std::optional<std::string_view>> values) {
  if (!sheet_) cannotWrite(target_, EBADF);  // after commit() or a failure
  if (rows_ >= kMaxDataRows)
    throw Error(
        Error::Kind::BadInput,
        N_("“{file}” would have more than {max} rows, the most one Excel sheet holds: export to a .csv file "
           "instead"),
        {{"file", target_.string()}, {"max", std::to_string(kMaxDataRows)}});
  ++rows_;
  std::size_t n = std::min(values.size(), columns_.size());
  for (std::size_t c = 0; c < n; ++c)
    if (values[c]) writeCell(static_cast<int>(c), *values[c]);
}

void XlsxWriter::commit() {
  if (!book_) cannotWrite(target_, EBADF);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    double width = columns_[c].narrow ? kNarrowWidth : std::min(widths_[c] + 1, kMaxWidth);
    lxw_format* format = columns_[c].type == CellType::Text ? textFormat_ : nullptr;
    check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, format),
          0);
  }
  if (!columns_.empty())
    check(worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows_),
                               static_cast<lxw_col_t>(columns_.size() - 1)),
          0);

  auto tempFolderFull = [&](int sys) {
    return Error(
        Error::Kind::Environment,
        N_("Could not finish “{file}”: the temporary folder {folder} is full or cannot be written to "
           "({detail}); free some space there, then export again"),
        {{"file", target_.string()}, {"folder", tempDir_}, {"detail", std::strerror(sys ? sys : ENOSPC)}});
  };
  // The row file is checked twice: for errors so far, and after closing for the last row.
  std::FILE* rowFile = sheet_->optimize_tmpfile;
  int rowFd = rowFile ? ::dup(fileno(rowFile)) : -1;
  errno = 0;
  if (rowFd < 0 || std::fflush(rowFile) != 0 || std::ferror(rowFile)) {
    Error e = tempFolderFull(errno);
    if (rowFd >= 0) ::close(rowFd);
    discard();
    throw e;
  }
  lxw_workbook* book = book_;
  book_ = nullptr;
  sheet_ = nullptr;
  errno = 0;
  lxw_error err = workbook_close(book);  // frees the workbook whatever it returns
  int closeErr = errno;
  bool complete = err == LXW_NO_ERROR && endsWithRow(rowFd, rows_ + 1);
  ::close(rowFd);
  if (err != LXW_NO_ERROR) {
    std::string detail = lxw_strerror(err);
    if (closeErr) detail += std::string("; ") + std::strerror(closeErr);
    discard();
    throw Error(
        Error::Kind::Environment,
        N_("Could not finish “{file}” ({detail}): check that the disk has space and the folder can be "
           "written to, then export again"),
        {{"file", target_.string()}, {"detail", detail}});
  }
  if (!complete || !wholeWorkbook(temp_)) {
    discard();
    throw tempFolderFull(ENOSPC);
  }
  int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int sys = errno;
    discard();
    cannotWrite(target_, sys);
  }
  // 0600 again in case the zip writer made the file anew, before anyone can open the target.
  if (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
    int sys = errno;
    ::close(fd);
    discard();
    cannotWrite(target_, sys);
  }
  ::close(fd);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    int sys = errno;
    discard();
    cannotWrite(target_, sys);
  }
  committed_ = true;
  syncFolderOf(target_);
}

}  // namespace gl::exchange
