#include "xlsx_fixture.h"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

namespace gl::test {

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

void put32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint16_t get16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

std::string header() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
}

}  // namespace

ScratchDir::ScratchDir() {
  std::random_device random;
  dir_ = std::filesystem::temp_directory_path() /
         ("gl-xlsx-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(dir_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;  // a leftover temp dir is not worth failing a test over
  std::filesystem::remove_all(dir_, ignored);
}

void writeZip(const std::filesystem::path& file, const std::vector<ZipPart>& parts) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open failed for " + file.string());
  for (const auto& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.data.data(), part.data.size(), 0);
    zip_int64_t index = source ? zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      zip_source_free(source);
      zip_discard(zip);
      throw std::runtime_error("zip_file_add failed for " + part.name);
    }
    auto at = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(zip, at, part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    if (!part.password.empty() &&
        zip_file_set_encryption(zip, at, ZIP_EM_AES_256, part.password.c_str()) != 0) {
      zip_discard(zip);
      throw std::runtime_error("zip_file_set_encryption failed for " + part.name);
    }
  }
  if (zip_close(zip) != 0) {
    std::string why = zip_strerror(zip);
    zip_discard(zip);
    throw std::runtime_error("zip_close failed: " + why);
  }
}

std::vector<ZipPart> workbookParts(const WorkbookXml& workbook) {
  std::string types =
      header() +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  std::string rootRels =
      header() +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      kRel +
      "/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "</Relationships>";
  std::string book = header() + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">";
  if (workbook.date1904) book += "<workbookPr date1904=\"1\"/>";
  book += "<sheets>";
  std::string rels =
      header() + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<ZipPart> parts{{"[Content_Types].xml", types}, {"_rels/.rels", rootRels}};
  std::vector<ZipPart> sheets;
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    book += "<sheet name=\"" + workbook.sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRel + "/worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    sheets.push_back({"xl/worksheets/sheet" + n + ".xml",
                      header() + "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\"><sheetData>" +
                          workbook.sheets[i].second + "</sheetData></worksheet>"});
  }
  book += "</sheets></workbook>";
  if (!workbook.sharedStrings.empty()) {
    rels += std::string("<Relationship Id=\"rIdS\" Type=\"") + kRel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    sheets.push_back({"xl/sharedStrings.xml",
                      header() + "<sst xmlns=\"" + kMain + "\">" + workbook.sharedStrings + "</sst>"});
  }
  if (!workbook.styles.empty()) {
    rels += std::string("<Relationship Id=\"rIdT\" Type=\"") + kRel + "/styles\" Target=\"styles.xml\"/>";
    sheets.push_back({"xl/styles.xml",
                      header() + "<styleSheet xmlns=\"" + kMain + "\">" + workbook.styles + "</styleSheet>"});
  }
  rels += "</Relationships>";
  parts.push_back({"xl/workbook.xml", book});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  parts.insert(parts.end(), sheets.begin(), sheets.end());
  return parts;
}

void setPart(std::vector<ZipPart>& parts, const std::string& name, std::string data) {
  auto it = std::find_if(parts.begin(), parts.end(), [&](const ZipPart& p) { return p.name == name; });
  if (it == parts.end())
    parts.push_back({name, std::move(data)});
  else
    it->data = std::move(data);
}

void removePart(std::vector<ZipPart>& parts, const std::string& name) {
  std::erase_if(parts, [&](const ZipPart& p) { return p.name == name; });
}

std::filesystem::path writeXlsx(const std::filesystem::path& file, const WorkbookXml& workbook) {
  writeZip(file, workbookParts(workbook));
  return file;
}

std::string blankSheet(std::size_t bytes) {
  return std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + std::string(bytes, ' ') +
         "</sheetData></worksheet>";
}

void understateSize(const std::filesystem::path& file, const std::string& entry, std::uint32_t size) {
  std::string bytes = slurp(file);
  int patched = 0;
  for (std::size_t at = 0; (at = bytes.find("PK", at)) != std::string::npos; ++at) {
    bool local = bytes.compare(at, 4, "PK\x03\x04") == 0;
    bool central = bytes.compare(at, 4, "PK\x01\x02") == 0;
    if (!local && !central) continue;
    std::size_t nameAt = at + (local ? 30 : 46);
    std::uint16_t nameLength = get16(bytes, at + (local ? 26 : 28));
    if (nameLength != entry.size() || bytes.compare(nameAt, nameLength, entry) != 0) continue;
    put32(bytes, at + (local ? 22 : 24), size);
    ++patched;
  }
  if (patched != 2) throw std::runtime_error("understateSize: " + entry + " not found in both headers");
  spill(file, bytes);
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void spill(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace gl::test
