// Hybrid logical clock (S. Kulkarni, M. Demirbas et al., "Logical Physical Clocks and Consistent
// Snapshots in Globally Distributed Databases", 2014): the sync protocol stamps every changed cell
// with one (docs/sync-protocol.md §3). An HLC stays close to wall time, never goes backwards, and
// orders every send before its receive even when a grid worker's PC is a year slow.
//
// Packing: wall milliseconds in the high 48 bits, the logical counter in the low 16, so the
// int64 stored in SQLite (INTEGER) sorts exactly as the HLC does. The site id is not packed in;
// it travels next to the HLC and only breaks ties in `wins`.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gl::core {

struct Hlc {
  std::int64_t wallMs = 0;  // ms since the Unix epoch, 0 .. 2^47-1 (keeps the packed value positive)
  std::uint16_t counter = 0;

  std::int64_t packed() const;
  static Hlc unpack(std::int64_t packed);
  auto operator<=>(const Hlc&) const = default;

  // Fixed width, so text order equals numeric order: 13-digit wall ms, '-', 4 lowercase hex
  // digits of the counter ("1669852800000-000a"). 13 digits last until the year 2286.
  std::string text() const;
  // Accepts exactly the form text() writes (hex in either case); nullopt otherwise.
  static std::optional<Hlc> parse(std::string_view text);
};

// Not thread-safe: one per ledger connection, and the ledger writes on one thread at a time.
class HlcClock {
 public:
  using WallClock = std::function<std::int64_t()>;  // ms since the Unix epoch

  // `last` is the highest HLC this site ever issued or received (restored from the ledger), so a
  // restart with a slow wall clock still continues above it.
  explicit HlcClock(WallClock wall, Hlc last = {});

  // A local event or a send: strictly greater than every HLC returned or received before. While
  // the wall clock stands still or goes back, the counter counts on from the last HLC; after
  // counter 65535 the HLC moves to the next millisecond with counter 0 instead of wrapping.
  Hlc now();
  // Merges a remote HLC (a pulled cell, the server's clock in a response); the result is strictly
  // greater than both the previous local HLC and `remote`. A far-ahead remote drags the clock
  // ahead with it: that is the HLC contract. The server guards against it with tooFarAhead().
  Hlc receive(Hlc remote);
  Hlc last() const { return last_; }

  // The measured offset to the server's clock, added to the wall clock (docs/sync-protocol.md §8: the
  // client re-stamps on the server's clock after a refusal). Changing it never moves now() back.
  void setOffsetMs(std::int64_t offset) { offsetMs_ = offset; }
  // The one way back: after the data center refused this site's HLCs as too far ahead (a PC whose
  // clock ran a day fast), the clock restarts at the server's and the pending cells are stamped again.
  void rebase(Hlc last) { last_ = last; }
  std::int64_t offsetMs() const { return offsetMs_; }
  // This PC's own wall clock, without the offset (what the offset is measured against).
  std::int64_t wallMs() const { return wall_(); }

 private:
  std::int64_t physicalMs() const;

  WallClock wall_;
  Hlc last_;
  std::int64_t offsetMs_ = 0;
};

// The merge rule shared by the ledger, sync and the server: the larger HLC wins; for equal HLCs
// the larger site id (byte order) wins. A cell compared with itself (same HLC, same site) does
// not win, so re-applying a change is a no-op.
bool wins(Hlc a, std::string_view siteA, Hlc b, std::string_view siteB);

// The server refuses HLCs more than five minutes ahead of its own clock (docs/sync-protocol.md §8).
constexpr std::int64_t kMaxAheadMs = 5 * 60 * 1000;
bool tooFarAhead(Hlc h, std::int64_t serverWallMs);

}  // namespace gl::core
