// The grid tree: county → townships → communities → grids → buildings, lazily, one level a call.
#pragma once

#include <string_view>
#include <vector>

#include "db/query.h"

namespace gl::db {

class TreeQueries : public Query {
 public:
  TreeQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  std::vector<RegionNode> childRegions(std::string_view parentId) const;  // "" = the top (county) regions
  std::vector<GridNode> gridsOf(std::string_view regionId) const;
  std::vector<BuildingNode> buildingsOf(std::string_view gridId) const;
};

}  // namespace gl::db
