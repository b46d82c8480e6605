// libFuzzer target: any bytes, as a file named like a spreadsheet, through openSpreadsheet and every
// row of every sheet. A refusal (gl::Error) is a correct answer; anything else — a crash, a leak, an
// out-of-bounds read, an exception of another type, a hang — is a bug the run reports. An .xls goes
// to the gridledger-xls helper (FreeXL in a process of its own): a fault there is a refusal here.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/error.h"
#include "exchange/sheet_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("gl-fuzz-" + std::to_string(getpid()) + ".xlsx");
  if (FILE* f = std::fopen(file.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  gl::exchange::ReadLimits limits;
  limits.maxEntryBytes = 8u << 20;
  limits.maxTotalBytes = 16u << 20;
  limits.maxRows = 20000;
  limits.maxColumns = 200;
  try {
    auto reader = gl::exchange::openSpreadsheet(file, limits);
    for (std::size_t s = 0; s < reader->sheetNames().size() && s < 4; ++s) {
      reader->openSheet(s);
      gl::exchange::SheetRow row;
      while (reader->next(row)) {
      }
    }
  } catch (const gl::Error&) {
  }
  return 0;
}
