#include "core/utf8.h"

namespace gl::core::utf8 {

namespace {

// The code point of the UTF-8 sequence at `s[i]` and its length in bytes; length 0 when the bytes
// there are not UTF-8 (RFC 3629: no overlong forms, UTF-16 surrogates or code points past U+10FFFF —
// accepting them would let 0xC0 0xB1 pass for the digit 1).
std::size_t sequenceAt(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return len;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t len = sequenceAt(s, i, cp);
    out += len ? cp : U'\uFFFD';
    i += len ? len : 1;
  }
  return out;
}

bool isValid(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = sequenceAt(text, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::string encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text) append(out, cp);
  return out;
}

std::string foldWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t kept = 0;  // text[kept, i) is copied as it is
  const auto replace = [&](std::size_t i, std::size_t len, std::string_view with) {
    out.append(text.substr(kept, i - kept)).append(with);
    kept = i + len;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = sequenceAt(text, i, cp);
    if (len == 0) {
      replace(i, 1, "\uFFFD");  // as decode() reads it
      ++i;
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      const char ascii = static_cast<char>(cp - 0xFF01 + 0x21);
      replace(i, len, std::string_view(&ascii, 1));
    } else if (cp == 0x3000) {
      replace(i, len, " ");
    }
    i += len;
  }
  if (kept == 0) return std::string(text);
  out.append(text.substr(kept));
  return out;
}

std::string trim(std::string_view text) {
  auto isSpace = [](std::string_view s, std::size_t at, bool fromEnd, std::size_t& len) {
    static constexpr std::string_view kWide[] = {"\u3000", "\u00A0", "\uFEFF"};
    char c = fromEnd ? s[at - 1] : s[at];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      len = 1;
      return true;
    }
    for (auto w : kWide) {
      if (!fromEnd && s.substr(at).starts_with(w)) {
        len = w.size();
        return true;
      }
      if (fromEnd && s.substr(0, at).ends_with(w)) {
        len = w.size();
        return true;
      }
    }
    return false;
  };
  std::size_t b = 0, e = text.size(), len = 0;
  while (b < e && isSpace(text, b, false, len)) b += len;
  while (e > b && isSpace(text, e, true, len)) e -= len;
  return std::string(text.substr(b, e - b));
}

bool isHan(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

}  // namespace gl::core::utf8
