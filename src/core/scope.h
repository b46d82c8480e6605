// Who may see a row (DESIGN.md "Personal information": scope): an account's scope is a list of region
// codes (county 6 digits, township 9, community 12) and grid codes ("370322001001-3"); a row's place
// is the grid code of its household, "" for a household of no grid yet, or nothing for the county's
// reference rows (regions, grids, workers, policies, campaigns) every ledger holds. The data center
// and the client decide it by this one rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gl::core {

// `countyWide`: a county admin, or a scope that names the county itself — every place, "" included.
bool scopeCovers(const std::vector<std::string>& scope, bool countyWide, const std::optional<std::string>& place);

}  // namespace gl::core
