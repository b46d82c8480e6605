// The Today tab's figures and chart, and `gridctl stats` (docs/architecture.md §2).
#pragma once

#include <vector>

#include "core/date.h"
#include "db/query.h"

namespace gl::db {

class FigureQueries : public Query {
 public:
  FigureQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  // Table counts, today's checks, fevers, releases and arrivals.
  Figures today(core::Date today) const;
  // The chart: `days` days ending with `last`, oldest first.
  std::vector<DayTrend> trend(core::Date last, int days) const;
};

}  // namespace gl::db
