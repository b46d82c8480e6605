#include "center/log_line.h"

#include <ctime>

#include <fmt/format.h>

namespace gl::center {

namespace {

bool plain(unsigned char c) { return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '='; }

// The length of the valid UTF-8 sequence at `i`, 0 when there is none.
std::size_t sequence(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  return n;
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
      std::size_t n = sequence(value, i);
      if (n > 0 && i + n > limit) break;
      if (n > 0) out.append(value.substr(i, n));
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
