#include "core/mask.h"
#include "core/ascii.h"

#include <algorithm>

#include "core/utf8.h"

namespace gl::core {

namespace {

constexpr std::size_t kTail = 4;
constexpr std::size_t kIdHead = 6;  // the GB/T 2260 division code of where the number was issued

using ascii::allDigits;
using ascii::isDigit;

std::string stars(std::size_t n) {
  return std::string(n, kMaskChar);
}

// Shows at most the last 4 code points and at most half of them.
std::string maskTail(std::string_view text) {
  std::u32string cps = utf8::decode(text);
  std::size_t visible = std::min(kTail, cps.size() / 2);
  return stars(cps.size() - visible) + utf8::encode(std::u32string_view(cps).substr(cps.size() - visible));
}

bool isResidentIdShape(const std::u32string& cps) {
  if (cps.size() != 18 && cps.size() != 15) return false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    bool checkX = i + 1 == cps.size() && (cps[i] == U'X' || cps[i] == U'x');
    if (!isDigit(cps[i]) && !checkX) return false;
  }
  return true;
}

std::string maskOnePhone(std::string_view p) {
  if (p.size() == 11 && p[0] == '1' && allDigits(p))
    return std::string(p.substr(0, 3)) + stars(4) + std::string(p.substr(7));
  if (p.starts_with('+')) {
    auto space = p.find(' ');
    if (space == std::string_view::npos) return maskTail(p);
    return std::string(p.substr(0, space + 1)) + maskTail(p.substr(space + 1));
  }
  auto hyphen = p.find('-');
  if (p.starts_with('0') && hyphen != std::string_view::npos) {
    std::string_view area = p.substr(0, hyphen), rest = p.substr(hyphen + 1);
    auto extAt = rest.find('-');
    std::string_view local = rest.substr(0, extAt);
    std::string_view ext = extAt == std::string_view::npos ? std::string_view{} : rest.substr(extAt + 1);
    bool shaped = (area.size() == 3 || area.size() == 4) && allDigits(area) && allDigits(local) &&
                  (extAt == std::string_view::npos || allDigits(ext));
    if (shaped) {
      // A well-formed local number (7 or 8 digits) shows its last 4 as the product asks, even when
      // that is more than half of a 7-digit one; anything shorter falls back to the half rule.
      std::string out =
          std::string(area) + '-' +
          (local.size() >= 7 ? stars(local.size() - kTail) + std::string(local.substr(local.size() - kTail))
                             : maskTail(local));
      if (extAt != std::string_view::npos) out += '-' + stars(ext.size());
      return out;
    }
  }
  return maskTail(p);
}

}  // namespace

std::string maskId(std::string_view normalized) {
  std::u32string cps = utf8::decode(normalized);
  if (!isResidentIdShape(cps)) return maskTail(normalized);
  return utf8::encode(std::u32string_view(cps).substr(0, kIdHead)) + stars(cps.size() - kIdHead - kTail) +
         utf8::encode(std::u32string_view(cps).substr(cps.size() - kTail));
}

std::string maskPhone(std::string_view normalized) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    auto comma = normalized.find(',', start);
    auto piece =
        normalized.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (start > 0) out += ',';
    out += maskOnePhone(piece);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string maskName(std::string_view name) {
  std::u32string cps = utf8::decode(utf8::trim(name));
  if (cps.empty()) return {};
  return utf8::encode(cps[0]) + stars(cps.size() - 1);
}

}  // namespace gl::core
