// What the window's tree, lists, check sheet, chart and visit progress read from the ledger:
// plain values, so that gl_app never sees SQL and tests need no display.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace gl::db {

struct RegionNode {
  std::string id, code, name, level;  // level: county, township, community
};

struct GridNode {
  std::string id, code, name;
  std::int64_t households = 0;  // live households in the grid
};

struct BuildingNode {
  std::string building;  // "" for households without a building (rural house numbers)
  std::int64_t households = 0;
};

struct HouseholdFilter {
  std::string gridId;                   // "" = every grid (and unassigned households)
  std::optional<std::string> building;  // with gridId: only this building ("" = none)
  std::string kind;                     // household kind code, "" = any
  bool unassigned = false;              // without gridId: only households of no grid (imported, to dispatch)
};

// One day of the Today tab's 30-day chart.
struct DayTrend {
  core::Date day;
  std::int64_t active = 0;    // cases under quarantine or monitoring that day
  std::int64_t arrivals = 0;  // cases that started that day
  std::int64_t fevers = 0;    // checks that day at or above 37.3 ℃
};

// One person's line on the check sheet for a date: temperatures per slot (am, pm …).
struct CheckSheetRow {
  std::string quarantineId, residentId, name, idNumber, address, grid;
  int day = 0, totalDays = 0, slotsPerDay = 2;
  bool testDay = false;
  std::vector<std::optional<int>> tenths;  // per slot: recorded temperature in tenths of ℃
  std::vector<std::string> checkIds;       // per slot: the health_check row, "" when none
};

// Visit progress of a campaign for one building of one grid.
struct VisitProgress {
  std::string gridId, gridCode, gridName, building;
  std::int64_t households = 0, visited = 0;
};

}  // namespace gl::db
