#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "core/uuid.h"

using gl::core::isUuid;
using gl::core::uuidV7Millis;
using gl::core::uuidVersion;
using gl::core::UuidV7Generator;

namespace {

constexpr std::int64_t kDec1 = 1669852800000;  // 2022-12-01T00:00:00Z = 0x184cafba400

UuidV7Generator::RandomFill seededRandom(std::uint64_t seed) {
  auto engine = std::make_shared<std::mt19937_64>(seed);
  return [engine](std::uint8_t* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>((*engine)() >> 56);
  };
}

UuidV7Generator::RandomFill constantRandom(std::uint8_t byte) {
  return [byte](std::uint8_t* out, std::size_t n) { std::memset(out, byte, n); };
}

int hexDigit(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

}  // namespace

TEST_CASE("an id has the v7 layout: timestamp, version 7, variant 10, lowercase 8-4-4-4-12") {
  UuidV7Generator gen([] { return kDec1; }, seededRandom(1));
  for (int i = 0; i < 200; ++i) {
    std::string id = gen.next();
    REQUIRE(id.size() == 36);
    CHECK(id.substr(0, 8) == "0184cafb");
    CHECK(id.substr(9, 4) == "a400");
    CHECK(id[8] == '-');
    CHECK(id[13] == '-');
    CHECK(id[18] == '-');
    CHECK(id[23] == '-');
    CHECK(id[14] == '7');
    CHECK((hexDigit(id[19]) & 0xC) == 0x8);
    for (char c : id) CHECK(((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-'));
    CHECK(isUuid(id));
    CHECK(uuidVersion(id) == 7);
    CHECK(uuidV7Millis(id) == kDec1);
  }
}

TEST_CASE("rand_b carries the random source and the variant bits survive an all-ones source") {
  UuidV7Generator ones([] { return kDec1; }, constantRandom(0xFF));
  std::string id = ones.next();
  CHECK(id.substr(19) == "bfff-ffffffffffff");
  CHECK(id.substr(14, 4) == "77ff");  // seeded counter: random bits with the top bit cleared

  UuidV7Generator zeros([] { return kDec1; }, constantRandom(0x00));
  CHECK(zeros.next() == "0184cafb-a400-7000-8000-000000000000");
  CHECK(zeros.next() == "0184cafb-a400-7001-8000-000000000000");
}

TEST_CASE("100k ids from a fixed clock are unique and strictly increasing") {
  UuidV7Generator gen([] { return kDec1; }, seededRandom(42));
  std::set<std::string> seen;
  std::string prev;
  for (int i = 0; i < 100000; ++i) {
    std::string id = gen.next();
    REQUIRE(id > prev);
    prev = id;
    seen.insert(id);
  }
  CHECK(seen.size() == 100000);
  // the counter ran out many times: the timestamp crept ahead by about one ms per 2048..4096 ids
  CHECK(uuidV7Millis(prev) > kDec1 + 20);
  CHECK(uuidV7Millis(prev) <= kDec1 + 50);
}

TEST_CASE("a clock going backwards reuses the last millisecond and keeps ids increasing") {
  std::int64_t wall = kDec1;
  UuidV7Generator gen([&] { return wall; }, seededRandom(7));
  std::string a = gen.next();
  wall -= 60 * 60 * 1000;  // NTP step back one hour
  std::string b = gen.next();
  std::string c = gen.next();
  CHECK(b > a);
  CHECK(c > b);
  CHECK(uuidV7Millis(b) == kDec1);
  CHECK(uuidV7Millis(c) == kDec1);
  wall = kDec1 + 5;
  std::string d = gen.next();
  CHECK(d > c);
  CHECK(uuidV7Millis(d) == kDec1 + 5);
}

TEST_CASE("an exhausted counter moves the timestamp one millisecond ahead") {
  // All-zero randomness seeds the counter at 0, so exactly 4096 ids fit in the millisecond.
  UuidV7Generator gen([] { return kDec1; }, constantRandom(0x00));
  std::string last;
  for (int i = 0; i < 4096; ++i) last = gen.next();
  CHECK(last == "0184cafb-a400-7fff-8000-000000000000");
  std::string next = gen.next();
  CHECK(next == "0184cafb-a401-7000-8000-000000000000");
  CHECK(next > last);
  CHECK(uuidV7Millis(next) == kDec1 + 1);

  // A seed with the top bit clear still leaves room for 2048 ids (the rollover guard).
  UuidV7Generator guarded([] { return kDec1; }, constantRandom(0xFF));
  std::string g;
  for (int i = 0; i < 2049; ++i) g = guarded.next();
  CHECK(uuidV7Millis(g) == kDec1);
  CHECK(uuidV7Millis(guarded.next()) == kDec1 + 1);
}

TEST_CASE("isUuid accepts canonical text of any version in either case") {
  CHECK(isUuid("0184cafb-a400-7000-8000-000000000000"));
  CHECK(isUuid("550E8400-E29B-41D4-A716-446655440000"));
  CHECK(isUuid("00000000-0000-0000-0000-000000000000"));
  CHECK_FALSE(isUuid("550e8400e29b41d4a716446655440000"));
  CHECK_FALSE(isUuid("{550e8400-e29b-41d4-a716-446655440000}"));
  CHECK_FALSE(isUuid("550e8400-e29b-41d4-a716-44665544000g"));
  CHECK_FALSE(isUuid("550e8400-e29b-41d4a-716-446655440000"));
  CHECK_FALSE(isUuid(""));
}

TEST_CASE("uuidVersion and uuidV7Millis read the fields and reject other ids") {
  CHECK(uuidVersion("550e8400-e29b-41d4-a716-446655440000") == 4);
  CHECK(uuidVersion("c232ab00-9414-11ec-b3c8-9f6bdeced846") == 1);
  CHECK(uuidVersion("not a uuid") == 0);
  // RFC 9562 appendix A.6 example: 2022-02-22 19:22:22 UTC
  CHECK(uuidV7Millis("017F22E2-79B0-7CC3-98C4-DC0C0C07398F") == 0x17F22E279B0);
  CHECK(uuidV7Millis("550e8400-e29b-41d4-a716-446655440000") == -1);
  CHECK(uuidV7Millis("017f22e2-79b0-7cc3-c8c4-dc0c0c07398f") == -1);  // variant 110 (Microsoft)
  CHECK(uuidV7Millis("garbage") == -1);
}
