// Internal to gl_db.
// The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so a removed or
// altered entry breaks the chain (MLPS 2.0 "protect audit records"). Entries name rows by id only.
#pragma once

#include <string>
#include <string_view>

namespace gl::db {

struct LedgerState;

void appendAudit(LedgerState& state, std::string_view action, std::string_view table, std::string_view row,
                 std::int64_t count, std::string_view detail);
// The current UTC time as ISO 8601 ("2022-11-20T08:30:00Z"), as audit entries record it.
std::string utcNow();
// The seq of the first entry whose hash does not follow from its predecessor, or 0 when intact.
std::int64_t firstBrokenAuditEntry(LedgerState& state);

}  // namespace gl::db
