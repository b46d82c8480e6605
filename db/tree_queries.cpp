// The grid tree (county → townships → communities → grids → buildings), one level a call.
#include "db/tree_queries.h"

#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"

namespace gl::db {

std::vector<RegionNode> TreeQueries::childRegions(std::string_view parentId) const {
  return withState(*state_, [&] {
    auto& st = state_->statement(
        parentId.empty()
            ? "SELECT id, code, name, level FROM region WHERE parent IS NULL AND deleted = 0 ORDER BY code"
            : "SELECT id, code, name, level FROM region WHERE parent = ? AND deleted = 0 ORDER BY code");
    if (!parentId.empty()) st.bind(1, std::string(parentId));
    std::vector<RegionNode> out;
    while (st.executeStep()) out.push_back({textOf(st, 0), textOf(st, 1), textOf(st, 2), textOf(st, 3)});
    return out;
  });
}

std::vector<GridNode> TreeQueries::gridsOf(std::string_view regionId) const {
  return withState(*state_, [&] {
    auto& st = state_->statement(
        "SELECT g.id, g.code, g.name, "
        "(SELECT count(*) FROM household h WHERE h.grid = g.id AND h.deleted = 0) "
        "FROM grid g WHERE g.region = ? AND g.deleted = 0 ORDER BY g.code");
    st.bind(1, std::string(regionId));
    std::vector<GridNode> out;
    while (st.executeStep())
      out.push_back({textOf(st, 0), textOf(st, 1), textOf(st, 2), st.getColumn(3).getInt64()});
    return out;
  });
}

std::vector<BuildingNode> TreeQueries::buildingsOf(std::string_view gridId) const {
  return withState(*state_, [&] {
    auto& st = state_->statement(
        "SELECT coalesce(building, '') AS b, count(*) FROM household WHERE grid = ? AND deleted = 0 "
        "GROUP BY b ORDER BY " +
        houseNumberOrder("b"));
    st.bind(1, std::string(gridId));
    std::vector<BuildingNode> out;
    while (st.executeStep()) out.push_back({textOf(st, 0), st.getColumn(1).getInt64()});
    return out;
  });
}

}  // namespace gl::db
