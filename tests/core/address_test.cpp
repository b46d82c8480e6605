#include <doctest/doctest.h>

#include "core/address.h"

using gl::core::addressKey;
using gl::core::splitAddress;

TEST_CASE("one flat written the ways rosters write it has one key") {
  const std::string key = "和平社区|3-2-301";
  for (const char* spelling : {"高青县田镇街道和平社区3号楼2单元301室", "和平社区3-2-301", "和平社区3—2—301",
                               "和平社区3一2一301", "和平社区3幢2单元301室", "和平社区3栋2单元301号",
                               "和平社区 3号楼 2单元 301", "高青县田镇街道和平社区３－２－３０１"})
    CHECK_MESSAGE(addressKey(spelling) == key, spelling);
}

TEST_CASE("an address is split into place, building, unit and room") {
  auto p = splitAddress("高青县田镇街道和平社区3号楼2单元301室");
  CHECK(p.place == "高青县田镇街道和平社区");
  CHECK(p.building == "3");
  CHECK(p.unit == "2");
  CHECK(p.room == "301");

  auto noUnit = splitAddress("青城镇王家村5栋301");
  CHECK(noUnit.building == "5");
  CHECK(noUnit.unit.empty());
  CHECK(noUnit.room == "301");
  CHECK(addressKey("青城镇王家村5-301") == "王家村|5--301");

  // A number that belongs to the place is not a building.
  auto yard = splitAddress("和平社区2号院3-2-301");
  CHECK(yard.place == "和平社区2号院");
  CHECK(yard.building == "3");
  auto grid = splitAddress("第3网格和平社区");
  CHECK(grid.building.empty());
  CHECK(grid.place == "第3网格和平社区");
}

TEST_CASE("different flats and different communities have different keys") {
  CHECK(addressKey("和平社区3-2-301") != addressKey("和平社区3-2-302"));
  CHECK(addressKey("和平社区3-2-301") != addressKey("幸福社区3-2-301"));
  CHECK(addressKey("青城镇王家村2001号") == addressKey("青城镇王家村2001号"));
  CHECK(addressKey("青城镇王家村 2001号") == addressKey("青城镇王家村2001号"));
}
