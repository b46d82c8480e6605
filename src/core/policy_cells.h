// Quarantine policies as rows of the synced `policy` table (editable data, never constants: they changed
// five times between 2020 and 2022) and back, for the ledger and the data center alike.
#pragma once

#include "core/policy.h"
#include "core/schema.h"

namespace gl::core {

Cells policyCells(const Policy& policy);
// A value that is not a number reads as the column's default; a test day that is not one as -1
// (which validatePolicy reports as a day outside the period).
Policy policyFromCells(const Cells& cells);

}  // namespace gl::core
