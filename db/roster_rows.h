// What the daily rosters (src/report) read from the ledger: people and households of a scope, in
// the order a grid worker walks (grid, building, unit, room). Plain values; the report masks ids
// and phones and lays the lines out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace gl::db {

// A scope: a region code (county 6 digits, township 9, community 12) or a grid code
// ("370322001001-3"). Grid codes begin with their community's code, so a scope is every grid whose
// code starts with it; the county (or "") also takes the households no grid has yet.
struct RosterScope {
  std::string code;  // "" = the whole ledger
  std::string name;  // the region's or grid's name ("田镇街道", "第3网格"); the code when unknown
  bool wholeCounty = false;
  bool isGrid = false;  // the code is a grid's: that grid only ("…-1" never takes in "…-10")

  // Whether a grid code is in the scope (households of no grid: only in the whole county).
  bool holds(const std::string& gridCode) const {
    if (wholeCounty) return true;
    return isGrid ? gridCode == code : !gridCode.empty() && gridCode.rfind(code, 0) == 0;
  }
};

// Where a line's household is: its grid and place in the walk.
struct RosterPlace {
  std::string gridCode, gridName;  // both "" for a household of no grid
  std::string building, unit, room, address;
};

// One person on a case roster (checks, releases, arrivals) or the care roster.
struct RosterPerson {
  RosterPlace place;
  std::string residentId, name, sex, birthDate, idNumber, phone, careFlags;
  // The case, on case rosters.
  std::string quarantineId, kind, reason, sourcePlace, quarantinePlace;
  core::Date start, plannedEnd;
  int day = 0, totalDays = 0, slotsPerDay = 2;
  bool testDay = false;
  std::vector<std::optional<int>> tenths;  // per slot: that day's temperature in tenths of ℃
  std::string symptoms;                    // that day's, as recorded
  // The care roster: the household's last visit, if any.
  std::optional<core::Date> lastVisit;
};

// One household still to visit in a campaign.
struct RosterHousehold {
  RosterPlace place;
  std::string householdId, householdNo, head, phone, kind;
  std::int64_t members = 0;
};

// One household's door card: where it is, and who to call.
struct RosterDoor {
  RosterPlace place;
  std::string householdId, householdNo;
  std::string workerName, workerPhone;  // the grid's worker (its leader when no worker names the grid)
};

enum class CaseDay {
  Active,    // under quarantine or monitoring on the date, past the planned end too (checks roster)
  Ending,    // planned end on the date (releases)
  Starting,  // started on the date (arrivals)
};

}  // namespace gl::db
