// CSV as Excel on Chinese Windows reads it: UTF-8 with a BOM (without one, Excel assumes the ANSI
// code page, GBK, and shows mojibake — DOMAIN.md 1.6), CRLF line ends, RFC 4180 quoting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exchange/atomic_file.h"

namespace gl::exchange {

// Quotes a field when it holds a comma, quote, CR or LF. A field that Excel would run as a formula
// (starting with = + @, or - before a non-digit) gets a leading apostrophe (OWASP CSV injection).
std::string csvField(std::string_view value);

class CsvWriter {
 public:
  explicit CsvWriter(AtomicFile& out);  // writes the BOM
  void row(const std::vector<std::string>& fields);
  long long rows() const { return rows_; }

 private:
  AtomicFile& out_;
  std::string line_;
  long long rows_ = 0;
};

}  // namespace gl::exchange
