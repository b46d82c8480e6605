// Internal to gl_db.
// The change log `clock` (docs/data-model.md §6): stamped by the write code, not by triggers (triggers
// cost 5× here). A new row is stamped once (col = ''); a later change stamps its own cell.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/hlc.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

class ChangeLog {
 public:
  explicit ChangeLog(LedgerState& state);
  void rowInserted(core::Table table, std::string_view row, core::Hlc hlc);
  // A new row whose stamp another writer of the log wrote (db/internal/bulk_inserts.h): counted as pending.
  void countInserted() { ++pendingAdded_; }
  // `base` becomes the clock this site had seen for the cell, kept while an earlier edit is still unsent.
  void cellChanged(core::Table table, std::string_view row, std::string_view column, core::Hlc hlc);
  // New unsent entries since construction (an edit of an already unsent cell replaces it: no change).
  std::int64_t pendingAdded() const { return pendingAdded_; }

 private:
  LedgerState& s_;
  std::int64_t ackedSeq_;
  std::int64_t pendingAdded_ = 0;
};

}  // namespace gl::db
