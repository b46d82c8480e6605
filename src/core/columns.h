// Typed column references (docs/style.md §2): `row.text(col::resident::name)`, `{col::resident::phone, v}`.
// Each is made from the one declaration of its column (core/schema_columns.h), carries its table and
// its position in the table's columns (a Row's cells are in that order), and a misspelt identifier
// fails to compile where a misspelt string would have failed at run time.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "core/schema_columns.h"

namespace gl::core {

struct Column {
  Table table;
  std::size_t index;      // in tableSpec(table).columns, and in a db::Row's cells
  std::string_view name;  // the SQL name, "id_number"
  constexpr operator std::string_view() const { return name; }
};

// The column `name` of `specs`; a name the schema lacks stops the build.
consteval Column schemaColumn(Table table, std::span<const ColumnSpec> specs, std::string_view name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return Column{table, i, specs[i].name};
  throw "no such column in the schema";
}

namespace col {
namespace region {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Region, schema_data::kRegion, name);
GL_REGION_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_REGION_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace region
namespace grid {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Grid, schema_data::kGrid, name);
GL_GRID_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_GRID_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace grid
namespace worker {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Worker, schema_data::kWorker, name);
GL_WORKER_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_WORKER_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace worker
namespace household {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Household, schema_data::kHousehold, name);
GL_HOUSEHOLD_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_HOUSEHOLD_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace household
namespace resident {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Resident, schema_data::kResident, name);
GL_RESIDENT_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_RESIDENT_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace resident
namespace quarantine {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Quarantine, schema_data::kQuarantine, name);
GL_QUARANTINE_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_QUARANTINE_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace quarantine
namespace health_check {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::HealthCheck, schema_data::kHealthCheck, name);
GL_HEALTH_CHECK_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_HEALTH_CHECK_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace health_check
namespace visit {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Visit, schema_data::kVisit, name);
GL_VISIT_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_VISIT_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace visit
namespace campaign {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Campaign, schema_data::kCampaign, name);
GL_CAMPAIGN_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_CAMPAIGN_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace campaign
namespace policy {
#define GL_COLUMN_REF(identifier, name, ...) \
  inline constexpr Column identifier = schemaColumn(Table::Policy, schema_data::kPolicy, name);
GL_POLICY_COLUMNS(GL_COLUMN_REF)
#define GL_COLUMN_ITEM(identifier, ...) identifier,
inline constexpr Column kAll[] = {GL_POLICY_COLUMNS(GL_COLUMN_ITEM)};  // in schema order
#undef GL_COLUMN_REF
#undef GL_COLUMN_ITEM
}  // namespace policy
}  // namespace col

}  // namespace gl::core
