// Who may see a row (docs/sync-protocol.md §11): an account's scope is a list of region
// codes (county 6 digits, township 9, community 12) and grid codes ("370322001001-3"); a row's place
// is the grid code of its household, "" for a household of no grid yet, or nothing for the county's
// reference rows (regions, grids, workers, policies, campaigns) every ledger holds. The data center
// and the client decide it by this one rule (Scope below).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.h"

namespace gl::core {

// Where a row belongs: the grid code of its household, "" for a household of no grid yet, or nothing
// for the county's reference rows.
using Place = std::optional<std::string>;

// Scope codes as stored and typed: "370322001,370322002001-3".
std::vector<std::string> splitCodes(std::string_view text);
std::string joinCodes(const std::vector<std::string>& codes);

// `countyWide`: a county admin, or a scope that names the county itself — every place, "" included.
bool scopeCovers(const std::vector<std::string>& scope, bool countyWide, const Place& place);

// Whose rows an account reads and writes: its role, its scope codes and the county it belongs to.
// The one rule of the data center, the client's sync and the window.
class Scope {
 public:
  Scope(Role role, std::vector<std::string> codes, std::string county);
  // Everything of the county (a county administrator's view; a ledger not bound to a data center).
  static Scope wholeCounty(std::string county);

  Role role() const { return role_; }
  const std::vector<std::string>& codes() const { return codes_; }
  const std::string& county() const { return county_; }
  // A county administrator, or a scope that names the county itself: every place, "" included.
  bool countyWide() const { return countyWide_; }
  bool reads(const Place& place) const;
  // As reads, except that the county's reference rows are written by its administrators alone.
  bool writes(const Place& place) const;

 private:
  Role role_;
  std::vector<std::string> codes_;
  std::string county_;
  bool countyWide_;  // decided once: reads() runs for every row a pull or digest looks at
};

// Per-grid digests (docs/sync-protocol.md §7): a grid's rows (households and what hangs on them, tombstones
// included) and the XOR of every row's digest — 64-bit FNV-1a of its id and the newest HLC of its
// cells — so the data center and a ledger can tell in a few bytes whether they hold the same grid.
struct GridDigest {
  std::int64_t rows = 0;
  std::uint64_t hash = 0;
  void add(std::string_view rowId, std::int64_t newestHlc);
  bool operator==(const GridDigest&) const = default;
};

}  // namespace gl::core
