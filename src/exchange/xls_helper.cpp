// gridledger-xls — reads one .xls workbook with FreeXL and writes its sheet names and the rows of one
// sheet to standard output as frames (xls_wire.h), for the reader that started it (xls_reader.cpp).
// Usage: gridledger-xls FILE SHEET MAX_ROWS MAX_COLUMNS MAX_CELL_BYTES MAX_FILE_BYTES
// It runs with nothing but the file: no other descriptors, no child processes, no files written,
// no core dumps, a CPU-time cap and (outside sanitizer builds) an address-space cap.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "core/error.h"
#include "exchange/xls_wire.h"

namespace {

void limit(int resource, rlim_t value) {
  rlimit r{value, value};
  setrlimit(resource, &r);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) return 2;
  ::close_range(3, ~0U, 0);
  limit(RLIMIT_CORE, 0);
  limit(RLIMIT_FSIZE, 0);
  limit(RLIMIT_NPROC, 0);
  limit(RLIMIT_CPU, 120);
  if (!kSanitized) limit(RLIMIT_AS, rlim_t{4} << 30);

  gl::exchange::xlswire::FrameWriter out(STDOUT_FILENO);
  try {
    gl::exchange::ReadLimits limits;
    const std::size_t sheet = std::stoul(argv[2]);
    limits.maxRows = std::stoll(argv[3]);
    limits.maxColumns = std::stoll(argv[4]);
    limits.maxCellBytes = std::stoul(argv[5]);
    limits.maxTotalBytes = std::stoull(argv[6]);
    auto reader = gl::exchange::openXlsInProcess(argv[1], limits);
    out.names(reader->sheetNames());
    if (sheet < reader->sheetNames().size()) {
      reader->openSheet(sheet);
      gl::exchange::SheetRow row;
      while (reader->next(row)) out.row(row, reader->bytesRead());
    }
    out.end();
  } catch (const gl::Error& e) {
    out.error(e);
  } catch (const std::exception& e) {
    out.error(gl::Error(gl::Error::Kind::Internal, N_("The .xls reader failed: {detail}"), {{"detail", e.what()}}));
  }
  return 0;
}
