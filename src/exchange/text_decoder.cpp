#include "exchange/text_decoder.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "core/error.h"

namespace gl::exchange {

namespace {

const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

const char* iconvName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf16Le:
      return "UTF-16LE";
    case TextEncoding::Utf16Be:
      return "UTF-16BE";
    case TextEncoding::Gb18030:
      return "GB18030";
    case TextEncoding::Utf8:
      break;
  }
  return "UTF-8";
}

// The name users see in messages: the GBK they know rather than GB18030 alone.
const char* displayName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be:
      return "UTF-16";
    case TextEncoding::Gb18030:
      return "GBK/GB18030";
    case TextEncoding::Utf8:
      break;
  }
  return "UTF-8";
}

bool hasNonAscii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace

DetectedEncoding detectEncoding(std::string_view head, bool wholeFile) {
  if (head.starts_with("\xEF\xBB\xBF")) return {TextEncoding::Utf8, 3};
  if (head.starts_with("\xFF\xFE")) return {TextEncoding::Utf16Le, 2};
  if (head.starts_with("\xFE\xFF")) return {TextEncoding::Utf16Be, 2};
  bool incomplete = false;
  std::size_t valid = validUtf8Prefix(head, incomplete);
  if (valid == head.size() || (incomplete && !wholeFile)) return {TextEncoding::Utf8, 0};
  return {TextEncoding::Gb18030, 0};
}

std::size_t validUtf8Prefix(std::string_view text, bool& incomplete) {
  incomplete = false;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // RFC 3629 table 3-7: the second byte's range depends on the lead byte.
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n) {
        incomplete = true;
        return i;
      }
      unsigned char b = s[i + k];
      if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return i;
}

TextDecoder::TextDecoder(TextEncoding encoding, std::string file)
    : encoding_(encoding), file_(std::move(file)) {
  if (encoding_ != TextEncoding::Utf8) openIconv();
}

void TextDecoder::openIconv() {
  iconv_t cd = iconv_open("UTF-8", iconvName(encoding_));
  if (cd == kNoIconv)
    // TRANSLATORS: {encoding} is a character set such as GBK/GB18030; gconv is part of the C library
    throw Error(Error::Kind::Environment,
                N_("Cannot read “{file}”: this computer has no {encoding} converter (glibc gconv modules are "
                   "missing)"),
                {{"file", file_}, {"encoding", displayName(encoding_)}});
  iconv_.reset(cd);
}

void TextDecoder::decode(std::string_view in, std::string& out) {
  if (encoding_ == TextEncoding::Utf8)
    decodeUtf8(in, out);
  else
    decodeIconv(in, out);
}

void TextDecoder::finish() {
  if (!carry_.empty()) fail({});
}

void TextDecoder::decodeUtf8(std::string_view in, std::string& out) {
  std::string_view data = in;
  if (!carry_.empty()) {
    joined_.assign(carry_).append(in);
    data = joined_;
    carry_.clear();
  }
  bool incomplete = false;
  std::size_t valid = validUtf8Prefix(data, incomplete);
  if (!sawNonAscii_) sawNonAscii_ = hasNonAscii(data.substr(0, valid));
  out.append(data.substr(0, valid));
  countLines(data.substr(0, valid));
  if (valid > 0) started_ = true;
  if (valid == data.size()) return;
  if (incomplete) {
    carry_.assign(data.substr(valid));
    return;
  }
  if (sawNonAscii_) fail({});
  // Pure ASCII up to here and not UTF-8 now: a GBK file whose first 64 KiB happened to be ASCII.
  encoding_ = TextEncoding::Gb18030;
  openIconv();
  std::string rest(data.substr(valid));
  decodeIconv(rest, out);
}

void TextDecoder::decodeIconv(std::string_view in, std::string& out) {
  std::string_view data = in;
  if (!carry_.empty()) {
    joined_.assign(carry_).append(in);
    data = joined_;
    carry_.clear();
  }
  std::size_t start = out.size();
  // GB18030 and UTF-16 grow by at most half in UTF-8; E2BIG below covers any surprise.
  out.resize(start + data.size() + data.size() / 2 + 16);
  char* inPtr = const_cast<char*>(data.data());  // iconv's signature; it does not write the input
  std::size_t inLeft = data.size();
  char* outPtr = out.data() + start;
  std::size_t outLeft = out.size() - start;
  iconv_t cd = iconv_.get();
  while (inLeft > 0) {
    if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != static_cast<std::size_t>(-1)) break;
    int error = errno;
    if (error == E2BIG) {
      std::size_t used = static_cast<std::size_t>(outPtr - out.data());
      out.resize(out.size() + inLeft * 2 + 16);
      outPtr = out.data() + used;
      outLeft = out.size() - used;
      continue;
    }
    out.resize(static_cast<std::size_t>(outPtr - out.data()));
    if (error == EINVAL) {  // a character cut off at the end of the chunk
      carry_.assign(inPtr, inLeft);
      break;
    }
    fail(std::string_view(out).substr(start));
  }
  out.resize(static_cast<std::size_t>(outPtr - out.data()));
  // A GB18030 BOM (84 31 95 33) decodes to U+FEFF; it is not part of the first field.
  if (!started_ && std::string_view(out).substr(start).starts_with("\xEF\xBB\xBF")) out.erase(start, 3);
  if (out.size() > start) started_ = true;
  countLines(std::string_view(out).substr(start));
}

void TextDecoder::countLines(std::string_view decoded) {
  for (char c : decoded) {
    if (c == '\n') {
      if (!pendingCr_) ++lines_;
      pendingCr_ = false;
    } else if (c == '\r') {
      ++lines_;
      pendingCr_ = true;
    } else {
      pendingCr_ = false;
    }
  }
}

void TextDecoder::fail(std::string_view decodedBeforeError) {
  countLines(decodedBeforeError);
  // TRANSLATORS: {encoding} is UTF-8, UTF-16 or GBK/GB18030; “CSV UTF-8” is the name of Excel's save option
  throw Error(
      Error::Kind::BadInput,
      N_("Line {line} of “{file}” has bytes that are not valid {encoding} text: the file is damaged or mixes "
         "encodings. Open it in Excel or WPS, check that line, and save it again as “CSV UTF-8”."),
      {{"file", file_}, {"line", std::to_string(lines_ + 1)}, {"encoding", displayName(encoding_)}});
}

}  // namespace gl::exchange
