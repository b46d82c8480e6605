#include "core/door_code.h"

#include "core/uuid.h"

namespace gl::core {

namespace {
using u128 = unsigned __int128;
constexpr std::size_t kDigits = 39;  // 2^128 - 1 has 39 decimal digits

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> doorCode(std::string_view uuid) {
  if (!isUuid(uuid)) return std::nullopt;
  u128 v = 0;
  for (char c : uuid)
    if (c != '-') v = v * 16 + static_cast<unsigned>(hexValue(c));
  std::string digits(kDigits, '0');
  for (std::size_t i = kDigits; i-- > 0; v /= 10) digits[i] = static_cast<char>('0' + static_cast<int>(v % 10));
  return "9" + digits;
}

std::optional<std::string> householdOfDoorCode(std::string_view code) {
  if (code.size() != kDigits + 1 || code[0] != '9') return std::nullopt;
  u128 v = 0;
  const u128 max = ~u128(0);
  for (char c : code.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    const unsigned d = static_cast<unsigned>(c - '0');
    if (v > (max - d) / 10) return std::nullopt;  // more than 128 bits
    v = v * 10 + d;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(36, '-');
  int nibble = 31;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    out[i] = kHex[static_cast<int>((v >> (4 * nibble--)) & 0xF)];
  }
  if (!isUuid(out)) return std::nullopt;
  return out;
}

}  // namespace gl::core
