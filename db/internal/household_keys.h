// Internal to gl_db: the SQL behind Ledger::householdKeys, visible so that a test can check its
// query plan (a grid's keys come from the household_grid index, never a scan of every household).
#pragma once

#include <string>

#include "db/views.h"

namespace gl::db {

// Parameters: :grid, :building and :kind, each present only when the filter uses it.
std::string householdKeysSql(const HouseholdFilter& filter);

}  // namespace gl::db
