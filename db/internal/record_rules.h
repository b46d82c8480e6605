// Internal to gl_db: the rules a record obeys beyond its single cells, applied by the Writer to the
// whole row as it will be after the write (`row` = current cells with the change applied).
//  - resident and quarantine: core/record_rules.h, with the quarantine's policy looked up here (an
//    unknown one named by the write is refused).
//  - policy: the whole set stays valid (unique codes, follow-ons that exist, no cycles).
//  - tombstones: a household with live residents, a resident under active quarantine and a policy
//    that live cases or policies use cannot be deleted.
#pragma once

#include <string_view>
#include <vector>

#include "core/issue.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

// `given` are the cells the caller wrote; `row` is the whole row after the write (it receives the
// derived cells too, which are also appended to `given`). Issues are appended to `issues`.
void applyRecordRules(LedgerState& state, core::Table table, core::Cells& given, core::Cells& row, bool isNew,
                      core::Date today, std::vector<core::Issue>& issues);

// The same rules for a new row where they need nothing of the ledger (a prepared row, off the writer's
// thread); false, and nothing done, where they would (a quarantine naming a policy, a policy).
bool applyLocalRecordRules(core::Table table, core::Cells& given, core::Cells& row, core::Date today,
                           std::vector<core::Issue>& issues);

// Checks the policy set as it stands inside the transaction; throws ValidationError.
void checkPolicySet(LedgerState& state, const std::string& context);

// Throws gl::Error (Rejected) when live records still depend on the row.
void checkNoDependants(LedgerState& state, core::Table table, std::string_view id, const core::Cells& row);

}  // namespace gl::db
