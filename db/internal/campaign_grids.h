// Internal to gl_db: the grids a screening campaign covers, shared by the visit progress
// (db/visit_queries.h) and the visits-due roster (db/roster_queries.h).
//
// A campaign's scope is a list of region codes (GB/T 2260: county, township, community) and grid
// codes. A grid is in scope when its code equals a listed grid code or starts with a listed region
// code (grid codes extend their community's code: "370322001001-1"). A listed code that is the code
// of any grid, even a deleted one, matches that grid only, never as a prefix: "…-1" must not take in
// "…-10". Every other listed code is taken as a region code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gl::db {

struct LedgerState;

struct ScopeGrid {
  std::string id, code, name;
};

// The live grids in the campaign's scope, by code; empty when the campaign is missing or deleted
// (a list on screen may outlive a campaign that sync just deleted).
std::vector<ScopeGrid> gridsInScope(LedgerState& s, std::string_view campaignId);

}  // namespace gl::db
