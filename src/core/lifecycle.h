// What a quarantine case needs today: which checks are due, which were missed, and whether the
// case should be released, chained into its follow-on period, extended, or flagged overdue. The
// rules only propose; a grid worker confirms, and nothing here reads a clock (`today` is passed).
//
// Conventions:
// - Day 1 is the start date (the day the person arrived or was placed, as rosters count it).
// - plannedEnd(policy, start) = start + days - 1 is the LAST day under quarantine: 14 days from
//   2021-06-01 end on 2021-06-14.
// - A chained follow-on period (central -> home health monitoring) starts the day after the
//   planned end: 2021-06-15 for the example above, and is its own quarantine row (docs/domain.md §5.3).
// - Check slots are numbered 0..slotsPerDay-1: 0 = morning, 1 = evening (with three slots,
//   schema.h slotCode() gives am / noon / pm).
// - Nobody under quarantine ever drops off a list silently: an active case is never closed
//   automatically, and once past its end it is always proposed for Release, Extend or Overdue.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/issue.h"
#include "core/policy.h"

namespace gl::core {

struct CheckDone {
  Date on;
  int slot = 0;
};

// The parts of a `quarantine` row the rules read. plannedEnd is the row's planned_end_on, which
// may differ from the policy's length after an extension or a manual change.
struct CaseView {
  Date start;
  Date plannedEnd;
  QuarantineStatus status = QuarantineStatus::Active;
};

Date plannedEnd(const Policy& policy, Date start);

// 1-based: the start date is day 1, the day before it day 0.
int dayNumber(const CaseView& c, Date on);
int totalDays(const CaseView& c);  // plannedEnd - start + 1
// A day within the case's period whose day number is one of the policy's test days.
bool isTestDay(const Policy& policy, const CaseView& c, Date on);

// Every slot of the day for days within [start, plannedEnd] of an active case; none otherwise.
std::vector<int> slotsDue(const Policy& policy, const CaseView& c, Date on);

struct MissedCheck {
  Date on;
  int slot = 0;
  bool operator==(const MissedCheck&) const = default;
};
// Due slots on days before `today` with no record, in date then slot order. Empty for cases
// that are not active: the view has no ended_on, so it cannot tell which days of a closed case
// were still under quarantine. Records with a slot outside the policy's slots are ignored.
std::vector<MissedCheck> missedChecks(const Policy& policy, const CaseView& c, const std::vector<CheckDone>& done,
                                      Date today);

enum class Proposal {
  None,             // nothing to decide today
  Release,          // the period is over and its last day's checks are done
  ReleaseAndChain,  // release, then open the policy's follow-on period
  Extend,           // the last day's check was missed and the policy extends: new planned end
  Overdue,          // past the end with the last day's check missed and no extension rule: a person decides
};

struct Review {
  Proposal proposal = Proposal::None;
  Date newPlannedEnd;                // plannedEnd + extensionDays for Extend; the current plannedEnd otherwise
  std::vector<MissedCheck> missed;   // every missed check so far, whatever the proposal
  std::string followOnPolicy;        // for ReleaseAndChain
  Date followOnStart;                // plannedEnd + 1
  Date followOnEnd;                  // plannedEnd(followOn, followOnStart)
};

// Rules, for an active case (any other status: None, nothing missed):
// - before the planned end: None;
// - on or after it, the last day's slots all done: Release, or ReleaseAndChain when the policy
//   has a follow-on (earlier misses do not hold a release back; they are listed in `missed`);
// - on the last day with its slots not all done: None (they are still due today);
// - after the last day with its check(s) missed: Extend when the policy says so, else Overdue;
// - a planned end before the start (bad data): Overdue, so a person looks at it.
// Throws gl::Error (BadInput) when the policy's follow-on is not among `all`: chaining must not
// be skipped silently (validatePolicies() reports it when policies are edited).
Review review(const Policy& policy, const CaseView& c, const std::vector<CheckDone>& done, Date today,
              const std::vector<Policy>& all);

// A case's own data: QuarantineEndBeforeStart on "planned_end_on" when plannedEnd < start.
std::vector<Issue> validateCase(const CaseView& c);

}  // namespace gl::core
