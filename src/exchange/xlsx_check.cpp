#include "exchange/xlsx_check.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/c_handle.h"

namespace gl::exchange {

// libxlsxwriter 1.1.4 ignores write errors on constant_memory's row file: a full temporary folder
// gives a truncated sheet and no error. After closing, the file must end with the sheet's last row.
bool endsWithRow(int fd, long long sheetRow) {
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) return false;
  std::string tail(static_cast<std::size_t>(std::min<off_t>(st.st_size, 1 << 20)), '\0');
  if (::pread(fd, tail.data(), tail.size(), st.st_size - static_cast<off_t>(tail.size())) !=
      static_cast<ssize_t>(tail.size()))
    return false;
  return tail.find("<row r=\"" + std::to_string(sheetRow) + "\"") != std::string::npos &&
         tail.ends_with("</row>");
}

// The same holds for the other temporary files it assembles parts in: a part cut short is still
// zipped. So every part is read back (libzip checks its CRC) and must end with its root's end tag.
bool wholeWorkbook(const std::filesystem::path& file) {
  int err = 0;
  core::CHandle<zip_t, zip_discard> archive(zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
  zip_t* zip = archive.get();
  if (!zip) return false;
  bool ok = zip_get_num_entries(zip, 0) > 0;
  std::vector<char> buf(1 << 16);
  for (zip_int64_t i = 0; ok && i < zip_get_num_entries(zip, 0); ++i) {
    core::CHandle<zip_file_t, zip_fclose> part(zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0));
    if (!part) {
      ok = false;
      break;
    }
    std::string head, tail;
    zip_int64_t got = 0;
    while ((got = zip_fread(part.get(), buf.data(), buf.size())) > 0) {
      if (head.size() < 512)
        head.append(buf.data(), static_cast<std::size_t>(std::min<zip_int64_t>(got, 512)));
      tail.append(buf.data(), static_cast<std::size_t>(got));
      if (tail.size() > 64) tail.erase(0, tail.size() - 64);
    }
    ok = got == 0 && zip_fclose(part.release()) == 0;  // its status says whether the CRC matched
    // The root element is the first one after the XML declaration: "<worksheet xmlns=…" ends "</worksheet>".
    std::size_t open = head.find('<', head.starts_with("<?") ? head.find("?>") : 0);
    std::size_t end = open == std::string::npos ? open : head.find_first_of(" >/", open + 1);
    while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.pop_back();
    ok = ok && end != std::string::npos && tail.ends_with("</" + head.substr(open + 1, end - open - 1) + ">");
  }
  return ok;
}

}  // namespace gl::exchange
