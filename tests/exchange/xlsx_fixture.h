// Writes .xlsx files for the reader tests from XML given verbatim (with libzip), so a test states the
// exact XML a writer, a damaged file or an attacker would produce.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gl::test {

// A fresh directory under the system temp dir, removed with its files at scope exit.
class ScratchDir {
 public:
  ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();
  std::filesystem::path operator/(std::string_view name) const { return dir_ / name; }

 private:
  std::filesystem::path dir_;
};

struct ZipPart {
  std::string name;
  std::string data;
  bool stored = false;        // true: no compression
  std::string password = {};  // not empty: AES-256 encrypted
};

void writeZip(const std::filesystem::path& file, const std::vector<ZipPart>& parts);

// A minimal workbook as Excel lays it out: [Content_Types].xml, _rels/.rels, xl/workbook.xml and
// xl/_rels/workbook.xml.rels, xl/worksheets/sheetN.xml, and xl/sharedStrings.xml / xl/styles.xml when given.
struct WorkbookXml {
  std::vector<std::pair<std::string, std::string>> sheets;  // sheet name, content of <sheetData>
  std::string sharedStrings;                                // the <si> elements; empty: no part
  std::string styles;                                       // inside <styleSheet>; empty: no part
  bool date1904 = false;
};
std::vector<ZipPart> workbookParts(const WorkbookXml& workbook);

// Replaces the part called `name` (or adds it when absent).
void setPart(std::vector<ZipPart>& parts, const std::string& name, std::string data);
void removePart(std::vector<ZipPart>& parts, const std::string& name);

// workbookParts + writeZip.
std::filesystem::path writeXlsx(const std::filesystem::path& file, const WorkbookXml& workbook);

// A sheet part of `bytes` blanks inside <sheetData>: well-formed, and compressing about 1000 to 1.
std::string blankSheet(std::size_t bytes);

// Makes a zip lie: `entry`'s uncompressed size, in its local header and the central directory, becomes
// `size`.
void understateSize(const std::filesystem::path& file, const std::string& entry, std::uint32_t size);

std::string slurp(const std::filesystem::path& file);
void spill(const std::filesystem::path& file, const std::string& bytes);

}  // namespace gl::test
