#include "db/internal/campaign_grids.h"

#include <algorithm>
#include <set>

#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"

namespace gl::db {

namespace {

// The scope text as typed: codes separated by ASCII or full-width commas, 、 or white space.
std::vector<std::string> scopeCodes(std::string_view scope) {
  std::vector<std::string> out;
  std::string code;
  auto flush = [&] {
    if (!code.empty()) out.push_back(std::move(code));
    code.clear();
  };
  for (std::size_t i = 0; i < scope.size();) {
    bool separator = false;
    for (std::string_view sep : {",", " ", "\t", "\r", "\n", "，", "、"})
      if (scope.substr(i, sep.size()) == sep) {
        separator = true;
        i += sep.size();
        break;
      }
    if (separator)
      flush();
    else
      code += scope[i++];
  }
  flush();
  return out;
}

}  // namespace

// The live grids in the campaign's scope, by code; empty when the campaign is missing or deleted
// (a list on screen may outlive a campaign that sync just deleted).
std::vector<ScopeGrid> gridsInScope(LedgerState& s, std::string_view campaignId) {
  auto& campaign = s.statement("SELECT scope FROM campaign WHERE id = ? AND deleted = 0");
  campaign.bind(1, std::string(campaignId));
  if (!campaign.executeStep()) return {};
  auto listed = scopeCodes(textOf(campaign, 0));
  campaign.reset();

  std::vector<ScopeGrid> live;
  std::set<std::string, std::less<>> gridCodes;
  auto& grids = s.statement("SELECT id, code, name, deleted FROM grid ORDER BY code, id");
  while (grids.executeStep()) {
    gridCodes.insert(textOf(grids, 1));
    if (grids.getColumn(3).getInt() == 0)
      live.push_back({textOf(grids, 0), textOf(grids, 1), textOf(grids, 2)});
  }
  std::set<std::string, std::less<>> exact;
  std::vector<std::string> prefixes;
  for (auto& code : listed) {
    if (gridCodes.count(code))
      exact.insert(std::move(code));
    else
      prefixes.push_back(std::move(code));
  }
  std::vector<ScopeGrid> out;
  for (auto& g : live) {
    bool in =
        exact.count(g.code) > 0 || std::any_of(prefixes.begin(), prefixes.end(),
                                               [&](const std::string& p) { return g.code.rfind(p, 0) == 0; });
    if (in) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace gl::db
