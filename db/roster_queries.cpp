// The daily rosters' lines (db/roster_rows.h): a few queries per roster, never one per person (a
// county prints thousands of lines).
#include <map>
#include <unordered_map>

#include "core/lifecycle.h"
#include "db/roster_queries.h"
#include "db/internal/campaign_grids.h"
#include "db/internal/case_rows.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"

namespace gl::db {

namespace {

// The scope as SQL over grid `g`: one grid by its code, or every grid under a region's code.
std::string scopeCondition(const RosterScope& scope) {
  if (scope.wholeCounty) return "1";
  return scope.isGrid ? "g.code = :scope" : "substr(g.code, 1, length(:scope)) = :scope";
}

const char* kPlaceColumns = "coalesce(g.code, ''), coalesce(g.name, ''), h.building, h.unit, h.room, h.address";

RosterPlace placeOf(SQLite::Statement& st, int first) {
  return {textOf(st, first), textOf(st, first + 1), textOf(st, first + 2),
          textOf(st, first + 3), textOf(st, first + 4), textOf(st, first + 5)};
}

// Columns 0-12 of the person rosters' queries: the place, then the person.
const char* kPersonColumns = "r.id, r.name, r.sex, r.birth_date, r.id_number, r.phone, r.care_flags";

RosterPerson personOf(SQLite::Statement& st) {
  RosterPerson p;
  p.place = placeOf(st, 0);
  p.residentId = textOf(st, 6);
  p.name = textOf(st, 7);
  p.sex = textOf(st, 8);
  p.birthDate = textOf(st, 9);
  p.idNumber = textOf(st, 10);
  p.phone = textOf(st, 11);
  p.careFlags = textOf(st, 12);
  return p;
}

std::string orderByWalk() { return " ORDER BY g.code IS NULL, g.code, " + walkingOrderInGrid("h"); }

}  // namespace

RosterScope RosterQueries::rosterScope(std::string_view code) const {
  return withState(*state_, [&] {
    RosterScope scope;
    scope.code = code;
    auto& grid = state_->statement("SELECT name FROM grid WHERE code = ? AND deleted = 0 ORDER BY id LIMIT 1");
    grid.bind(1, scope.code);
    if (!scope.code.empty() && grid.executeStep()) {
      scope.name = textOf(grid, 0);
      scope.isGrid = true;
      grid.reset();
      return scope;
    }
    grid.reset();
    auto& region = state_->statement(
        "SELECT name, level FROM region WHERE (code = ? OR (? = '' AND level = 'county')) AND deleted = 0 "
        "ORDER BY id LIMIT 1");
    region.bind(1, scope.code);
    region.bind(2, scope.code);
    if (!region.executeStep())
      throw Error(Error::Kind::BadInput, N_("No region or grid of this ledger has the code “{code}”"),
                  {{"code", scope.code}});
    scope.name = textOf(region, 0);
    scope.wholeCounty = textOf(region, 1) == "county";
    region.reset();
    return scope;
  });
}

std::vector<RosterPerson> RosterQueries::cases(CaseDay which, core::Date on, const RosterScope& scope) const {
  std::map<std::string, core::Policy> byCode;
  for (auto& p : ledger_.policies()) byCode.emplace(p.code, std::move(p));
  return withState(*state_, [&] {
    // Active: a case past its planned end is still under quarantine until someone releases it.
    const char* when = which == CaseDay::Active   ? "q.status = 'active' AND q.start_on <= :on"
                       : which == CaseDay::Ending ? "q.status = 'active' AND q.planned_end_on = :on"
                                                  : "q.status <> 'cancelled' AND q.start_on = :on";
    std::string sql = std::string("SELECT ") + kPlaceColumns + ", " + kPersonColumns +
                      ", q.id, q.kind, "
                      "q.reason, q.source_place, q.place, coalesce(q.policy, ''), q.start_on, q.planned_end_on "
                      "FROM quarantine q JOIN resident r ON r.id = q.resident "
                      "LEFT JOIN household h ON h.id = r.household LEFT JOIN grid g ON g.id = h.grid "
                      "WHERE q.deleted = 0 AND " + when + " AND " + scopeCondition(scope) +
                      orderByWalk() + ", r.name, q.id";
    auto& cases = state_->statement(sql);
    cases.bind(":on", on.iso());
    if (!scope.wholeCounty) cases.bind(":scope", scope.code);
    std::vector<RosterPerson> out;
    std::unordered_map<std::string, std::size_t> lineOf;
    while (cases.executeStep()) {
      auto start = core::Date::fromIso(textOf(cases, 19)), end = core::Date::fromIso(textOf(cases, 20));
      if (!start || !end) continue;
      RosterPerson p = personOf(cases);
      p.quarantineId = textOf(cases, 13);
      p.kind = textOf(cases, 14);
      p.reason = textOf(cases, 15);
      p.sourcePlace = textOf(cases, 16);
      p.quarantinePlace = textOf(cases, 17);
      p.start = *start;
      p.plannedEnd = *end;
      const CaseOnDay day = caseOnDay(byCode, textOf(cases, 18), *start, *end, on);
      p.day = day.day;
      p.totalDays = day.totalDays;
      p.slotsPerDay = day.slotsPerDay;
      p.testDay = day.testDay;
      p.tenths.assign(static_cast<std::size_t>(p.slotsPerDay), std::nullopt);
      lineOf.emplace(p.quarantineId, out.size());
      out.push_back(std::move(p));
    }
    forEachCheckOn(*state_, on, [&](const CheckOnDay& check) {
      auto line = lineOf.find(check.quarantineId);
      if (line == lineOf.end()) return;
      auto& p = out[line->second];
      if (auto slot = core::slotIndex(check.slot, p.slotsPerDay)) p.tenths[static_cast<std::size_t>(*slot)] = check.tenths;
      if (!check.symptoms.empty() && p.symptoms.find(check.symptoms) == std::string::npos)
        p.symptoms += (p.symptoms.empty() ? "" : "；") + check.symptoms;
    });
    return out;
  });
}

std::vector<RosterPerson> RosterQueries::care(const RosterScope& scope) const {
  return withState(*state_, [&] {
    std::string sql = std::string("SELECT ") + kPlaceColumns + ", " + kPersonColumns +
                      ", (SELECT max(v.visited_on) FROM visit v WHERE v.household = h.id AND v.deleted = 0) "
                      "FROM resident r JOIN household h ON h.id = r.household LEFT JOIN grid g ON g.id = h.grid "
                      "WHERE r.deleted = 0 AND h.deleted = 0 AND coalesce(r.care_flags, '') <> '' AND " +
                      scopeCondition(scope) + orderByWalk() + ", r.rid";
    auto& st = state_->statement(sql);
    if (!scope.wholeCounty) st.bind(":scope", scope.code);
    std::vector<RosterPerson> out;
    while (st.executeStep()) {
      RosterPerson p = personOf(st);
      p.lastVisit = core::Date::fromIso(textOf(st, 13));
      out.push_back(std::move(p));
    }
    return out;
  });
}

std::vector<RosterDoor> RosterQueries::doors(const RosterScope& scope) const {
  return withState(*state_, [&] {
    // The grid's worker: a grid_worker whose scope names the grid's code, else the grid's leader.
    std::string sql = std::string("SELECT ") + kPlaceColumns +
                      ", h.id, coalesce(h.household_no, ''), "
                      "coalesce((SELECT w.name || char(9) || coalesce(w.phone, '') FROM worker w WHERE w.deleted = 0 "
                      "AND w.role = 'grid_worker' AND (',' || replace(w.scope, ' ', '') || ',') LIKE "
                      "('%,' || g.code || ',%') ORDER BY w.id LIMIT 1), "
                      "(SELECT l.name || char(9) || coalesce(l.phone, '') FROM worker l WHERE l.id = g.leader AND "
                      "l.deleted = 0), '') "
                      "FROM household h LEFT JOIN grid g ON g.id = h.grid WHERE h.deleted = 0 AND " +
                      scopeCondition(scope) + orderByWalk();
    auto& st = state_->statement(sql);
    if (!scope.wholeCounty) st.bind(":scope", scope.code);
    std::vector<RosterDoor> out;
    while (st.executeStep()) {
      RosterDoor d;
      d.place = placeOf(st, 0);
      d.householdId = textOf(st, 6);
      d.householdNo = textOf(st, 7);
      std::string worker = textOf(st, 8);
      auto tab = worker.find('\t');
      d.workerName = worker.substr(0, tab);
      if (tab != std::string::npos) d.workerPhone = worker.substr(tab + 1);
      out.push_back(std::move(d));
    }
    return out;
  });
}

std::vector<RosterHousehold> RosterQueries::visitsDue(core::Date on, const RosterScope& scope,
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
