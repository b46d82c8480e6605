// Internal to gl_db: quarantine policies stored as rows of the synced `policy` table (editable data,
// never constants: they changed five times between 2020 and 2022) and read back as core::Policy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/policy.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

core::Cells policyCells(const core::Policy& policy);
core::Policy policyFromCells(const core::Cells& cells);
std::optional<core::Policy> findPolicy(LedgerState& state, std::string_view code);

}  // namespace gl::db
