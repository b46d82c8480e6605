// The rules of a case's day shared by the check sheet and the rosters (db/internal/case_rows.h), and the one
// write of the check sheet: a temperature recorded or corrected.
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/columns.h"
#include "core/lifecycle.h"
#include "core/temperature.h"
#include "db/internal/case_rows.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/internal/row_io.h"
#include "db/internal/walking_order.h"
#include "db/writer.h"

namespace gl::db {

namespace col = core::col;

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

std::string Ledger::recordCheck(std::string_view quarantineId, core::Date on, int slot, int tenths,
                                std::string_view symptoms) {
  std::string id;
  write([&](Writer& w) {
    CaseRow c = loadActiveCase(*state_, quarantineId, Error::Kind::BadInput);
    const std::string context = "quarantine " + std::string(quarantineId);
    int slots = kDefaultSlots;
    if (const auto& code = c.row[col::quarantine::policy]; code)
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
    core::Cells cells = {{col::health_check::temperature, core::formatTemperature(tenths)}};
    if (!symptoms.empty()) cells.push_back({col::health_check::symptoms, std::string(symptoms)});
    if (!id.empty()) {
      w.update(core::Table::HealthCheck, id, std::move(cells));
      return;
    }
    cells.push_back({col::health_check::quarantine, std::string(quarantineId)});
    cells.push_back({col::health_check::checkedOn, on.iso()});
    cells.push_back({col::health_check::slot, slotCode});
    id = w.insert(core::Table::HealthCheck, std::move(cells));
  });
  return id;
}

}  // namespace gl::db
