// Every read of the ledger says whose scope it reads (db/query.h): no query class can be made
// without one, and each keeps the one it was given.
#include <doctest/doctest.h>

#include <type_traits>

#include "db/figure_queries.h"
#include "db/household_queries.h"
#include "db/quarantine_queries.h"
#include "db/roster_queries.h"
#include "db/search_queries.h"
#include "db/tree_queries.h"
#include "db/visit_queries.h"
#include "temp_ledger.h"

namespace {

template <typename Q>
constexpr bool needsScope() {
  return std::is_constructible_v<Q, const gl::db::Ledger&, gl::core::Scope> &&
         !std::is_constructible_v<Q, const gl::db::Ledger&> && !std::is_default_constructible_v<Q>;
}

static_assert(needsScope<gl::db::FigureQueries>());
static_assert(needsScope<gl::db::HouseholdQueries>());
static_assert(needsScope<gl::db::QuarantineQueries>());
static_assert(needsScope<gl::db::RosterQueries>());
static_assert(needsScope<gl::db::SearchQueries>());
static_assert(needsScope<gl::db::TreeQueries>());
static_assert(needsScope<gl::db::VisitQueries>());

}  // namespace

TEST_CASE("a query keeps the reader's scope it was given, and the ledger's reader is its whole county for now") {
  gl::test::TempLedger l;
  const gl::core::Scope reader = l->readerScope();
  CHECK(reader.county() == "370322");
  CHECK(reader.countyWide());
  CHECK(reader.role() == gl::core::Role::CountyAdmin);

  const gl::core::Scope worker(gl::core::Role::GridWorker, {"370322001001-1"}, "370322");
  gl::db::SearchQueries search(*l, worker);
  CHECK(search.scope().role() == gl::core::Role::GridWorker);
  CHECK(search.scope().codes() == std::vector<std::string>{"370322001001-1"});
  CHECK_FALSE(search.scope().countyWide());
}
