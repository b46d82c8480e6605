// Internal to gl_db: a quarantine policy looked up by its code (the rows themselves: core/policy_cells.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/policy.h"
#include "core/policy_cells.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

std::optional<core::Policy> findPolicy(LedgerState& state, std::string_view code);

}  // namespace gl::db
