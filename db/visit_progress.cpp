// Screening campaigns (全员排查, door-to-door): how far each grid and building of the campaign's
// scope has got, and which households of a grid are still to visit.
//
// A campaign's scope is a list of region codes (GB/T 2260: county, township, community) and grid
// codes. A grid is in scope when its code equals a listed grid code or starts with a listed region
// code (grid codes extend their community's code: "370322001001-1"). A listed code that is the code
// of any grid, even a deleted one, matches that grid only, never as a prefix: "…-1" must not take in
// "…-10". Every other listed code is taken as a region code.
#include <algorithm>
#include <set>

#include "db/ledger.h"
#include "db/ledger_state.h"
#include "db/row_io.h"
#include "db/walking_order.h"

namespace gl::db {

namespace {

struct ScopeGrid {
  std::string id, code, name;
};

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

}  // namespace

std::vector<VisitProgress> Ledger::visitProgress(std::string_view campaignId) const {
  return withState(*state_, [&] {
    std::vector<VisitProgress> out;
    auto grids = gridsInScope(*state_, campaignId);
    // Per grid of the scope: only its households are read (household_grid index), each probing the
    // visit_campaign index once.
    auto& st = state_->statement(
        "SELECT coalesce(h.building, '') AS b, count(*), "
        "sum(EXISTS (SELECT 1 FROM visit v WHERE v.campaign = :campaign AND v.household = h.id AND v.deleted "
        "= 0)) "
        "FROM household h WHERE h.grid = :grid AND h.deleted = 0 GROUP BY b ORDER BY " +
        houseNumberOrder("b"));
    for (const auto& g : grids) {
      st.reset();
      st.bind(":campaign", std::string(campaignId));
      st.bind(":grid", g.id);
      while (st.executeStep())
        out.push_back(
            {g.id, g.code, g.name, textOf(st, 0), st.getColumn(1).getInt64(), st.getColumn(2).getInt64()});
    }
    return out;
  });
}

std::vector<Row> Ledger::householdsToVisit(std::string_view campaignId, std::string_view gridId) const {
  return withState(*state_, [&] {
    std::vector<Row> out;
    auto grids = gridsInScope(*state_, campaignId);
    if (std::none_of(grids.begin(), grids.end(), [&](const ScopeGrid& g) { return g.id == gridId; }))
      return out;
    const auto& spec = core::tableSpec(core::Table::Household);
    auto& st = state_->statement("SELECT " + selectColumns(spec) +
                                 " FROM household h WHERE h.grid = :grid AND h.deleted = 0 "
                                 "AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.campaign = :campaign AND "
                                 "v.household = h.id AND v.deleted = 0) "
                                 "ORDER BY " +
                                 walkingOrderInGrid("h"));
    st.bind(":grid", std::string(gridId));
    st.bind(":campaign", std::string(campaignId));
    while (st.executeStep()) out.push_back(readRow(st, spec));
    return out;
  });
}

}  // namespace gl::db

namespace gl::db {

std::vector<RosterHousehold> Ledger::rosterVisitsDue(core::Date on, const RosterScope& scope,
                                                     std::string& campaign) const {
  return withState(*state_, [&] {
    std::vector<RosterHousehold> out;
    campaign.clear();
    auto& running = state_->statement(
        "SELECT id, name FROM campaign WHERE deleted = 0 AND start_on <= :on AND (end_on IS NULL OR end_on = '' "
        "OR end_on >= :on) ORDER BY start_on DESC, id DESC LIMIT 1");
    running.bind(":on", on.iso());
    if (!running.executeStep()) return out;
    const std::string campaignId = textOf(running, 0);
    campaign = textOf(running, 1);
    running.reset();
    auto& st = state_->statement(
        "SELECT coalesce(h.building, ''), coalesce(h.unit, ''), coalesce(h.room, ''), h.address, h.id, "
        "coalesce(h.household_no, ''), coalesce(h.phone, ''), coalesce(h.kind, ''), "
        "(SELECT count(*) FROM resident r WHERE r.household = h.id AND r.deleted = 0), "
        "(SELECT r.name FROM resident r WHERE r.household = h.id AND r.deleted = 0 "
        " ORDER BY r.relation = '户主' DESC, r.rid LIMIT 1), "
        "(SELECT r.phone FROM resident r WHERE r.household = h.id AND r.deleted = 0 AND coalesce(r.phone, '') <> '' "
        " ORDER BY r.relation = '户主' DESC, r.rid LIMIT 1) "
        "FROM household h WHERE h.grid = :grid AND h.deleted = 0 "
        "AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.campaign = :campaign AND v.household = h.id AND v.deleted = 0) "
        "ORDER BY " + walkingOrderInGrid("h"));
    for (const auto& g : gridsInScope(*state_, campaignId)) {
      if (!scope.holds(g.code)) continue;
      st.reset();
      st.bind(":grid", g.id);
      st.bind(":campaign", campaignId);
      while (st.executeStep()) {
        RosterHousehold h;
        h.place = {g.code, g.name, textOf(st, 0), textOf(st, 1), textOf(st, 2), textOf(st, 3)};
        h.householdId = textOf(st, 4);
        h.householdNo = textOf(st, 5);
        h.phone = textOf(st, 6).empty() ? textOf(st, 10) : textOf(st, 6);
        h.kind = textOf(st, 7);
        h.members = st.getColumn(8).getInt64();
        h.head = textOf(st, 9);
        out.push_back(std::move(h));
      }
    }
    return out;
  });
}

}  // namespace gl::db
