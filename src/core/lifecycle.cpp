#include "core/lifecycle.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/columns.h"
#include "core/error.h"

namespace gl::core {

namespace {

using DoneSet = std::set<std::pair<long, int>>;  // (days since epoch, slot)

DoneSet doneSet(const Policy& policy, const std::vector<CheckDone>& done) {
  DoneSet out;
  for (const CheckDone& d : done)
    if (d.slot >= 0 && d.slot < policy.slotsPerDay) out.emplace(d.on.daysSinceEpoch(), d.slot);
  return out;
}

bool dayComplete(const Policy& policy, const DoneSet& done, Date on) {
  long day = on.daysSinceEpoch();
  for (int s = 0; s < policy.slotsPerDay; ++s)
    if (!done.count({day, s})) return false;
  return true;
}

bool isActive(const CaseView& c) { return c.status == QuarantineStatus::Active; }

}  // namespace

Date plannedEnd(const Policy& policy, Date start) { return start.addDays(policy.days - 1); }

int dayNumber(const CaseView& c, Date on) { return static_cast<int>(c.start.daysUntil(on)) + 1; }

int totalDays(const CaseView& c) { return static_cast<int>(c.start.daysUntil(c.plannedEnd)) + 1; }

bool isTestDay(const Policy& policy, const CaseView& c, Date on) {
  if (on < c.start || on > c.plannedEnd) return false;
  int n = dayNumber(c, on);
  return std::find(policy.testDays.begin(), policy.testDays.end(), n) != policy.testDays.end();
}

std::vector<int> slotsDue(const Policy& policy, const CaseView& c, Date on) {
  std::vector<int> out;
  if (!isActive(c) || on < c.start || on > c.plannedEnd) return out;
  for (int s = 0; s < policy.slotsPerDay; ++s) out.push_back(s);
  return out;
}

std::vector<MissedCheck> missedChecks(const Policy& policy, const CaseView& c, const std::vector<CheckDone>& done,
                                      Date today) {
  std::vector<MissedCheck> out;
  if (!isActive(c)) return out;
  DoneSet have = doneSet(policy, done);
  Date last = std::min(c.plannedEnd, today.addDays(-1));
  for (Date d = c.start; d <= last; d = d.addDays(1)) {
    long day = d.daysSinceEpoch();
    for (int s = 0; s < policy.slotsPerDay; ++s)
      if (!have.count({day, s})) out.push_back(MissedCheck{d, s});
  }
  return out;
}

Review review(const Policy& policy, const CaseView& c, const std::vector<CheckDone>& done, Date today,
              const std::vector<Policy>& all) {
  Review r;
  r.newPlannedEnd = c.plannedEnd;
  if (!isActive(c)) return r;
  r.missed = missedChecks(policy, c, done, today);
  if (c.plannedEnd < c.start) {
    r.proposal = Proposal::Overdue;
    return r;
  }
  if (today < c.plannedEnd) return r;

  if (dayComplete(policy, doneSet(policy, done), c.plannedEnd)) {
    if (policy.followOn.empty()) {
      r.proposal = Proposal::Release;
      return r;
    }
    const Policy* next = findPolicy(all, policy.followOn);
    if (!next) {
      // TRANSLATORS: {policy} and {follow_on} are policy codes such as central7_monitor3_2022
      // xgettext:python-brace-format
      throw Error(Error::Kind::BadInput, N_("Policy {policy} is followed by {follow_on}, which does not exist"),
                  {{"policy", policy.code}, {"follow_on", policy.followOn}}, policy.code);
    }
    r.proposal = Proposal::ReleaseAndChain;
    r.followOnPolicy = next->code;
    r.followOnStart = c.plannedEnd.addDays(1);
    r.followOnEnd = plannedEnd(*next, r.followOnStart);
    return r;
  }
  if (today == c.plannedEnd) return r;  // the last day's checks are still due today

  if (policy.extendOnMissedCheck) {
    r.proposal = Proposal::Extend;
    // At least one day, even from an unvalidated policy: an extension by 0 would propose
    // itself again every day without moving the end.
    r.newPlannedEnd = c.plannedEnd.addDays(std::max(1, policy.extensionDays));
  } else {
    r.proposal = Proposal::Overdue;
  }
  return r;
}

std::vector<Issue> validateCase(const CaseView& c) {
  std::vector<Issue> out;
  if (c.plannedEnd < c.start)
    out.push_back(Issue{IssueCode::QuarantineEndBeforeStart, std::string(col::quarantine::plannedEndOn), 0, 0,
                        c.plannedEnd.iso()});
  return out;
}

}  // namespace gl::core
