// Quarantine cases: the active list in walking order, the cases at or past their planned end with
// the proposal core/lifecycle makes from their policy and checks, and the check sheet — one line per
// person on a date with that day's slots. A county may have 15,000 active cases, so each is a few
// queries (the cases, then the day's checks), never one query per case.
#include "db/quarantine_queries.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include "core/error.h"
#include "core/lifecycle.h"
#include "core/temperature.h"
#include "db/internal/case_rows.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"

namespace gl::db {

std::vector<QuarantineItem> QuarantineQueries::active(core::Date on) const {
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

std::vector<CaseReview> QuarantineQueries::reviewDue(core::Date today) const {
  auto all = ledger_.policies();
  std::map<std::string, core::Policy> byCode;
  for (const auto& p : all) byCode[p.code] = p;
  return withState(*state_, [&] {
    auto& cases = state_->statement(
        "SELECT id, resident, coalesce(policy, ''), start_on, planned_end_on FROM quarantine "
        "WHERE status = 'active' AND deleted = 0 AND planned_end_on <= ?");
    cases.bind(1, today.iso());
    std::vector<CaseReview> out;
    while (cases.executeStep()) {
      CaseReview r;
      r.quarantineId = cases.getColumn(0).getString();
      r.residentId = cases.getColumn(1).getString();
      auto start = core::Date::fromIso(cases.getColumn(3).getString());
      auto end = core::Date::fromIso(cases.getColumn(4).getString());
      if (!start || !end) continue;
      r.plannedEnd = *end;
      core::CaseView view{*start, *end, core::QuarantineStatus::Active};
      core::Policy policy;
      if (auto it = byCode.find(cases.getColumn(2).getString()); it != byCode.end()) {
        policy = it->second;
      } else {
        // A case typed in without a policy: judged on its own dates with morning and evening checks.
        policy.days = core::totalDays(view);
        policy.slotsPerDay = 2;
      }
      std::vector<core::CheckDone> done;
      auto& checks = state_->statement("SELECT checked_on, slot FROM health_check WHERE quarantine = ? AND deleted = 0");
      checks.bind(1, r.quarantineId);
      while (checks.executeStep()) {
        auto on = core::Date::fromIso(checks.getColumn(0).getString());
        auto slot = core::slotIndex(checks.getColumn(1).getString(), policy.slotsPerDay);
        if (on && slot) done.push_back({*on, *slot});
      }
      checks.reset();
      core::Review review;
      try {
        review = core::review(policy, view, done, today, all);
      } catch (const gl::Error&) {
        // A policy whose follow-on is missing (edited elsewhere and synced in): a person decides.
        review.proposal = core::Proposal::Overdue;
        review.newPlannedEnd = *end;
      }
      r.proposal = review.proposal;
      r.newPlannedEnd = review.newPlannedEnd;
      r.missedChecks = static_cast<int>(review.missed.size());
      r.followOnPolicy = review.followOnPolicy;
      r.followOnStart = review.followOnStart;
      r.followOnEnd = review.followOnEnd;
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::vector<CheckSheetRow> QuarantineQueries::checkSheet(core::Date on, std::string_view gridId) const {
  std::map<std::string, core::Policy> byCode;
  for (auto& p : ledger_.policies()) byCode.emplace(p.code, std::move(p));
  return withState(*state_, [&] {
    // The case's own row decides whether it is on the sheet: a tombstoned resident or household
    // still shows its name and address, so the person does not drop off the sheet silently.
    std::string sql =
        "SELECT q.id, r.id, r.name, r.id_number, h.address, g.name, coalesce(q.policy, ''), q.start_on, "
        "q.planned_end_on FROM quarantine q JOIN resident r ON r.id = q.resident "
        "LEFT JOIN household h ON h.id = r.household LEFT JOIN grid g ON g.id = h.grid "
        "WHERE q.status = 'active' AND q.deleted = 0 AND q.start_on <= :on AND q.planned_end_on >= :on";
    if (!gridId.empty()) sql += " AND h.grid = :grid";
    sql += " ORDER BY g.code IS NULL, g.code, " + walkingOrderInGrid("h") + ", r.name, q.id";
    auto& cases = state_->statement(sql);
    cases.bind(":on", on.iso());
    if (!gridId.empty()) cases.bind(":grid", std::string(gridId));

    std::vector<CheckSheetRow> out;
    std::unordered_map<std::string, std::size_t> lineOf;  // quarantine id → index in `out`
    while (cases.executeStep()) {
      auto start = core::Date::fromIso(textOf(cases, 7));
      auto end = core::Date::fromIso(textOf(cases, 8));
      if (!start || !end) continue;
      CheckSheetRow row;
      row.quarantineId = textOf(cases, 0);
      row.residentId = textOf(cases, 1);
      row.name = textOf(cases, 2);
      row.idNumber = textOf(cases, 3);
      row.address = textOf(cases, 4);
      row.grid = textOf(cases, 5);
      const CaseOnDay day = caseOnDay(byCode, textOf(cases, 6), *start, *end, on);
      row.day = day.day;
      row.totalDays = day.totalDays;
      row.slotsPerDay = day.slotsPerDay;
      row.testDay = day.testDay;
      row.tenths.assign(static_cast<std::size_t>(row.slotsPerDay), std::nullopt);
      row.checkIds.assign(static_cast<std::size_t>(row.slotsPerDay), std::string());
      lineOf.emplace(row.quarantineId, out.size());
      out.push_back(std::move(row));
    }
    forEachCheckOn(*state_, on, [&](const CheckOnDay& check) {
      auto line = lineOf.find(check.quarantineId);
      if (line == lineOf.end()) return;
      auto& row = out[line->second];
      if (auto slot = core::slotIndex(check.slot, row.slotsPerDay)) {
        row.tenths[static_cast<std::size_t>(*slot)] = check.tenths;
        row.checkIds[static_cast<std::size_t>(*slot)] = check.id;
      }
    });
    return out;
  });
}

}  // namespace gl::db
