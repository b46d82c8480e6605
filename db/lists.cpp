// The lists behind the Today tab, the household browser and the rosters. Sorting follows the way a
// grid worker walks: grid, then building, unit and room as numbers where they are numbers.
#include "core/lifecycle.h"
#include "db/ledger.h"
#include "db/ledger_state.h"
#include "db/row_io.h"
#include "db/walking_order.h"

namespace gl::db {

namespace {
// Grid by code, then building, unit and room the way a grid worker walks them (db/walking_order.h).
std::string walkingOrder() { return "g.code, " + walkingOrderInGrid("h"); }
}  // namespace

std::vector<QuarantineItem> Ledger::activeQuarantines(core::Date on) const {
  return withState(*state_, [&] {
    auto& st = state_->statement(std::string(
        "SELECT q.id, r.id, r.name, r.id_number, r.phone, h.id, h.address, g.name, q.kind, q.policy, q.status, "
        "q.start_on, q.planned_end_on FROM quarantine q INDEXED BY quarantine_active "
        "JOIN resident r ON r.id = q.resident AND r.deleted = 0 "
        "LEFT JOIN household h ON h.id = r.household AND h.deleted = 0 LEFT JOIN grid g ON g.id = h.grid "
        "WHERE q.status = 'active' AND q.deleted = 0 AND q.start_on <= ? ORDER BY ") + walkingOrder() + ", r.name");
    st.bind(1, on.iso());
    std::vector<QuarantineItem> out;
    while (st.executeStep()) {
      QuarantineItem q;
      q.id = textOf(st, 0);
      q.residentId = textOf(st, 1);
      q.name = textOf(st, 2);
      q.idNumber = textOf(st, 3);
      q.phone = textOf(st, 4);
      q.householdId = textOf(st, 5);
      q.address = textOf(st, 6);
      q.grid = textOf(st, 7);
      q.kind = textOf(st, 8);
      q.policy = textOf(st, 9);
      q.status = textOf(st, 10);
      q.start = core::Date::fromIso(textOf(st, 11)).value_or(on);
      q.plannedEnd = core::Date::fromIso(textOf(st, 12)).value_or(q.start);
      core::CaseView view{q.start, q.plannedEnd, core::QuarantineStatus::Active};
      q.day = core::dayNumber(view, on);
      q.totalDays = core::totalDays(view);
      out.push_back(std::move(q));
    }
    return out;
  });
}

std::vector<Row> Ledger::households(std::string_view gridId, int offset, int limit) const {
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

std::vector<Row> Ledger::residentsOf(std::string_view householdId) const {
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
