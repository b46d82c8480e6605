// The check sheet: one line per person under quarantine on a date, with the temperatures of that
// day's slots (morning and evening by default; the case's policy says how many). A county may have
// 15,000 active cases, so the sheet is two queries (the cases, then the day's checks), never one
// query per case.
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/lifecycle.h"
#include "core/temperature.h"
#include "db/case_rows.h"
#include "db/ledger.h"
#include "db/ledger_state.h"
#include "db/policy_rows.h"
#include "db/row_io.h"
#include "db/walking_order.h"
#include "db/writer.h"

namespace gl::db {

namespace {

// A case typed in without a policy (or naming one that is gone) is checked morning and evening,
// as reviewDueCases and the figures assume.
constexpr int kDefaultSlots = 2;

}  // namespace

CaseOnDay caseOnDay(const std::map<std::string, core::Policy>& policies, const std::string& policyCode,
                    core::Date start, core::Date plannedEnd, core::Date on) {
  static const core::Policy fallback;
  auto it = policies.find(policyCode);
  const core::Policy* policy = it == policies.end() ? nullptr : &it->second;
  core::CaseView view{start, plannedEnd, core::QuarantineStatus::Active};
  return {core::dayNumber(view, on), core::totalDays(view), policy ? policy->slotsPerDay : kDefaultSlots,
          core::isTestDay(policy ? *policy : fallback, view, on)};
}

void forEachCheckOn(LedgerState& state, core::Date on, const std::function<void(const CheckOnDay&)>& visit) {
  auto& st = state.statement(
      "SELECT quarantine, slot, temperature, coalesce(symptoms, ''), id FROM health_check "
      "WHERE checked_on = ? AND deleted = 0 ORDER BY id");
  st.bind(1, on.iso());
  CheckOnDay check;
  while (st.executeStep()) {
    check.quarantineId = textOf(st, 0);
    check.slot = textOf(st, 1);
    auto t = st.getColumn(2);
    check.tenths = t.isNull() ? std::nullopt : std::optional<int>(static_cast<int>(std::lround(t.getDouble() * 10)));
    check.symptoms = textOf(st, 3);
    check.id = textOf(st, 4);
    visit(check);
  }
  st.reset();
}

std::vector<CheckSheetRow> Ledger::checkSheet(core::Date on, std::string_view gridId) const {
  std::map<std::string, core::Policy> byCode;
  for (auto& p : policies()) byCode.emplace(p.code, std::move(p));
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

std::string Ledger::recordCheck(std::string_view quarantineId, core::Date on, int slot, int tenths,
                                std::string_view symptoms) {
  std::string id;
  write([&](Writer& w) {
    CaseRow c = loadActiveCase(*state_, quarantineId, Error::Kind::BadInput);
    const std::string context = "quarantine " + std::string(quarantineId);
    int slots = kDefaultSlots;
    if (const auto& code = c.row["policy"]; code)
      if (auto policy = findPolicy(*state_, *code)) slots = policy->slotsPerDay;
    if (slot < 0 || slot >= slots)
      throw Error(Error::Kind::BadInput,
                  N_("Check slot {slot} is not one of the {slots} checks a day of this case"),
                  {{"slot", std::to_string(slot)}, {"slots", std::to_string(slots)}}, context);
    if (on < c.start || on > c.plannedEnd)
      throw Error(Error::Kind::BadInput, N_("{date} is outside the quarantine period {start} to {end}"),
                  {{"date", on.iso()}, {"start", c.start.iso()}, {"end", c.plannedEnd.iso()}}, context);

    const std::string slotCode(core::slotCode(slot, slots));
    auto& existing = state_->statement(
        "SELECT id FROM health_check WHERE quarantine = ? AND checked_on = ? AND slot = ? AND deleted = 0 "
        "ORDER BY id DESC LIMIT 1");
    existing.bind(1, std::string(quarantineId));
    existing.bind(2, on.iso());
    existing.bind(3, slotCode);
    if (existing.executeStep()) id = existing.getColumn(0).getString();
    existing.reset();

    // The temperature goes in as text so that the Writer's validation checks its range.
    core::Cells cells = {{"temperature", core::formatTemperature(tenths)}};
    if (!symptoms.empty()) cells.push_back({"symptoms", std::string(symptoms)});
    if (!id.empty()) {
      w.update(core::Table::HealthCheck, id, std::move(cells));
      return;
    }
    cells.push_back({"quarantine", std::string(quarantineId)});
    cells.push_back({"checked_on", on.iso()});
    cells.push_back({"slot", slotCode});
    id = w.insert(core::Table::HealthCheck, std::move(cells));
  });
  return id;
}

}  // namespace gl::db
