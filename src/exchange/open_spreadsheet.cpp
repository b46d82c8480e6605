// Picks the reader by what the file is, not what it is called: the first bytes say zip (.xlsx),
// OLE2 compound file (.xls) or text (.csv/.txt). Anything else is refused before a reader runs.
#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/error.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

namespace {

constexpr unsigned char kZip[] = {'P', 'K', 0x03, 0x04};
constexpr unsigned char kOle2[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

bool startsWith(const std::array<unsigned char, 4096>& head, std::size_t n, const unsigned char* magic,
                std::size_t size) {
  return n >= size && std::memcmp(head.data(), magic, size) == 0;
}

// Text as a roster CSV is: no NUL bytes and few control characters other than tab, CR and LF.
bool looksLikeText(const std::array<unsigned char, 4096>& head, std::size_t n) {
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = head[i];
    if (c == 0) return false;
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != 0x0C) ++control;
  }
  return control * 20 <= n;
}

}  // namespace

std::unique_ptr<SheetReader> openSpreadsheet(const std::filesystem::path& file, const ReadLimits& limits) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error(Error::Kind::BadInput, N_("Cannot open “{file}”: no such file, or it cannot be read"),
                {{"file", file.string()}});
  std::array<unsigned char, 4096> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  auto n = static_cast<std::size_t>(in.gcount());
  if (n == 0) throw Error(Error::Kind::BadInput, N_("“{file}” is empty"), {{"file", file.string()}});
  if (startsWith(head, n, kZip, sizeof kZip)) return openXlsx(file, limits);
  if (startsWith(head, n, kOle2, sizeof kOle2)) return openXls(file, limits);
  // Excel's "Unicode text" is UTF-16 with a BOM: NUL bytes everywhere, and still a CSV to read.
  if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return openCsv(file, limits);
  if (looksLikeText(head, n)) return openCsv(file, limits);
  throw Error(Error::Kind::BadInput,
              N_("“{file}” is not a spreadsheet GridLedger can read (.xlsx, .xls, .csv or .txt)"),
              {{"file", file.string()}});
}

}  // namespace gl::exchange
