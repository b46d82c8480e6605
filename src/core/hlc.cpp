#include "core/hlc.h"
#include "core/ascii.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/error.h"

namespace gl::core {

namespace {

constexpr std::int64_t kMaxWallMs = (std::int64_t{1} << 47) - 1;
constexpr std::uint32_t kMaxCounter = 0xFFFF;
constexpr std::size_t kWallDigits = 13;
constexpr std::size_t kCounterDigits = 4;

// A counter past 65535 would spill into the wall bits of the packed form, and a wrap to 0 would
// go backwards. The paper's counter stays small only while clocks tick; 65536 events in one ms
// (a bulk import) or a long-stuck clock can reach the limit. Core cannot wait for the next tick,
// so it borrows the next millisecond: the HLC runs a few ms ahead of wall time until the wall
// clock catches up, and stays strictly increasing.
Hlc make(std::int64_t wallMs, std::uint32_t counter) {
  if (counter > kMaxCounter) return Hlc{wallMs + 1, 0};
  return Hlc{wallMs, static_cast<std::uint16_t>(counter)};
}

using ascii::hexValue;

}  // namespace

std::int64_t Hlc::packed() const {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(wallMs) << 16) | counter);
}

Hlc Hlc::unpack(std::int64_t packed) {
  return Hlc{packed >> 16, static_cast<std::uint16_t>(packed & 0xFFFF)};
}

std::string Hlc::text() const { return fmt::format("{:013}-{:04x}", wallMs, counter); }

std::optional<Hlc> Hlc::parse(std::string_view t) {
  if (t.size() != kWallDigits + 1 + kCounterDigits || t[kWallDigits] != '-') return std::nullopt;
  std::int64_t wall = 0;
  for (std::size_t i = 0; i < kWallDigits; ++i) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    wall = wall * 10 + (t[i] - '0');
  }
  std::uint32_t counter = 0;
  for (std::size_t i = kWallDigits + 1; i < t.size(); ++i) {
    int v = hexValue(t[i]);
    if (v < 0) return std::nullopt;
    counter = counter * 16 + static_cast<std::uint32_t>(v);
  }
  return Hlc{wall, static_cast<std::uint16_t>(counter)};
}

HlcClock::HlcClock(WallClock wall, Hlc last) : wall_(std::move(wall)), last_(last) {
  if (!wall_) throw Error(Error::Kind::Internal, N_("The hybrid clock has no wall clock"));
}

std::int64_t HlcClock::physicalMs() const {
  // A broken clock (negative, or past the 47-bit range) must not corrupt the packed form.
  return std::clamp<std::int64_t>(wall_() + offsetMs_, 0, kMaxWallMs);
}

Hlc HlcClock::now() {
  std::int64_t pt = physicalMs();
  if (pt > last_.wallMs)
    last_ = Hlc{pt, 0};
  else  // the wall clock is stuck or went back (NTP step, slow PC): count on the last wall time
    last_ = make(last_.wallMs, std::uint32_t{last_.counter} + 1);
  return last_;
}

Hlc HlcClock::receive(Hlc remote) {
  std::int64_t pt = physicalMs();
  std::int64_t wall = std::max({last_.wallMs, remote.wallMs, pt});
  std::uint32_t counter = 0;
  if (wall == last_.wallMs && wall == remote.wallMs)
    counter = std::uint32_t{std::max(last_.counter, remote.counter)} + 1;
  else if (wall == last_.wallMs)
    counter = std::uint32_t{last_.counter} + 1;
  else if (wall == remote.wallMs)
    counter = std::uint32_t{remote.counter} + 1;
  last_ = make(wall, counter);
  return last_;
}

bool wins(Hlc a, std::string_view siteA, Hlc b, std::string_view siteB) {
  if (a != b) return a > b;
  return siteA > siteB;
}

bool tooFarAhead(Hlc h, std::int64_t serverWallMs) { return h.wallMs > serverWallMs + kMaxAheadMs; }

}  // namespace gl::core
