// Internal to gl_sync: the lists of cells in the sync messages, written and read without building a
// JSON tree (a push or a pull page carries tens of thousands of cells; the tree cost more than the
// database work). The rest of each message goes through nlohmann-json as before.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sync_cell.h"

namespace gl::sync::wire {

[[noreturn]] void malformed(std::string_view what);

// Cells travel in groups: consecutive cells of one row written under one stamp share their table,
// row id, clock, site and base — {"t","id","hlc","site","base","cells":{column: value}} — a new row
// of fifteen columns is one small object, not fifteen.
struct CellList {
  const char* key;
  const std::vector<core::SyncCell>* cells;
};
// The JSON object of `rest` with the lists first: {"key":[groups],…,rest's members}. `withSite`
// writes each group's site (a pull; a push names its site once), `withBase` its base clock.
std::string objectWithCells(const nlohmann::json& rest, const std::vector<CellList>& lists, bool withSite,
                            bool withBase);

// Parses a JSON object whose members named in `lists` are lists of cell groups, straight into those
// vectors; every other member lands in the returned tree. `withSite`: each group names its site (else
// the cells' site is left for the caller). Malformed input throws gl::Error (BadInput).
nlohmann::json parseWithCells(std::string_view body, const std::map<std::string, std::vector<core::SyncCell>*>& lists,
                              bool withSite);

}  // namespace gl::sync::wire
