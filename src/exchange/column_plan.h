// Decisions a header cannot take alone (internal to the importer; docs/import.md "Which column is
// which"): they follow from the set of headers the sheet has, and each is written on the column as a
// note the mapping step shows.
#pragma once

#include <vector>

#include "exchange/roster_import.h"

namespace gl::exchange {

// Changes fields the dictionary chose where the other headers say otherwise: 门牌 beside a building
// column is the room, not a house number; 人员类别 in a roster with quarantine columns is the
// quarantine's reason, not care groups. Columns the user or a profile mapped are left alone.
void decideByHeaderSet(std::vector<ColumnMapping>& columns, const std::vector<bool>& chosenByUser);

// Marks what the reading of a cell depends on, with its note: an identity number column headed
// 身份证号 holds resident numbers only; a quarantine place column without a kind column gives the kind.
void markColumns(std::vector<ColumnMapping>& columns);

// The fields rows will need that no column gives (said once, before the rows' errors).
std::vector<MissingColumn> missingColumns(const std::vector<ColumnMapping>& columns);

}  // namespace gl::exchange
