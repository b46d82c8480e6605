// Today's figures. Table counts come from row_count (kept by the write code) and the quarantine
// figures from partial indexes over active cases, so a county-sized ledger answers in milliseconds.
#include <map>
#include <set>
#include <unordered_map>

#include "db/connection.h"
#include "db/ledger.h"
#include "db/ledger_state.h"
#include "core/schema.h"
#include "core/temperature.h"
#include "db/policy_rows.h"

namespace gl::db {

Figures Ledger::figures(core::Date today) const {
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
    for (const auto& p : policies()) slots[p.code] = p.slotsPerDay;
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
    f.pendingChanges = pendingChanges();
    for (const auto& r : reviewDueCases(today)) {
      f.releasesProposed += r.proposal == core::Proposal::Release || r.proposal == core::Proposal::ReleaseAndChain;
      f.extensionsProposed += r.proposal == core::Proposal::Extend;
      f.needDecision += r.proposal == core::Proposal::Overdue;
    }
    return f;
  });
}

}  // namespace gl::db
