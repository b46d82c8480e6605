#include <doctest/doctest.h>

#include <random>

#include "core/door_code.h"
#include "core/uuid.h"

using gl::core::doorCode;
using gl::core::householdOfDoorCode;

TEST_CASE("a door code is 40 digits holding the household's id, and reads back to it") {
  CHECK(doorCode("00000000-0000-0000-0000-000000000000") == "9" + std::string(39, '0'));
  CHECK(doorCode("ffffffff-ffff-ffff-ffff-ffffffffffff") == "9340282366920938463463374607431768211455");
  std::mt19937_64 rng(7);
  std::int64_t ms = 1669000000000;
  gl::core::UuidV7Generator ids([&] { return ms += 13; },
                                [&](std::uint8_t* out, std::size_t n) {
                                  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(rng());
                                });
  for (int i = 0; i < 200; ++i) {
    std::string id = ids.next();
    auto code = doorCode(id);
    REQUIRE(code);
    CHECK(code->size() == 40);
    CHECK(code->find_first_not_of("0123456789") == std::string::npos);
    CHECK(householdOfDoorCode(*code) == id);
  }
  CHECK(doorCode("0193A1B2-0000-7000-8000-00000000000F") == doorCode("0193a1b2-0000-7000-8000-00000000000f"));
}

TEST_CASE("anything else is not a door code: other lengths, letters, no leading 9, more than 128 bits") {
  CHECK_FALSE(doorCode("not a uuid"));
  CHECK_FALSE(householdOfDoorCode("13800138000"));
  CHECK_FALSE(householdOfDoorCode("370322198501011234"));
  CHECK_FALSE(householdOfDoorCode("8" + std::string(39, '0')));
  CHECK_FALSE(householdOfDoorCode("9" + std::string(38, '0')));
  CHECK_FALSE(householdOfDoorCode("9" + std::string(38, '0') + "x"));
  CHECK_FALSE(householdOfDoorCode("9" + std::string(39, '9')));  // past 2^128
}
