// Households and their members in walking order, and the household browser's keys: a virtual list
// over a county's 300,000 households holds row numbers and reads only the rows of the page on screen.
#include "db/household_queries.h"

#include "core/lifecycle.h"
#include "db/internal/household_keys.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"

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

std::vector<std::int64_t> HouseholdQueries::keys(const HouseholdFilter& filter) const {
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

std::vector<Row> HouseholdQueries::byKeys(const std::vector<std::int64_t>& keys) const {
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

std::vector<Row> HouseholdQueries::page(std::string_view gridId, int offset, int limit) const {
  return withState(*state_, [&] {
    const auto& spec = core::tableSpec(core::Table::Household);
    std::string columns = "h.id";
    for (const auto& c : spec.columns) columns.append(", h.").append(c.name);
    columns += ", h.deleted";
    std::string sql = "SELECT " + columns + " FROM household h LEFT JOIN grid g ON g.id = h.grid WHERE h.deleted = 0";
    sql += gridId.empty() ? " AND ?1 = ''" : " AND h.grid = ?1";
    sql += " ORDER BY " + walkingOrder() + " LIMIT ?2 OFFSET ?3";
    auto& st = state_->statement(sql);
    st.bind(1, std::string(gridId));
    st.bind(2, limit);
    st.bind(3, offset);
    std::vector<Row> out;
    while (st.executeStep()) out.push_back(readRow(st, spec));
    return out;
  });
}

std::vector<Row> HouseholdQueries::residentsOf(std::string_view householdId) const {
  return withState(*state_, [&] {
    const auto& spec = core::tableSpec(core::Table::Resident);
    auto& st = state_->statement("SELECT " + selectColumns(spec) +
                                 " FROM resident WHERE household = ? AND deleted = 0 ORDER BY birth_date, rid");
    st.bind(1, std::string(householdId));
    std::vector<Row> out;
    while (st.executeStep()) out.push_back(readRow(st, spec));
    return out;
  });
}

}  // namespace gl::db
