#include "exchange/xlsx_parts.h"

#include <expat.h>

#include <charconv>
#include <chrono>
#include <cstring>
#include <limits>
#include <new>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/utf8.h"

namespace gl::exchange::xlsx {

namespace {

// Excel allows 64,000 cell formats and a few hundred sheets; more is a hostile or broken file.
constexpr std::size_t kMaxItems = 65'536;

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool truthy(const char* value) {
  return value != nullptr && (std::strcmp(value, "1") == 0 || std::strcmp(value, "true") == 0);
}

[[noreturn]] void throwNotWorkbook(const std::filesystem::path& file, const std::string& part) {
  throw Error(
      Error::Kind::BadInput,
      // TRANSLATORS: {part} is a file inside the workbook such as xl/workbook.xml
      // xgettext:python-brace-format
      N_("“{file}” is not an Excel workbook: its part {part} is missing or empty. If it is a spreadsheet, "
         "open it in Excel or WPS and save it as an Excel workbook (.xlsx)."),
      {{"file", file.string()}, {"part", part}});
}

void parseAll(ZipArchive& zip, std::uint64_t index, XmlHandler& handler) {
  XmlStream xml(zip.open(index), handler, zip.file());
  while (xml.parse()) {
  }
}

// A relationship target: "/xl/worksheets/sheet1.xml" from the root, "worksheets/sheet1.xml" from `dir`.
std::string resolve(std::string_view dir, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : std::string(dir) + std::string(target);
  for (char& c : joined)
    if (c == '\\') c = '/';
  std::vector<std::string_view> parts;
  std::string_view rest(joined);
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
  }
  std::string out;
  for (auto part : parts) {
    if (!out.empty()) out += '/';
    out.append(part);  // appends, not "/" + part: GCC 12 -O3 warns falsely (-Wrestrict) on that
  }
  return out;
}

struct Relationship {
  std::string id, type, target;
};

class RelsHandler : public XmlHandler {
 public:
  std::vector<Relationship> rels;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* mode = attribute(attrs, "TargetMode");
    const char* target = attribute(attrs, "Target");
    if (target == nullptr || (mode != nullptr && std::strcmp(mode, "External") == 0)) return;
    if (rels.size() == kMaxItems) throw std::length_error("relationships");
    const char* id = attribute(attrs, "Id");
    const char* type = attribute(attrs, "Type");
    rels.push_back({id ? id : "", type ? type : "", target});
  }
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool date1904 = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") date1904 = truthy(attribute(attrs, "date1904"));
    if (name != "sheet") return;
    if (sheets.size() == kMaxItems) throw std::length_error("sheets");
    const char* sheetName = attribute(attrs, "name");
    const char* id = attribute(attrs, "id");  // r:id
    sheets.emplace_back(sheetName ? sheetName : "Sheet" + std::to_string(sheets.size() + 1), id ? id : "");
  }
};

class StylesHandler : public XmlHandler {
 public:
  std::vector<std::pair<int, std::string>> customFormats;
  std::vector<int> cellFormats;  // numFmtId of each cellXfs entry
  void start(std::string_view name, const char** attrs) override {
    if (name == "cellXfs") inCellXfs_ = true;
    if (name == "numFmt" && customFormats.size() < kMaxItems) {
      const char* code = attribute(attrs, "formatCode");
      customFormats.emplace_back(number(attribute(attrs, "numFmtId")), code ? code : "");
    }
    if (name == "xf" && inCellXfs_) {
      if (cellFormats.size() == kMaxItems) throw std::length_error("cell formats");
      cellFormats.push_back(number(attribute(attrs, "numFmtId")));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") inCellXfs_ = false;
  }

 private:
  static int number(const char* text) {
    int value = 0;
    if (text != nullptr) std::from_chars(text, text + std::strlen(text), value);
    return value;
  }
  bool inCellXfs_ = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(std::string& bytes, std::vector<std::uint32_t>& ends, std::size_t maxCellBytes,
                       const ZipArchive& zip, const std::string& part)
      : bytes_(bytes), ends_(ends), maxCellBytes_(maxCellBytes), zip_(zip), part_(part) {}
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      inItem_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && inItem_ && phonetic_ == 0) {
      inText_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      inText_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "si" && inItem_) {
      inItem_ = false;
      bytes_ += decodeXstring(current_);
      if (bytes_.size() > std::numeric_limits<std::uint32_t>::max())
        throwTooLarge(zip_.file(), part_, std::numeric_limits<std::uint32_t>::max());
      ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    }
  }
  void text(std::string_view data) override {
    if (!inText_) return;
    if (current_.size() + data.size() > maxCellBytes_) {
      throw Error(
          Error::Kind::BadInput,
          // TRANSLATORS: {part} is a file inside the workbook; {limit} a number of bytes
          // xgettext:python-brace-format
          N_("“{file}” holds a text longer than a cell can hold ({limit} bytes) in its part {part}. The "
             "file may be damaged: open it in Excel or WPS and save it again."),
          {{"file", zip_.file().string()}, {"limit", std::to_string(maxCellBytes_)}, {"part", part_}});
    }
    current_.append(data);
  }

 private:
  std::string& bytes_;
  std::vector<std::uint32_t>& ends_;
  std::size_t maxCellBytes_;
  const ZipArchive& zip_;
  const std::string& part_;
  std::string current_;
  bool inItem_ = false;
  bool inText_ = false;
  int phonetic_ = 0;
};

bool hexUnit(std::string_view s, std::size_t i, unsigned& unit) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return false;
  auto [end, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, unit, 16);
  return ec == std::errc() && end == s.data() + i + 6;
}

// Elapsed-time brackets ([h], [mm], [ss]) are times; others ([Red], [$-804], [>=100]) are not.
bool elapsedTime(std::string_view inner) {
  return !inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos;
}

}  // namespace

Workbook readWorkbook(ZipArchive& zip) {
  try {
    std::string workbookPart = "xl/workbook.xml";
    if (auto root = zip.find("_rels/.rels")) {
      RelsHandler rels;
      parseAll(zip, *root, rels);
      for (const auto& r : rels.rels)
        if (endsWith(r.type, "/officeDocument")) {
          workbookPart = resolve("", r.target);
          break;
        }
    }
    auto workbookIndex = zip.find(workbookPart);
    if (!workbookIndex) throwNotWorkbook(zip.file(), workbookPart);
    std::string dir = workbookPart.substr(0, workbookPart.rfind('/') + 1);
    std::string relsPart = dir + "_rels/" + workbookPart.substr(dir.size()) + ".rels";
    auto relsIndex = zip.find(relsPart);
    if (!relsIndex) throwNotWorkbook(zip.file(), relsPart);
    RelsHandler rels;
    parseAll(zip, *relsIndex, rels);
    WorkbookHandler sheets;
    parseAll(zip, *workbookIndex, sheets);
    if (sheets.sheets.empty()) throwNotWorkbook(zip.file(), workbookPart);

    Workbook out;
    out.date1904 = sheets.date1904;
    std::unordered_map<std::string_view, const Relationship*> byId;
    for (const auto& r : rels.rels) byId.emplace(r.id, &r);
    for (auto& [name, id] : sheets.sheets) {
      auto rel = byId.find(id);
      if (rel == byId.end()) throwNotWorkbook(zip.file(), relsPart);
      std::string part = resolve(dir, rel->second->target);
      if (!zip.find(part)) throwNotWorkbook(zip.file(), part);
      out.names.push_back(std::move(name));
      out.sheetParts.push_back(std::move(part));
    }
    for (const auto& r : rels.rels) {
      bool strings = endsWith(r.type, "/sharedStrings");
      if (!strings && !endsWith(r.type, "/styles")) continue;
      std::string part = resolve(dir, r.target);
      if (zip.find(part)) (strings ? out.sharedStrings : out.styles) = part;
    }
    return out;
  } catch (const std::length_error& e) {
    throwDamaged(zip.file(), std::string("too many ") + e.what());
  }
}

void SharedStrings::read(ZipArchive& zip, const std::string& part, std::size_t maxCellBytes) {
  bytes_.clear();
  ends_.clear();
  auto index = zip.find(part);
  if (!index) return;
  SharedStringsHandler handler(bytes_, ends_, maxCellBytes, zip, part);
  parseAll(zip, *index, handler);
  bytes_.shrink_to_fit();
  ends_.shrink_to_fit();
}

std::vector<bool> readDateStyles(ZipArchive& zip, const std::string& part) {
  std::vector<bool> dates;
  auto index = zip.find(part);
  if (!index) return dates;
  StylesHandler styles;
  try {
    parseAll(zip, *index, styles);
  } catch (const std::length_error& e) {
    throwDamaged(zip.file(), std::string("too many ") + e.what());
  }
  std::unordered_map<int, std::string_view> custom;
  for (const auto& [id, code] : styles.customFormats) custom[id] = code;
  for (int id : styles.cellFormats) {
    auto code = custom.find(id);
    dates.push_back(isDateFormat(id, code == custom.end() ? std::string_view() : code->second));
  }
  return dates;
}

bool isDateFormat(int id, std::string_view code) {
  if (code.empty())
    // Excel's built-in date and time formats, with the ids Excel and WPS give the Chinese ones.
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      i = code.find('"', i + 1);
      if (i == std::string_view::npos) return false;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal text or padding
    } else if (c == '[') {
      auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      if (elapsedTime(code.substr(i + 1, close - i - 1))) return true;
      i = close;
    } else if (std::strchr("yYmMdDhHsS", c) != nullptr) {
      return true;
    }
  }
  return false;
}

std::string decodeXstring(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    unsigned unit = 0;
    if (!hexUnit(text, i, unit)) {
      out += text[i++];
      continue;
    }
    i += 7;
    char32_t cp = unit;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      unsigned low = 0;
      if (hexUnit(text, i, low) && low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp != 0) out += core::utf8::encode(cp);
  }
  return out;
}

bool isoDateSerial(std::string_view text, bool date1904, double& serial) {
  using namespace std::chrono;
  auto field = [&](std::size_t at, std::size_t width, int& value) {
    if (at + width > text.size()) return false;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
    return ec == std::errc() && end == text.data() + at + width;
  };
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  if (!field(0, 4, y) || text.size() < 10 || text[4] != '-' || text[7] != '-' || !field(5, 2, m) ||
      !field(8, 2, d))
    return false;
  year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return false;
  if (text.size() > 10) {
    if (text[10] != 'T' || !field(11, 2, hh) || text.size() < 19 || text[13] != ':' || !field(14, 2, mm) ||
        text[16] != ':' || !field(17, 2, ss))
      return false;
  }
  // Days from 1970-01-01 to the epoch's day zero: 1899-12-30 (1900 system) or 1904-01-01.
  double days = sys_days(date).time_since_epoch().count() + (date1904 ? 24107 : 25569);
  serial = days + (hh * 3600 + mm * 60 + ss) / 86400.0;
  return true;
}

}  // namespace gl::exchange::xlsx
