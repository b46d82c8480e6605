// The quarantine lifecycle applied to the ledger: every active case at or past its planned end gets
// the proposal core/lifecycle makes from its policy and its recorded checks.
#include <map>

#include "core/error.h"
#include "db/ledger.h"
#include "db/ledger_state.h"

namespace gl::db {

std::vector<CaseReview> Ledger::reviewDueCases(core::Date today) const {
  auto all = policies();
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

}  // namespace gl::db
