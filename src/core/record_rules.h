// The rules a record obeys beyond its single cells (docs/data-model.md), applied to the whole row as it
// will be after a write — by the ledger's writer, and by anything else that writes records — so they
// live once:
//  - resident: birth date, sex and document type follow from a valid identity number; an explicit
//    value that contradicts the number, or a birth date in the future, is an issue.
//  - quarantine: kind and planned end follow from the policy and start date; the end is not before
//    the start; a closed case has its end date; a new case starts active.
// `given` are the cells the writer wrote; `row` is the whole row after the write. Derived cells are
// set in both. Issues are appended to `issues`.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/issue.h"
#include "core/policy.h"
#include "core/schema.h"

namespace gl::core {

void residentRules(Cells& given, Cells& row, Date today, std::vector<Issue>& issues);

// `policy`: the row's policy, found by the caller; nothing when the row names none or it is unknown.
void quarantineRules(const std::optional<Policy>& policy, Cells& given, Cells& row, bool isNew,
                     std::vector<Issue>& issues);

}  // namespace gl::core
