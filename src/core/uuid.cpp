#include "core/uuid.h"
#include "core/ascii.h"

#include <algorithm>
#include <array>

#include "core/error.h"

namespace gl::core {

namespace {

constexpr std::int64_t kMaxMs = (std::int64_t{1} << 48) - 1;
constexpr std::uint16_t kMaxCounter = 0x0FFF;  // rand_a is 12 bits
constexpr std::uint16_t kSeedMask = 0x07FF;    // seeds keep the counter's top bit clear
constexpr char kHex[] = "0123456789abcdef";

bool isHyphenAt(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

using ascii::hexValue;

}  // namespace

UuidV7Generator::UuidV7Generator(WallClock wall, RandomFill random)
    : wall_(std::move(wall)), random_(std::move(random)) {
  if (!wall_ || !random_)
    throw Error(Error::Kind::Internal, N_("The id generator has no clock or random source"));
}

std::string UuidV7Generator::next() {
  std::array<std::uint8_t, 16> b{};
  random_(b.data(), b.size());

  std::int64_t ms = std::clamp<std::int64_t>(wall_(), 0, kMaxMs);
  if (ms > lastMs_) {
    lastMs_ = ms;
    counter_ = static_cast<std::uint16_t>(((b[6] << 8) | b[7]) & kSeedMask);
  } else if (counter_ < kMaxCounter) {
    ++counter_;
  } else {
    ++lastMs_;
    counter_ = static_cast<std::uint16_t>(((b[6] << 8) | b[7]) & kSeedMask);
  }

  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(lastMs_ >> (8 * (5 - i)));
  b[6] = static_cast<std::uint8_t>(0x70 | (counter_ >> 8));
  b[7] = static_cast<std::uint8_t>(counter_ & 0xFF);
  b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3F));

  std::string out(36, '-');  // 8-4-4-4-12
  std::size_t at = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) ++at;
    out[at++] = kHex[b[i] >> 4];
    out[at++] = kHex[b[i] & 0x0F];
  }
  return out;
}

bool isUuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (isHyphenAt(i) ? t[i] != '-' : hexValue(t[i]) < 0) return false;
  }
  return true;
}

int uuidVersion(std::string_view t) { return isUuid(t) ? hexValue(t[14]) : 0; }

std::int64_t uuidV7Millis(std::string_view t) {
  // The RFC variant is 10xx in the first hex digit of the fourth group: 8, 9, a or b.
  if (uuidVersion(t) != 7 || (hexValue(t[19]) & 0xC) != 0x8) return -1;
  std::int64_t ms = 0;
  for (std::size_t i = 0; i < 13; ++i) {
    if (i == 8) continue;
    ms = ms * 16 + hexValue(t[i]);
  }
  return ms;
}

}  // namespace gl::core
