// The grid tree (county → townships → communities → grids → buildings), one level a call, and the
// household browser's keys: a virtual list over a county's 300,000 households holds row numbers and
// reads only the rows of the page on screen.
#include "db/household_keys.h"
#include "db/ledger.h"
#include "db/ledger_state.h"
#include "db/row_io.h"
#include "db/walking_order.h"

namespace gl::db {

std::string householdKeysSql(const HouseholdFilter& filter) {
  std::string sql = "SELECT h.rid FROM household h WHERE h.deleted = 0";
  if (!filter.kind.empty()) sql += " AND h.kind = :kind";
  if (filter.gridId.empty() && filter.unassigned) return sql + " AND h.grid IS NULL ORDER BY h.rid";
  // Every grid at once: rowid order. Walking order across grids would sort every household of the
  // county (and join its grid) on each refresh; within one grid the sort is a few hundred rows.
  if (filter.gridId.empty()) return sql + " ORDER BY h.rid";
  sql += " AND h.grid = :grid";
  if (filter.building)
    sql += filter.building->empty() ? " AND (h.building IS NULL OR h.building = '')"
                                    : " AND h.building = :building";
  return sql + " ORDER BY " + walkingOrderInGrid("h");
}

std::vector<RegionNode> Ledger::childRegions(std::string_view parentId) const {
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

std::vector<GridNode> Ledger::gridsOf(std::string_view regionId) const {
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

std::vector<BuildingNode> Ledger::buildingsOf(std::string_view gridId) const {
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

std::vector<std::int64_t> Ledger::householdKeys(const HouseholdFilter& filter) const {
  return withState(*state_, [&] {
    auto& st = state_->statement(householdKeysSql(filter));
    if (!filter.kind.empty()) st.bind(":kind", filter.kind);
    if (!filter.gridId.empty()) {
      st.bind(":grid", filter.gridId);
      if (filter.building && !filter.building->empty()) st.bind(":building", *filter.building);
    }
    std::vector<std::int64_t> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
    return out;
  });
}

std::vector<Row> Ledger::householdsByKey(const std::vector<std::int64_t>& keys) const {
  return withState(*state_, [&] {
    // One primary-key lookup per key keeps the caller's order; a page is a few hundred keys.
    const auto& spec = core::tableSpec(core::Table::Household);
    auto& st =
        state_->statement("SELECT " + selectColumns(spec) + " FROM household WHERE rid = ? AND deleted = 0");
    std::vector<Row> out;
    out.reserve(keys.size());
    for (std::int64_t key : keys) {
      st.reset();
      st.bind(1, key);
      if (st.executeStep()) out.push_back(readRow(st, spec));
    }
    return out;
  });
}

}  // namespace gl::db
