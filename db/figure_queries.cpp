// Today's figures. Table counts come from row_count (kept by the write code) and the quarantine
// figures from partial indexes over active cases, so a county-sized ledger answers in milliseconds.
//
// The Today tab's chart: cases under quarantine, new cases and fevers per day. One query per series
// over the whole range (grouped in SQL), never one per day.
//
// A case counts as active on day d when start_on <= d <= its end, where the end is
// - for an active case: max(planned_end_on, today). An overdue case is still someone under
//   quarantine until a person closes it (core/lifecycle: nobody drops off silently), so it counts up
//   to today; days after today count only up to the planned end (what is planned, not guessed).
// - for a closed case (released, transferred, hospitalized): the day before ended_on (the day a
//   case ends is its first day no longer under quarantine, as today's figures count it), or
//   planned_end_on when the row has no end date.
// Cancelled cases (无需管控 / 重复 / 误判) never were quarantines and do not count. Arrivals count
// every live case by its start date and fevers every live check at or above 37.3 ℃, as the
// figures above the chart do (today()), so the chart's last bar matches the figures.
#include "db/figure_queries.h"

#include <map>
#include <set>
#include <unordered_map>

#include "core/schema.h"
#include "core/temperature.h"
#include "db/connection.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/quarantine_queries.h"
#include "db/internal/row_io.h"

namespace gl::db {

Figures FigureQueries::today(core::Date today) const {
  return withState(*state_, [&] {
    Figures f;
    auto& db = *state_->db;
    std::map<int, std::int64_t> live;
    {
      SQLite::Statement st(db, "SELECT tbl, live FROM row_count");
      while (st.executeStep()) live[st.getColumn(0).getInt()] = st.getColumn(1).getInt64();
    }
    for (const auto& spec : core::tables()) f.tables.push_back({std::string(spec.pluralName), std::string(spec.name), live[static_cast<int>(spec.table)]});

    std::map<std::string, int> slots;
    for (const auto& p : ledger_.policies()) slots[p.code] = p.slotsPerDay;
    const std::string day = today.iso();
    std::unordered_map<std::string, int> slotsOfDueCase;  // quarantine id → checks per day
    {
      SQLite::Statement st(db,
                           "SELECT planned_end_on, start_on, policy, id FROM quarantine INDEXED BY quarantine_active "
                           "WHERE status = 'active' AND deleted = 0");
      while (st.executeStep()) {
        ++f.activeQuarantines;
        std::string end = st.getColumn(0).getString(), start = st.getColumn(1).getString();
        if (end < day) ++f.overdueReleases;
        if (end == day) ++f.releasesDueToday;
        if (start <= day && day <= end) {
          auto it = slots.find(st.getColumn(2).isNull() ? std::string() : st.getColumn(2).getString());
          int perDay = it == slots.end() ? 2 : it->second;
          f.checksDueToday += perDay;
          ++f.morningChecksDue;
          f.laterChecksDue += perDay - 1;
          slotsOfDueCase.emplace(st.getColumn(3).getString(), perDay);
        }
      }
    }
    {
      // A slot counts once even should sync have left two live checks in it.
      std::set<std::pair<std::string, int>> done;
      SQLite::Statement st(db, "SELECT quarantine, slot FROM health_check WHERE checked_on = ? AND deleted = 0");
      st.bind(1, day);
      while (st.executeStep()) {
        auto it = slotsOfDueCase.find(st.getColumn(0).getString());
        if (it == slotsOfDueCase.end()) continue;
        auto slot = core::slotIndex(st.getColumn(1).getString(), it->second);
        if (slot && done.emplace(it->first, *slot).second) ++(*slot == 0 ? f.morningChecksDone : f.laterChecksDone);
      }
    }
    SQLite::Statement arrivals(db, "SELECT count(*) FROM quarantine WHERE start_on = ? AND deleted = 0");
    arrivals.bind(1, day);
    arrivals.executeStep();
    f.arrivalsToday = arrivals.getColumn(0).getInt64();
    SQLite::Statement checks(db,
                             "SELECT count(*), coalesce(sum(temperature >= ?), 0) FROM health_check "
                             "WHERE checked_on = ? AND deleted = 0");
    checks.bind(1, core::kFeverTenths / 10.0);
    checks.bind(2, day);
    checks.executeStep();
    f.checksDoneToday = checks.getColumn(0).getInt64();
    f.feversToday = checks.getColumn(1).getInt64();
    f.pendingChanges = ledger_.pendingChanges();
    for (const auto& r : QuarantineQueries(ledger_, scope()).reviewDue(today)) {
      f.releasesProposed += r.proposal == core::Proposal::Release || r.proposal == core::Proposal::ReleaseAndChain;
      f.extensionsProposed += r.proposal == core::Proposal::Extend;
      f.needDecision += r.proposal == core::Proposal::Overdue;
    }
    return f;
  });
}

namespace {

// Index of `iso` within [first, first + n), or -1 when unparsable or outside.
long dayIndex(const std::string& iso, core::Date first, long n) {
  auto d = core::Date::fromIso(iso);
  if (!d) return -1;
  long i = first.daysUntil(*d);
  return i >= 0 && i < n ? i : -1;
}

}  // namespace

std::vector<DayTrend> FigureQueries::trend(core::Date last, int days) const {
  if (days <= 0) return {};
  const core::Date first = last.addDays(-(days - 1));
  const long n = days;
  return withState(*state_, [&] {
    std::vector<DayTrend> out(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i) out[static_cast<std::size_t>(i)].day = first.addDays(i);

    // Each case clipped to the range; cases with the same clipped period are counted together,
    // then a running sum over the +count at the start and -count after the end gives each day.
    auto& active = state_->statement(
        "SELECT max(start_on, :first) AS s, min(e, :last) AS e2, count(*) FROM ("
        " SELECT start_on, CASE WHEN status = 'active' THEN max(planned_end_on, :today)"
        " ELSE coalesce(date(ended_on, '-1 day'), planned_end_on) END AS e"
        " FROM quarantine WHERE deleted = 0 AND status <> 'cancelled' AND start_on <= :last)"
        " WHERE e >= :first GROUP BY s, e2");
    active.bind(":first", first.iso());
    active.bind(":last", last.iso());
    active.bind(":today", state_->currentDate().iso());
    std::vector<std::int64_t> delta(static_cast<std::size_t>(n) + 1, 0);
    while (active.executeStep()) {
      long s = dayIndex(textOf(active, 0), first, n), e = dayIndex(textOf(active, 1), first, n);
      if (s < 0 || e < s) continue;
      std::int64_t count = active.getColumn(2).getInt64();
      delta[static_cast<std::size_t>(s)] += count;
      delta[static_cast<std::size_t>(e) + 1] -= count;
    }
    std::int64_t running = 0;
    for (long i = 0; i < n; ++i) {
      running += delta[static_cast<std::size_t>(i)];
      out[static_cast<std::size_t>(i)].active = running;
    }

    auto& arrivals = state_->statement(
        "SELECT start_on, count(*) FROM quarantine WHERE deleted = 0 AND start_on BETWEEN ? AND ? GROUP BY "
        "start_on");
    arrivals.bind(1, first.iso());
    arrivals.bind(2, last.iso());
    while (arrivals.executeStep())
      if (long i = dayIndex(textOf(arrivals, 0), first, n); i >= 0)
        out[static_cast<std::size_t>(i)].arrivals = arrivals.getColumn(1).getInt64();

    auto& fevers = state_->statement(
        "SELECT checked_on, count(*) FROM health_check WHERE deleted = 0 AND checked_on BETWEEN ? AND ? "
        "AND temperature >= ? GROUP BY checked_on");
    fevers.bind(1, first.iso());
    fevers.bind(2, last.iso());
    fevers.bind(3, core::kFeverTenths / 10.0);
    while (fevers.executeStep())
      if (long i = dayIndex(textOf(fevers, 0), first, n); i >= 0)
        out[static_cast<std::size_t>(i)].fevers = fevers.getColumn(1).getInt64();
    return out;
  });
}

}  // namespace gl::db
