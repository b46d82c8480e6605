// Screening campaigns (全员排查, door-to-door): how far each grid and building of the campaign's
// scope has got, and which households of a grid are still to visit.
#include <algorithm>
#include <set>

#include "db/visit_queries.h"
#include "db/internal/campaign_grids.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"

namespace gl::db {

std::vector<VisitProgress> VisitQueries::progress(std::string_view campaignId) const {
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

std::vector<Row> VisitQueries::householdsToVisit(std::string_view campaignId, std::string_view gridId) const {
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
