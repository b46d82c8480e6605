// Internal to gl_db: the order a grid worker walks a grid (building, unit, room) as SQL ORDER BY
// terms. House numbers are text ("9", "10", "3号楼", "A座"), so they sort as numbers where they
// start with a digit ("9" before "10"), then other text, and households without one come last.
#pragma once

#include <string>

namespace gl::db {

// ORDER BY terms for one house-number expression: numbers by value, then other text, then none.
inline std::string houseNumberOrder(const std::string& expr) {
  return "CASE WHEN " + expr + " IS NULL OR " + expr + " = '' THEN 2 WHEN " + expr +
         " GLOB '[0-9]*' THEN 0 ELSE 1 END, " + "CAST(" + expr + " AS INTEGER), " + expr;
}

// Within one grid: building, unit, room of the household table aliased `alias`, then its row
// number so that equal addresses keep a stable order between calls (the browser pages by position).
inline std::string walkingOrderInGrid(const std::string& alias) {
  return houseNumberOrder(alias + ".building") + ", " + houseNumberOrder(alias + ".unit") + ", " +
         houseNumberOrder(alias + ".room") + ", " + alias + ".rid";
}

// Across grids: grid `g` by code, then walkingOrderInGrid of household `h`.
inline std::string walkingOrder() { return "g.code, " + walkingOrderInGrid("h"); }

}  // namespace gl::db
