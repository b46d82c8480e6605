#include "center/log_line.h"

#include <cstdint>
#include <ctime>
#include <utility>

#include <fmt/format.h>

namespace gl::center {

namespace {

bool plain(unsigned char c) { return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '='; }

// The valid UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF): its length and code point, length 0 when there is none.
std::pair<std::size_t, char32_t> sequence(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = byte(0);
  std::size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return {0, 0};
  // The second byte's range narrows after E0, ED, F0 and F4.
  unsigned char low = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80, high = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
  if (byte(1) < low || byte(1) > high) return {0, 0};
  char32_t cp = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xc0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(k) & 0x3f);
  }
  return {n, cp};
}

// Characters that are valid but change how a line reads: C1 controls, line and paragraph
// separators, and the marks that reorder text (a name that shows its tail first).
bool deceptive(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x200e && cp <= 0x200f) ||
         (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string logValue(std::string_view value, std::size_t limit) {
  if (value.empty()) return "-";
  bool bare = value.size() <= limit;
  for (unsigned char c : value) bare = bare && plain(c);
  if (bare) return std::string(value);
  std::string out = "\"";
  std::size_t i = 0;
  for (; i < value.size() && i < limit;) {
    auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      auto [n, cp] = sequence(value, i);
      if (n > 0 && i + n > limit) break;
      if (n > 0 && deceptive(cp)) out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
      else if (n > 0) out.append(value.substr(i, n));
      else out += fmt::format("\\x{:02x}", c);
      i += n > 0 ? n : 1;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += static_cast<char>(c);
    }
    ++i;
  }
  if (i < value.size()) out += "…";
  out += '"';
  return out;
}

std::string logLine(const RequestRecord& r) {
  std::time_t t = static_cast<std::time_t>(r.atMs / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char at[32];
  std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::string line = fmt::format("at={} addr={} method={} path={} status={} bytes={} account={} ms={}", at,
                                 logValue(r.address), logValue(r.method, 16), logValue(r.path, 128), r.status,
                                 r.bytes, logValue(r.account), r.elapsedMs);
  if (!r.fault.empty()) line += " fault=" + logValue(r.fault, 512);
  return line;
}

}  // namespace gl::center
