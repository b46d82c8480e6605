// Internal to gl_sheet: how the gridledger-xls helper hands an .xls over to the reader that runs it
// (xls_reader.cpp). The helper parses the workbook with FreeXL in a process of its own, so that a
// hostile or damaged file that breaks FreeXL takes only the helper down, never the ledger's process.
//
// The helper writes frames to its standard output, in this machine's byte order:
//   'N' u32 count, count × str         the sheet names (first)
//   'R' i64 row, u64 bytes read, u32 cells, cells × (u8 kind, f64 number, str text)
//   'E'                                 the end of the sheet asked for
//   'X' u8 kind, str msgid, u32 n, n × (str name, str value), str context     a gl::Error
// where str = u32 length + UTF-8 bytes. The reader bounds every length by the read limits.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

// FreeXL in this process (xls_freexl.cpp): for the helper alone.
std::unique_ptr<SheetReader> openXlsInProcess(const std::filesystem::path& file, const ReadLimits& limits);

namespace xlswire {

class FrameWriter {
 public:
  explicit FrameWriter(int fd) : fd_(fd) {}
  ~FrameWriter() { flush(); }
  void names(const std::vector<std::string>& names);
  void row(const SheetRow& row, std::uint64_t bytesRead);
  void end();
  void error(const Error& e);
  void flush();  // false writes are ignored: the reader has gone

 private:
  void byte(char c) { buffer_.push_back(c); }
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void str(const std::string& s);
  int fd_;
  std::string buffer_;
};

// Reads frames; a helper that goes quiet for `stall` is taken for hung.
class FrameReader {
 public:
  FrameReader(int fd, const ReadLimits& limits, std::chrono::milliseconds stall)
      : fd_(fd), limits_(limits), stall_(stall) {}
  enum class Frame { Names, Row, End, Error, Closed };
  // The next frame; Closed when the helper's output ended (it exited or died) before a frame did.
  // A frame that breaks the format or the limits throws BadFrame.
  Frame next();
  struct BadFrame {};
  struct Stalled {};

  std::vector<std::string> names;
  SheetRow row;
  std::uint64_t bytesRead = 0;
  std::unique_ptr<Error> error;

 private:
  bool fill(std::size_t need);  // false at end of output
  std::uint8_t byte();
  std::uint32_t u32();
  std::uint64_t u64();
  std::string str(std::size_t max);
  int fd_;
  ReadLimits limits_;
  std::chrono::milliseconds stall_;
  std::string buffer_;
  std::size_t at_ = 0;
};

}  // namespace xlswire
}  // namespace gl::exchange
