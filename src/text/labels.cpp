#include "text/labels.h"

#include <utility>

#include "text/text.h"

namespace gl::text {

namespace {

using Pair = std::pair<std::string_view, const char*>;

// TRANSLATORS: column names of the ledger as users see them in messages and list headers.
constexpr Pair kFields[] = {
    {"code", N_("Code")},
    {"name", N_("Name")},
    {"level", N_("Level")},
    {"parent", N_("Parent region")},
    {"region", N_("Region")},
    {"leader", N_("Grid leader")},
    {"phone", N_("Phone")},
    {"role", N_("Role")},
    {"scope", N_("Scope")},
    {"grid", N_("Grid")},
    {"household_no", N_("Household number")},
    {"building", N_("Building")},
    {"unit", N_("Unit")},
    {"room", N_("Room")},
    {"address", N_("Address")},
    {"kind", N_("Kind")},
    {"notes", N_("Notes")},
    {"household", N_("Household")},
    {"sex", N_("Sex")},
    {"id_type", N_("Document type")},
    {"id_number", N_("Identity number")},
    {"birth_date", N_("Date of birth")},
    {"ethnicity", N_("Ethnicity")},
    {"relation", N_("Relation to head of household")},
    {"residence", N_("Residence status")},
    {"care_flags", N_("Care needs")},
    {"resident", N_("Resident")},
    {"policy", N_("Policy")},
    {"reason", N_("Reason")},
    {"source_place", N_("Coming from")},
    {"arrived_on", N_("Arrival date")},
    {"start_on", N_("Start date")},
    {"planned_end_on", N_("Planned end date")},
    {"ended_on", N_("End date")},
    {"status", N_("Status")},
    {"place", N_("Quarantine place")},
    {"quarantine", N_("Quarantine")},
    {"checked_on", N_("Check date")},
    {"slot", N_("Time of day")},
    {"temperature", N_("Temperature")},
    {"symptoms", N_("Symptoms")},
    {"test_result", N_("Test result")},
    {"checked_by", N_("Checked by")},
    {"campaign", N_("Campaign")},
    {"visited_on", N_("Visit date")},
    {"worker", N_("Grid worker")},
    {"outcome", N_("Outcome")},
    {"health_code", N_("Health code")},
    {"travel", N_("Travel history")},
    {"follow_up", N_("Follow-up")},
    {"end_on", N_("End date")},
    {"days", N_("Days")},
    {"slots_per_day", N_("Checks per day")},
    {"test_days", N_("Test days")},
    {"extend_on_missed", N_("Extend on a missed check")},
    {"extension_days", N_("Extension days")},
    {"follow_on", N_("Follow-on policy")},
    {"date", N_("Date")},
    {"id", N_("Record ID")},
    {"house_number", N_("House number")},
};

// TRANSLATORS: columns whose label depends on the table ("name" of a person vs. of a place or campaign).
constexpr Pair kTableFields[] = {
    {"region.name", N_("Region name")},
    {"grid.name", N_("Grid name")},
    {"campaign.name", N_("Campaign name")},
    {"policy.name", N_("Policy name")},
    {"policy.code", N_("Policy code")},
    {"region.code", N_("Region code")},
    {"quarantine.kind", N_("Quarantine kind")},
    {"quarantine.start_on", N_("Quarantine start date")},
    {"quarantine.status", N_("Quarantine status")},
    {"household.kind", N_("Household kind")},
};

// TRANSLATORS: stored codes shown to users.
constexpr Pair kCodes[] = {
    {"male", N_("male")},
    {"female", N_("female")},
    {"unknown", N_("unknown")},
    {"county", N_("county")},
    {"township", N_("township")},
    {"community", N_("community")},
    {"grid_worker", N_("grid worker")},
    {"grid_leader", N_("grid leader")},
    {"township_officer", N_("township officer")},
    {"county_admin", N_("county administrator")},
    {"resident", N_("resident ID card")},
    {"occupied", N_("owner-occupied")},
    {"rental", N_("rented")},
    {"vacant", N_("vacant")},
    {"business", N_("business")},
    {"other", N_("other")},
    {"permanent", N_("permanent resident")},
    {"temporary", N_("temporary resident")},
    {"floating", N_("floating population")},
    {"away", N_("away from home")},
    {"lodging", N_("lodging with another household")},
    {"separated", N_("living away from the registered address")},
    {"elderly_alone", N_("elderly living alone")},
    {"chronic", N_("chronic illness")},
    {"disability", N_("disability")},
    {"pregnancy", N_("pregnancy")},
    {"child_alone", N_("left-behind child")},
    {"empty_nest", N_("empty-nest elderly")},
    {"elderly_childless", N_("elderly without family")},
    {"low_income", N_("subsistence allowance")},
    {"serious_illness", N_("serious illness")},
    {"mental_disorder", N_("mental disorder")},
    {"child_in_need", N_("child in difficulty")},
    {"home", N_("home quarantine")},
    {"central", N_("centralized quarantine")},
    {"monitor", N_("home health monitoring")},
    {"close_contact", N_("close contact")},
    {"secondary_contact", N_("secondary contact")},
    {"risk_area", N_("from a risk area")},
    {"active", N_("active")},
    {"released", N_("released")},
    {"transferred", N_("transferred")},
    {"hospitalized", N_("hospitalized")},
    {"cancelled", N_("cancelled")},
    {"am", N_("morning")},
    {"noon", N_("noon")},
    {"pm", N_("evening")},
    {"negative", N_("negative")},
    {"positive", N_("positive")},
    {"pending", N_("pending")},
    {"not_tested", N_("not tested")},
    {"seen", N_("seen")},
    {"absent", N_("absent")},
    {"refused", N_("refused")},
    {"green", N_("green")},
    {"yellow", N_("yellow")},
    {"red", N_("red")},
    {"resident15", N_("old 15-digit ID card")},
    {"hk_permit", N_("Hong Kong residence permit")},
    {"macau_permit", N_("Macau residence permit")},
    {"taiwan_permit", N_("Taiwan residence permit")},
    {"foreign_pr", N_("foreigner's permanent residence card")},
    {"foreign_pr_old", N_("foreigner's permanent residence card (old)")},
    {"hk_macau_travel", N_("Mainland travel permit for Hong Kong and Macau residents")},
    {"taiwan_travel", N_("Mainland travel permit for Taiwan residents")},
    {"passport", N_("passport")},
};

constexpr Pair kTables[] = {
    {"region", N_("region")},         {"grid", N_("grid")},
    {"worker", N_("worker")},         {"household", N_("household")},
    {"resident", N_("resident")},     {"quarantine", N_("quarantine")},
    {"health_check", N_("health check")}, {"visit", N_("visit")},
    {"campaign", N_("campaign")},     {"policy", N_("quarantine policy")},
};

template <std::size_t N>
std::string lookup(const Pair (&pairs)[N], std::string_view key) {
  for (const auto& [k, v] : pairs)
    if (k == key) return tr(v);
  return std::string(key);
}

}  // namespace

std::string fieldLabel(std::string_view column) {
  // "quarantine.kind": a column named with its table, where the column alone would be ambiguous.
  if (auto dot = column.find('.'); dot != std::string_view::npos)
    return fieldLabel(column.substr(0, dot), column.substr(dot + 1));
  return lookup(kFields, column);
}
std::string fieldLabel(std::string_view table, std::string_view column) {
  std::string qualified;
  qualified.reserve(table.size() + 1 + column.size());
  qualified.append(table).append(".").append(column);
  for (const auto& [k, v] : kTableFields)
    if (k == qualified) return tr(v);
  return fieldLabel(column);
}
std::string codeLabel(std::string_view code) { return lookup(kCodes, code); }
std::string tableLabel(std::string_view table) { return lookup(kTables, table); }

}  // namespace gl::text
