// CSV as Excel on Chinese Windows reads it: UTF-8 with a BOM (without one, Excel assumes the ANSI
// code page, GBK, and shows mojibake — docs/domain.md §1.6), CRLF line ends, RFC 4180 quoting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exchange/atomic_file.h"

namespace gl::exchange {

// Quotes a field when it holds a comma, quote, CR or LF. With `freeText`, a field that Excel would
// run as a formula (starting with = + @ tab CR, or - before a non-digit) gets a leading apostrophe
// (OWASP CSV injection). Canonical values (ids, phones such as +852 …, dates, codes) are never
// changed: an export carries full values.
std::string csvField(std::string_view value, bool freeText = true);

class CsvWriter {
 public:
  explicit CsvWriter(AtomicFile& out);  // writes the BOM
  // `freeText[i]` says whether field i is typed text (guarded) or a canonical value; empty = all text.
  void row(const std::vector<std::string>& fields, const std::vector<bool>& freeText = {});
  long long rows() const { return rows_; }

 private:
  AtomicFile& out_;
  std::string line_;
  long long rows_ = 0;
};

}  // namespace gl::exchange
