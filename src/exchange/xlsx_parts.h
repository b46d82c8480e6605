// What the .xlsx sheet reader stands on, apart from the sheets themselves: an expat stream over one
// zip entry that refuses DOCTYPE/ENTITY declarations and can pause after any element, the workbook's
// sheet list (xl/workbook.xml and its relationships), which cell styles show dates (xl/styles.xml),
// and the shared-string table, kept as one buffer plus end offsets (a 100,000-row roster has ~300,000).
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <expat.h>

#include "core/c_handle.h"
#include "exchange/zip_archive.h"

namespace gl::exchange::xlsx {

// Receives elements by local name ("x:row" arrives as "row"): some writers prefix the SpreadsheetML
// namespace. `attrs` is expat's null-terminated name/value array.
class XmlHandler {
 public:
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view /*name*/) {}
  virtual void text(std::string_view /*data*/) {}

 protected:
  ~XmlHandler() = default;
};

// An attribute's value by local name ("id" finds r:id), or nullptr.
const char* attribute(const char** attrs, std::string_view name);

class XmlStream {
 public:
  XmlStream(ZipEntry entry, XmlHandler& handler, std::filesystem::path file);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  // Parses until a handler calls pause() or the part ends; false once it has ended. Whatever a handler
  // throws comes out of here (never through expat's C frames).
  bool parse();
  // From inside a handler: return from parse() once the current callback is done.
  void pause();
  const ZipEntry& entry() const { return entry_; }

 private:
  static void onStart(void* self, const char* name, const char** attrs);
  static void onEnd(void* self, const char* name);
  static void onText(void* self, const char* data, int size);
  static void onDoctype(void* self, const char*, const char*, const char*, int);
  static void onEntity(void* self, const char*, int, const char*, int, const char*, const char*, const char*,
                       const char*);
  bool advance();
  void fail(std::exception_ptr error);
  [[noreturn]] void refuseDeclarations();

  ZipEntry entry_;
  XmlHandler& handler_;
  std::filesystem::path file_;
  core::CHandle<XML_ParserStruct, XML_ParserFree> parser_;
  std::exception_ptr pending_;
  std::uint64_t sinceCallback_ = 0;  // bytes fed to expat since it last called back
  bool suspended_ = false;
  bool final_ = false;
  bool done_ = false;
};

struct Workbook {
  std::vector<std::string> names;       // in the workbook's order
  std::vector<std::string> sheetParts;  // zip entry of each sheet
  bool date1904 = false;
  std::string sharedStrings;  // zip entry, empty when the workbook has none
  std::string styles;         // likewise
};

// Refuses a zip that is not a workbook ("not an Excel workbook", naming the missing part).
Workbook readWorkbook(ZipArchive& zip);

class SharedStrings {
 public:
  // Rich-text runs are joined, phonetic runs (<rPh>) left out, _xHHHH_ escapes decoded.
  void read(ZipArchive& zip, const std::string& part, std::size_t maxCellBytes);
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }

 private:
  std::string bytes_;
  std::vector<std::uint32_t> ends_;
};

// For each cellXfs index (a cell's s="…"): does its number format show a date or a time?
std::vector<bool> readDateStyles(ZipArchive& zip, const std::string& part);

// Built-in format `id` when `code` is empty, else the custom format code.
bool isDateFormat(int id, std::string_view code);

// OOXML's ST_Xstring escapes: "_x000D_" is a carriage return, "_x005F_" a literal underscore.
std::string decodeXstring(std::string_view text);

// The serial (1900 or 1904 system) of an ISO 8601 date ("2024-05-01" or "2024-05-01T08:30:00", t="d" cells);
// false when `text` is not one.
bool isoDateSerial(std::string_view text, bool date1904, double& serial);

}  // namespace gl::exchange::xlsx
