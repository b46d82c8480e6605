// Who may see a row (docs/sync-protocol.md §11): an account's scope is a list of region
// codes (county 6 digits, township 9, community 12) and grid codes ("370322001001-3"); a row's place
// is the grid code of its household, "" for a household of no grid yet, or nothing for the county's
// reference rows (regions, grids, workers, policies, campaigns) every ledger holds. The data center
// and the client decide it by this one rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gl::core {

// Scope codes as stored and typed: "370322001,370322002001-3".
std::vector<std::string> splitCodes(std::string_view text);
std::string joinCodes(const std::vector<std::string>& codes);

// `countyWide`: a county admin, or a scope that names the county itself — every place, "" included.
bool scopeCovers(const std::vector<std::string>& scope, bool countyWide, const std::optional<std::string>& place);

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
