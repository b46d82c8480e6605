// Quarantine cases: the active list, the cases due for review and the check sheet.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "db/query.h"

namespace gl::db {

class QuarantineQueries : public Query {
 public:
  QuarantineQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  // Cases under quarantine or monitoring on `on`, in walking order.
  std::vector<QuarantineItem> active(core::Date on) const;
  // Active cases whose planned end is on or before `today`, each with the lifecycle's proposal.
  std::vector<CaseReview> reviewDue(core::Date today) const;
  // The check sheet: every active case within its period on `on` (optionally one grid's), walking order.
  std::vector<CheckSheetRow> checkSheet(core::Date on, std::string_view gridId = {}) const;
};

}  // namespace gl::db
