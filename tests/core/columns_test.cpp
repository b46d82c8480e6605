// Typed column references (core/columns.h) are made from the schema's one declaration of each column:
// every column has one, in schema order, and the status enums name exactly the schema's codes.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/columns.h"
#include "core/policy.h"
#include "core/visit_outcome.h"

namespace col = gl::core::col;
using gl::core::Table;

// Known at compile time: a reference's place and name are the schema's.
static_assert(col::resident::idNumber.name == "id_number");
static_assert(col::resident::idNumber.table == Table::Resident);
static_assert(col::resident::idNumber.index == 4);
static_assert(col::quarantine::plannedEndOn.name == "planned_end_on");
static_assert(col::health_check::checkedOn.table == Table::HealthCheck);
static_assert(std::size(col::policy::kAll) == 9);

namespace {
template <std::size_t N>
void sameAsSchema(Table table, const gl::core::Column (&all)[N]) {
  const auto& spec = gl::core::tableSpec(table);
  REQUIRE(spec.columns.size() == N);
  for (std::size_t i = 0; i < N; ++i) {
    CHECK(all[i].table == table);
    CHECK(all[i].index == i);
    CHECK(all[i].name == spec.columns[i].name);
  }
}

template <typename Enum, typename Code>
void enumIsSchemaCodes(std::initializer_list<Enum> values, Code code, std::span<const std::string_view> codes) {
  CHECK(values.size() == codes.size());
  for (auto v : values) CHECK(std::find(codes.begin(), codes.end(), code(v)) != codes.end());
}
}  // namespace

TEST_CASE("every column of every table has its typed reference, at its place in the schema") {
  sameAsSchema(Table::Region, col::region::kAll);
  sameAsSchema(Table::Grid, col::grid::kAll);
  sameAsSchema(Table::Worker, col::worker::kAll);
  sameAsSchema(Table::Household, col::household::kAll);
  sameAsSchema(Table::Resident, col::resident::kAll);
  sameAsSchema(Table::Quarantine, col::quarantine::kAll);
  sameAsSchema(Table::HealthCheck, col::health_check::kAll);
  sameAsSchema(Table::Visit, col::visit::kAll);
  sameAsSchema(Table::Campaign, col::campaign::kAll);
  sameAsSchema(Table::Policy, col::policy::kAll);
}

TEST_CASE("a cell is made from a typed reference, and the status enums are the schema's codes") {
  gl::core::Cells cells{{col::resident::phone, std::string("13800138000")}, {"notes", std::nullopt}};
  REQUIRE(gl::core::findCell(cells, col::resident::phone));
  CHECK(*gl::core::findCell(cells, col::resident::phone) == "13800138000");
  using gl::core::QuarantineStatus;
  enumIsSchemaCodes({QuarantineStatus::Active, QuarantineStatus::Released, QuarantineStatus::Transferred,
                     QuarantineStatus::Hospitalized, QuarantineStatus::Cancelled},
                    gl::core::statusCode, gl::core::codes::kQuarantineStatus);
  using gl::core::VisitOutcome;
  enumIsSchemaCodes({VisitOutcome::Seen, VisitOutcome::Absent, VisitOutcome::Refused}, gl::core::outcomeCode,
                    gl::core::codes::kVisitOutcome);
  CHECK(gl::core::outcomeFromCode("absent") == VisitOutcome::Absent);
  CHECK_FALSE(gl::core::outcomeFromCode("gone"));
}
