// The cells of a roster row that need more than one column or a rule of their own (internal to the
// importer, used by recordFromRow): the identity number with the document type it must have, care
// groups, the quarantine kind a place implies, and the household's flat and address.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "exchange/roster_record.h"

namespace gl::exchange {

// An identity number cell as read: where it came from and what it says.
struct IdCell {
  const RowLayout::Slot* slot = nullptr;
  const Cell* cell = nullptr;
  std::string text;
};

// Checks the row's identity number against the document type it must have: the row's own 证件类型
// cell when it has one, else resident numbers only in a 身份证 column, else any document. A second
// identity column that says another number is an error. Sets id_number and id_type (the kind found).
void readIdentity(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& ids, const IdCell& type,
                  core::Date today);

// Care groups from each care column, merged; a word that names no group is an error at its column.
void readCareFlags(RowRecord& r, const RowLayout& layout, const std::vector<IdCell>& cells);

// Another agency's 户编号 (not this program's UUID) as the household number, read as a household number
// column would be, when the sheet has no household number column of its own.
void readHouseholdCode(RowRecord& r, const RowLayout& layout, const IdCell& code, core::Date today);

// Without a kind column, a quarantine place gives the kind: 居家 (and the like) is home quarantine
// and is not kept as a place; any other place is centralized quarantine, the place kept.
void kindFromPlace(RowRecord& r);

// The household's building, unit and room from its own cells or from the address, the house number
// joined to the address, and the matching key.
void readFlat(RowRecord& r, const std::string& houseNumber);

// The value of a cell of `cells` as text ("" when absent or null).
std::string cellText(const core::Cells& cells, std::string_view column);
// Sets a cell unless it already has a value (the first column with a value wins).
void fillCell(core::Cells& cells, std::string_view column, std::string value);

}  // namespace gl::exchange
