// The merge decision (docs/sync-protocol.md §5), one for the client applying a pulled page and for
// every store of the data center applying a push: for each incoming cell of a row, in the order the
// batch carries them, whether it is written or loses to what the receiver holds, and whether the two
// were edits made without seeing each other (a conflict, kept for a grid leader to look at).
//
// Pure: the callers read what they hold and write what wins; nothing here touches storage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hlc.h"

namespace gl::core {

// When and where a cell was written. The site is viewed, not copied: it must outlive the call (and,
// for a cell offered to RowMerge, the RowMerge).
struct Stamp {
  Hlc hlc;
  std::string_view site;
  bool operator==(const Stamp& o) const { return hlc == o.hlc && site == o.site; }
};

// What the receiver holds for the column an incoming cell writes.
struct HeldCell {
  Stamp stamp;
  // The cell has no stamp of its own and the row's creation stamp stands in (the client's change
  // log keeps one entry for all cells of a row made in one write).
  bool rowStamp = false;
  // Written by the receiver itself (not pulled from elsewhere).
  bool here = false;
  // An edit of the receiver the other side has not acknowledged yet: it is settled when it arrives
  // there, so an incoming cell does not overwrite it here.
  bool unsent = false;
  // The held value equals the incoming one (only the data center's conflict test reads it).
  bool sameValue = false;
};

struct IncomingCell {
  Stamp stamp;
  // The clock of the cell the writer had seen before its edit (0 = none). Given by the data center,
  // which records conflicts; the client passes nothing.
  std::optional<Hlc> base;
};

struct MergeDecision {
  bool write = false;
  // Two edits of one cell, neither seeing the other; true whichever of them wins.
  bool conflict = false;
  // It lost to the receiver's own held cell (not to an earlier cell of the same batch): the sender is
  // told which value stands.
  bool heldStands = false;
};

// One row's incoming cells, decided in batch order. A later cell of the batch for the same column
// is compared with the earlier winner, not with what is held (which the earlier one already beat).
class RowMerge {
 public:
  struct Winner {
    std::string column;
    std::size_t index;  // the position of the winning cell among the cells offered
    Stamp stamp;
  };

  // `force` writes whatever arrives, last one winning (a grid repaired from the data center's copy).
  explicit RowMerge(bool force = false) : force_(force) {}

  MergeDecision offer(std::string_view column, const IncomingCell& cell, const std::optional<HeldCell>& held);

  // The cells to write, one per column, in the order they last won.
  const std::vector<Winner>& winners() const { return winners_; }
  const Winner* winner(std::string_view column) const;

 private:
  bool force_;
  std::size_t offered_ = 0;
  std::vector<Winner> winners_;
};

// One cell against what is held, with no earlier cell of the batch in between.
MergeDecision decideCell(const IncomingCell& cell, const std::optional<HeldCell>& held);

}  // namespace gl::core
