// What sync carries (docs/sync-protocol.md §2), shared by the client's ledger, the wire format and the
// data center's store: a cell, a refused cell, and a row leaving a reader's scope.
#pragma once

#include <string>
#include <string_view>

#include "core/hlc.h"
#include "core/schema.h"

namespace gl::core {

// One cell on the wire: a column of a row with its value and clock. column "deleted" is the tombstone.
struct SyncCell {
  Table table = Table::Region;
  std::string row, column;
  Value value;
  Hlc hlc;
  std::string site;  // the site (ledger) that wrote it
  Hlc base;          // the clock the writer had seen for the cell before its edit; 0 = none
};

// Why the data center did not take a pushed cell (Refusal::reason; on the wire as these words).
namespace refusal {
inline constexpr std::string_view kOutsideScope = "outside_scope";    // not the account's to write
inline constexpr std::string_view kUnknownColumn = "unknown_column";  // not in the data model
inline constexpr std::string_view kWrongTable = "wrong_table";        // the row is of another table
inline constexpr std::string_view kInconsistent = "inconsistent";     // breaks a record rule
}  // namespace refusal

// A pushed cell the data center did not take, and why.
struct Refusal {
  Table table = Table::Region;
  std::string row, column, reason, at;
  Value value;  // what the ledger had written (the data center's value is back in the ledger)
};

// A row that left a reader's scope (a household moved to another grid): removed with what hangs on it.
struct ScopeExit {
  Table table = Table::Household;
  std::string row;
};

}  // namespace gl::core
