// Text files to UTF-8, a chunk at a time: the encodings rosters arrive in (docs/domain.md §1.6,
// docs/style.md §9.6). Excel on Chinese Windows saves "CSV" in GBK and "CSV UTF-8" with a BOM;
// its "Unicode text" is UTF-16LE. A character cut at the end of one chunk is finished with the next.
#pragma once

#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/c_handle.h"

namespace gl::exchange {

enum class TextEncoding { Utf8, Utf16Le, Utf16Be, Gb18030 };

struct DetectedEncoding {
  TextEncoding encoding = TextEncoding::Utf8;
  std::size_t bomBytes = 0;  // bytes at the start of the file to skip
};

// How many bytes detectEncoding() wants to see (fewer when the file is shorter).
constexpr std::size_t kDetectBytes = 64 * 1024;

// A BOM decides (UTF-8, UTF-16LE, UTF-16BE). Otherwise valid UTF-8 is UTF-8 and anything else is
// GB18030, the superset of GBK/GB2312/CP936. `head` is the start of the file; unless it is the whole
// file, a character cut at its end does not count against UTF-8.
DetectedEncoding detectEncoding(std::string_view head, bool wholeFile);

// Length of the longest prefix of `text` made of complete, valid UTF-8 (RFC 3629: no overlong
// forms, surrogates or code points above U+10FFFF). `incomplete` is set when what follows is the
// valid beginning of a character that `text` cuts off.
std::size_t validUtf8Prefix(std::string_view text, bool& incomplete);

class TextDecoder {
 public:
  // `file` names the file in error messages.
  TextDecoder(TextEncoding encoding, std::string file);
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // Appends the UTF-8 for `in` to `out`. Bytes of a character that `in` cuts off are kept for the next
  // call. Invalid bytes throw BadInput naming the file and the line.
  void decode(std::string_view in, std::string& out);
  // End of the input: a character still cut off is an error.
  void finish();

  // What decoding settled on: a UTF-8 file that was pure ASCII up to its first non-UTF-8 byte turns
  // out to be GB18030 (ASCII is the same in both).
  TextEncoding encoding() const { return encoding_; }

 private:
  void decodeUtf8(std::string_view in, std::string& out);
  void decodeIconv(std::string_view in, std::string& out);
  void openIconv();
  void countLines(std::string_view decoded);
  [[noreturn]] void fail(std::string_view decodedBeforeError);

  TextEncoding encoding_;
  std::string file_;
  core::CHandle<void, iconv_close> iconv_;  // iconv_t is a void*
  std::string carry_;      // the start of a character cut off by the previous chunk
  std::string joined_;     // carry_ + the next chunk, reused
  bool sawNonAscii_ = false;
  bool started_ = false;    // some text has been decoded (a BOM can only come first)
  bool pendingCr_ = false;  // the last decoded byte was CR: an LF next belongs to the same line end
  std::int64_t lines_ = 0;  // line ends decoded so far
};

}  // namespace gl::exchange
