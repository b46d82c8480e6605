// The rows of the daily rosters (db/roster_rows.h): cases, care, visits due and door cards of a
// roster scope (a region or grid code), which the reader's scope bounds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "db/query.h"

namespace gl::db {

class RosterQueries : public Query {
 public:
  RosterQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  // A scope code that names no region or grid is refused.
  RosterScope rosterScope(std::string_view code) const;
  // Active cases of the scope on `on` (Active: within their period; Ending: planned end that day;
  // Starting: started that day), with that day's check slots and readings.
  std::vector<RosterPerson> cases(CaseDay which, core::Date on, const RosterScope& scope) const;
  // People of the scope with care flags (elderly living alone, chronic illness…), with their
  // household's last visit.
  std::vector<RosterPerson> care(const RosterScope& scope) const;
  // Households of the scope still to visit in the campaign running on `on` (the latest started, when
  // several run); the campaign's name, "" when none runs.
  std::vector<RosterHousehold> visitsDue(core::Date on, const RosterScope& scope, std::string& campaign) const;
  // Every household of the scope, for door cards, in walking order.
  std::vector<RosterDoor> doors(const RosterScope& scope) const;
};

}  // namespace gl::db
