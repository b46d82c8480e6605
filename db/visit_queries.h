// Screening campaigns: progress per grid and building of a campaign's scope, and the households of
// one grid still to visit in it.
#pragma once

#include <string_view>
#include <vector>

#include "db/query.h"

namespace gl::db {

class VisitQueries : public Query {
 public:
  VisitQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  std::vector<VisitProgress> progress(std::string_view campaignId) const;
  std::vector<Row> householdsToVisit(std::string_view campaignId, std::string_view gridId) const;
};

}  // namespace gl::db
