// The record rules (record_rules.h) as the data center applies them to a row a push changes
// (docs/sync-protocol.md §5): the rules a client applied before it sent the cells are applied again
// to the row as it stands after the merge, because a client may be old, modified or hostile, and
// because two edits that each obeyed the rules may not obey them once merged.
//  - A derived cell the pushed cells leave out (a birth date after a new identity number, a planned
//    end after a new start) is filled in, to be written under the data center's own stamp.
//  - A pushed cell that breaks a rule (a birth date the identity number contradicts, an end before
//    the start) is refused as `inconsistent`; the rest of the row goes in, with what the rules derive
//    once that cell is left out.
//  - A row that breaks a rule no single pushed cell explains is refused whole.
//  - A rule the stored row already broke before the push refuses nothing (an old row must not block
//    every later edit of it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/issue.h"
#include "core/policy.h"
#include "core/schema.h"

namespace gl::core {

struct RowRuling {
  Cells derived;                     // cells to write beside the pushed ones
  std::vector<std::string> refused;  // pushed columns refused as `inconsistent`
  bool wholeRow = false;             // every pushed cell is refused as `inconsistent`
  std::vector<Issue> issues;         // why
};

// The columns whose change brings the rules in (the rest of a row is left alone).
bool ruledColumn(Table table, std::string_view column);
const std::vector<std::string>& ruledColumns(Table table);

// `stored`: the row's cells as held (at least its ruled columns; empty for a new row); `pushed`: the
// cells that won the merge; `policy`: the row's policy after the push (quarantine), if known.
RowRuling rulePushedRow(Table table, const Cells& stored, const Cells& pushed, const std::optional<Policy>& policy,
                        bool isNew, Date today);

}  // namespace gl::core
