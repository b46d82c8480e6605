// The data model's columns, declared once (docs/data-model.md §2): each line of a table's list below
// makes both its ColumnSpec (schema.cpp's tables: SQL, validation, exports) and its typed reference
// `col::<table>::<name>` (core/columns.h), so code names a column by an identifier the compiler checks
// instead of a string. Column order is the export order after `id`; append, never reorder.
// X(identifier, "sql_name", type, privacy, required, references, codes, maxLength, foldWidth)
#pragma once

#include "core/schema.h"

// clang-format off
#define GL_REGION_COLUMNS(X) \
  X(code, "code", CT::Text, P::Ordinary, true, {}, {}, 12) \
  X(name, "name", CT::Text, P::Ordinary, true) \
  X(level, "level", CT::Code, P::Ordinary, true, {}, codes::kRegionLevel) \
  X(parent, "parent", CT::Reference, P::Ordinary, false, "region")

#define GL_GRID_COLUMNS(X) \
  X(code, "code", CT::Text, P::Ordinary, true, {}, {}, 20) \
  X(region, "region", CT::Reference, P::Ordinary, true, "region") \
  X(name, "name", CT::Text, P::Ordinary, true) \
  X(leader, "leader", CT::Reference, P::Ordinary, false, "worker")

#define GL_WORKER_COLUMNS(X) \
  X(name, "name", CT::Text, P::Identifying, true) \
  X(phone, "phone", CT::Phone, P::Identifying) \
  X(role, "role", CT::Code, P::Ordinary, true, {}, codes::kWorkerRole) \
  X(scope, "scope", CT::Text, P::Ordinary, false, {}, {}, 2000)

#define GL_HOUSEHOLD_COLUMNS(X) \
  X(grid, "grid", CT::Reference, P::Ordinary, false, "grid") \
  X(householdNo, "household_no", CT::Text, P::Ordinary, false, {}, {}, 40, true) \
  X(building, "building", CT::Text, P::Ordinary, false, {}, {}, 40) \
  X(unit, "unit", CT::Text, P::Ordinary, false, {}, {}, 20) \
  X(room, "room", CT::Text, P::Identifying, false, {}, {}, 20) \
  X(address, "address", CT::Text, P::Identifying, true, {}, {}, 200) \
  X(kind, "kind", CT::Code, P::Ordinary, false, {}, codes::kHouseholdKind) \
  X(phone, "phone", CT::Phone, P::Identifying) \
  X(notes, "notes", CT::Text, P::Ordinary, false, {}, {}, 2000)

#define GL_RESIDENT_COLUMNS(X) \
  X(household, "household", CT::Reference, P::Ordinary, false, "household") \
  X(name, "name", CT::Text, P::Identifying, true, {}, {}, 60) \
  X(sex, "sex", CT::Code, P::Ordinary, false, {}, codes::kSex) \
  X(idType, "id_type", CT::Code, P::Ordinary, false, {}, codes::kIdType) \
  X(idNumber, "id_number", CT::IdNumber, P::Sensitive) \
  X(birthDate, "birth_date", CT::Date, P::Identifying) \
  X(ethnicity, "ethnicity", CT::Text, P::Sensitive, false, {}, {}, 20) \
  X(phone, "phone", CT::Phone, P::Identifying) \
  X(relation, "relation", CT::Text, P::Ordinary, false, {}, {}, 20) \
  X(residence, "residence", CT::Code, P::Ordinary, false, {}, codes::kResidence) \
  X(careFlags, "care_flags", CT::CodeList, P::Sensitive, false, {}, codes::kCareFlags) \
  X(notes, "notes", CT::Text, P::Ordinary, false, {}, {}, 2000)

#define GL_QUARANTINE_COLUMNS(X) \
  X(resident, "resident", CT::Reference, P::Ordinary, true, "resident") \
  X(policy, "policy", CT::Text, P::Ordinary, false, {}, {}, 60) \
  X(kind, "kind", CT::Code, P::Sensitive, true, {}, codes::kQuarantineKind) \
  X(reason, "reason", CT::Code, P::Sensitive, false, {}, codes::kQuarantineReason) \
  X(sourcePlace, "source_place", CT::Text, P::Sensitive, false, {}, {}, 200) \
  X(arrivedOn, "arrived_on", CT::Date, P::Sensitive) \
  X(startOn, "start_on", CT::Date, P::Sensitive, true) \
  X(plannedEndOn, "planned_end_on", CT::Date, P::Sensitive, true) \
  X(endedOn, "ended_on", CT::Date, P::Sensitive) \
  X(status, "status", CT::Code, P::Sensitive, true, {}, codes::kQuarantineStatus) \
  X(place, "place", CT::Text, P::Sensitive, false, {}, {}, 200)

#define GL_HEALTH_CHECK_COLUMNS(X) \
  X(quarantine, "quarantine", CT::Reference, P::Ordinary, true, "quarantine") \
  X(checkedOn, "checked_on", CT::Date, P::Sensitive, true) \
  X(slot, "slot", CT::Code, P::Ordinary, true, {}, codes::kSlot) \
  X(temperature, "temperature", CT::Temperature, P::Sensitive) \
  X(symptoms, "symptoms", CT::Text, P::Sensitive, false, {}, {}, 200) \
  X(testResult, "test_result", CT::Code, P::Sensitive, false, {}, codes::kTestResult) \
  X(checkedBy, "checked_by", CT::Reference, P::Ordinary, false, "worker")

#define GL_VISIT_COLUMNS(X) \
  X(household, "household", CT::Reference, P::Ordinary, true, "household") \
  X(resident, "resident", CT::Reference, P::Ordinary, false, "resident") \
  X(campaign, "campaign", CT::Reference, P::Ordinary, false, "campaign") \
  X(visitedOn, "visited_on", CT::Date, P::Ordinary, true) \
  X(worker, "worker", CT::Reference, P::Ordinary, false, "worker") \
  X(outcome, "outcome", CT::Code, P::Ordinary, true, {}, codes::kVisitOutcome) \
  X(temperature, "temperature", CT::Temperature, P::Sensitive) \
  X(symptoms, "symptoms", CT::Text, P::Sensitive, false, {}, {}, 200) \
  X(healthCode, "health_code", CT::Code, P::Sensitive, false, {}, codes::kHealthCode) \
  X(travel, "travel", CT::Text, P::Sensitive, false, {}, {}, 500) \
  X(followUp, "follow_up", CT::Text, P::Ordinary, false, {}, {}, 500) \
  X(notes, "notes", CT::Text, P::Ordinary, false, {}, {}, 2000)

#define GL_CAMPAIGN_COLUMNS(X) \
  X(name, "name", CT::Text, P::Ordinary, true, {}, {}, 100) \
  X(scope, "scope", CT::Text, P::Ordinary, true, {}, {}, 2000) \
  X(startOn, "start_on", CT::Date, P::Ordinary, true) \
  X(endOn, "end_on", CT::Date, P::Ordinary)

#define GL_POLICY_COLUMNS(X) \
  X(code, "code", CT::Text, P::Ordinary, true, {}, {}, 60) \
  X(name, "name", CT::Text, P::Ordinary, true) \
  X(kind, "kind", CT::Code, P::Ordinary, true, {}, codes::kQuarantineKind) \
  X(days, "days", CT::Integer, P::Ordinary, true) \
  X(slotsPerDay, "slots_per_day", CT::Integer, P::Ordinary, true) \
  X(testDays, "test_days", CT::Text, P::Ordinary, false, {}, {}, 200) \
  X(extendOnMissed, "extend_on_missed", CT::Integer, P::Ordinary, false) \
  X(extensionDays, "extension_days", CT::Integer, P::Ordinary, false) \
  X(followOn, "follow_on", CT::Text, P::Ordinary, false, {}, {}, 60)
// clang-format on

namespace gl::core::schema_data {

using CT = ColumnType;
using P = Privacy;

#define GL_COLUMN_SPEC(identifier, ...) ColumnSpec{__VA_ARGS__},
inline constexpr ColumnSpec kRegion[] = {GL_REGION_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kGrid[] = {GL_GRID_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kWorker[] = {GL_WORKER_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kHousehold[] = {GL_HOUSEHOLD_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kResident[] = {GL_RESIDENT_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kQuarantine[] = {GL_QUARANTINE_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kHealthCheck[] = {GL_HEALTH_CHECK_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kVisit[] = {GL_VISIT_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kCampaign[] = {GL_CAMPAIGN_COLUMNS(GL_COLUMN_SPEC)};
inline constexpr ColumnSpec kPolicy[] = {GL_POLICY_COLUMNS(GL_COLUMN_SPEC)};
#undef GL_COLUMN_SPEC

}  // namespace gl::core::schema_data
