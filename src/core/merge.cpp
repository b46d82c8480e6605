#include "core/merge.h"

#include <algorithm>

namespace gl::core {

MergeDecision decideCell(const IncomingCell& cell, const std::optional<HeldCell>& held) {
  MergeDecision d;
  if (!held) {
    d.write = true;  // a cell the receiver never had
    return d;
  }
  bool beats = wins(cell.stamp.hlc, cell.stamp.site, held->stamp.hlc, held->stamp.site);
  // The rest of a row that arrived earlier under one stamp: the same write, not an older one.
  if (held->rowStamp && !held->here && cell.stamp == held->stamp) beats = true;
  d.write = beats && !held->unsent;
  d.heldStands = !d.write;
  d.conflict = cell.base && *cell.base < held->stamp.hlc && !held->sameValue && held->stamp.site != cell.stamp.site;
  return d;
}

const RowMerge::Winner* RowMerge::winner(std::string_view column) const {
  auto it = std::find_if(winners_.begin(), winners_.end(), [&](const Winner& w) { return w.column == column; });
  return it == winners_.end() ? nullptr : &*it;
}

MergeDecision RowMerge::offer(std::string_view column, const IncomingCell& cell, const std::optional<HeldCell>& held) {
  const std::size_t index = offered_++;
  const Winner* earlier = winner(column);
  MergeDecision d;
  if (force_) {
    d.write = true;
  } else if (earlier) {
    d.write = wins(cell.stamp.hlc, cell.stamp.site, earlier->stamp.hlc, earlier->stamp.site);
  } else {
    d = decideCell(cell, held);
  }
  if (d.write) {
    std::erase_if(winners_, [&](const Winner& w) { return w.column == column; });
    winners_.push_back({std::string(column), index, cell.stamp});
  }
  return d;
}

}  // namespace gl::core
