// Addresses as rosters write them. The same flat is "3-2-301", "3—2—301", "3一2一301", "3幢2单元301室",
// "3栋2单元301号" or "3号楼2单元301" (docs/import.md; seen in quarantine-hotel rosters), usually after a
// place ("高青县田镇街道和平社区"). An import matches households by these parts, so that one flat
// written three ways is one household.
#pragma once

#include <string>
#include <string_view>

namespace gl::core {

struct AddressParts {
  std::string place;     // the text before the building ("高青县田镇街道和平社区"), width-folded, trimmed
  std::string building;  // "3" (digits, or digits with a letter: "3A")
  std::string unit;      // "2", or "" when the address has none
  std::string room;      // "301"
};

// Splits an address into place, building, unit and room; when it names no building and room, only
// `place` is set (the whole address, folded).
AddressParts splitAddress(std::string_view address);

// The matching key of an address: the last place word (from the community or village on, after
// the county, town or street office) and building-unit-room, e.g. "和平社区|3-2-301" for every
// spelling above; an address without building and room gives its folded text without spaces.
std::string addressKey(std::string_view address);
std::string addressKey(const AddressParts& split);  // of an address split already

// The matching key of a household from its cells: the address's last place word and the flat of its
// own building/unit/room cells when it has them (a register with 现住址 和平社区 and 楼栋 7, 门牌号 501),
// else addressKey(address). Rows of a roster and households of the ledger are keyed by this one
// function, so a flat is found whichever way it was written.
std::string householdKey(std::string_view address, std::string_view building, std::string_view unit,
                         std::string_view room);
// The same for an address the caller has split already (`split` = splitAddress(address)).
std::string householdKey(std::string_view address, const AddressParts& split, std::string_view building,
                         std::string_view unit, std::string_view room);

}  // namespace gl::core
