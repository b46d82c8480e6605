// Internal to gl_db: reading one quarantine case inside a write, for the case actions and the
// check sheet's recordCheck, which refuse work on a case that is missing, deleted or closed.
#pragma once

#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "db/ledger.h"

namespace gl::db {

struct LedgerState;

struct CaseRow {
  Row row;
  core::Date start, plannedEnd;
};

// A live, active case. Throws gl::Error: BadInput when there is no such row; `refusal` when the row
// is tombstoned or its status is not active (the callers differ: a check on a closed case is bad
// input, releasing one is a decision the ledger refuses).
CaseRow loadActiveCase(LedgerState& state, std::string_view id, Error::Kind refusal);

}  // namespace gl::db
