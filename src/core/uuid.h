// Row ids: UUIDv7 (RFC 9562 section 5.7), made on the client so a grid worker can create rows
// offline (docs/data-model.md §1). Time-ordered ids keep SQLite's primary-key B-tree appending
// at its right edge instead of splitting pages at random, and sort rows in creation order.
//
// Layout (big-endian): 48 bits Unix ms | ver 0111 | 12 bits rand_a | var 10 | 62 bits rand_b.
// rand_a is a dedicated counter (RFC 9562 section 6.2, method 1), so ids of one generator in the
// same millisecond still sort in creation order; rand_b is fresh randomness for every id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace gl::core {

class UuidV7Generator {
 public:
  using WallClock = std::function<std::int64_t()>;  // ms since the Unix epoch
  using RandomFill = std::function<void(std::uint8_t* out, std::size_t n)>;

  // The db layer passes the system clock and libsodium's randombytes_buf; tests a fixed clock and
  // a seeded PRNG. Core reads neither itself.
  UuidV7Generator(WallClock wall, RandomFill random);

  // Lowercase 8-4-4-4-12 text, strictly increasing (as text and as bytes) across calls:
  // - each new millisecond seeds the counter with 11 random bits (the top bit stays 0 as a
  //   rollover guard, RFC 9562 section 6.2), so at least 2048 ids fit in one millisecond;
  // - a clock that stands still or goes back reuses the last millisecond and counts on;
  // - when the counter is exhausted, the timestamp moves one millisecond ahead of the wall clock
  //   (RFC 9562 section 6.2 allows this instead of waiting; core never waits).
  std::string next();

 private:
  WallClock wall_;
  RandomFill random_;
  std::int64_t lastMs_ = -1;
  std::uint16_t counter_ = 0;
};

// Canonical 8-4-4-4-12 hex text of any version; lowercase or uppercase hex digits.
bool isUuid(std::string_view text);
// The version nibble (1..8 in practice); 0 when `text` is not a uuid.
int uuidVersion(std::string_view text);
// The embedded Unix ms of a version 7 uuid with the RFC variant; -1 otherwise.
std::int64_t uuidV7Millis(std::string_view text);

}  // namespace gl::core
