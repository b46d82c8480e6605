// Households and their members, in the order a grid worker walks: grid, building, unit, room.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "db/query.h"

namespace gl::db {

class HouseholdQueries : public Query {
 public:
  HouseholdQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  // A page of households (empty gridId: every grid).
  std::vector<Row> page(std::string_view gridId, int offset, int limit) const;
  std::vector<Row> residentsOf(std::string_view householdId) const;
  // The household browser: keys (row numbers) of every matching household in walking order, then
  // the rows of a page of keys, in the order given; a virtual list holds keys, not rows.
  std::vector<std::int64_t> keys(const HouseholdFilter& filter) const;
  std::vector<Row> byKeys(const std::vector<std::int64_t>& keys) const;
};

}  // namespace gl::db
