// Internal to gl_db: reading one quarantine case inside a write, for the case actions and the
// check sheet's recordCheck, which refuse work on a case that is missing, deleted or closed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/policy.h"
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

// Where a case stands on a date (the check sheet and the rosters): day N of M, its checks a day
// (its policy's; morning and evening for a case without one) and whether a test is due.
struct CaseOnDay {
  int day = 0, totalDays = 0, slotsPerDay = 2;
  bool testDay = false;
};
CaseOnDay caseOnDay(const std::map<std::string, core::Policy>& policies, const std::string& policyCode,
                    core::Date start, core::Date plannedEnd, core::Date on);

// Every live check of a date, oldest first (should sync leave two in one slot, the newer one wins
// by coming last): its case, slot code, temperature in tenths, symptoms and row id.
struct CheckOnDay {
  std::string quarantineId, slot, symptoms, id;
  std::optional<int> tenths;
};
void forEachCheckOn(LedgerState& state, core::Date on, const std::function<void(const CheckOnDay&)>& visit);

}  // namespace gl::db
