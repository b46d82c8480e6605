// The lookups an import needs inside its transaction (db/writer.h).
#include "core/ascii.h"
#include "core/identity.h"
#include "core/person_name.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/search_index.h"
#include "db/writer.h"

namespace gl::db {

// The rows whose term is ?1 in table ?2, from both halves of the search index (db/internal/search_index.h).
#define TERMS_MATCHING                                                                   \
  "(SELECT rid FROM search_term WHERE term = ?1 AND tbl = ?2 UNION ALL "                 \
  "SELECT rid FROM search_recent WHERE term = ?1 AND tbl = ?2) t"

namespace {

std::optional<std::string> firstId(SQLite::Statement& st) {
  std::optional<std::string> id;
  if (st.executeStep() && !st.getColumn(0).isNull()) id = st.getColumn(0).getString();  // min() of none is NULL
  st.reset();
  return id;
}

}  // namespace

std::optional<std::string> Writer::residentWithIdNumber(std::string_view normalized) {
  // Through the search index: the reversed number is one whole term (db/internal/search_index.h).
  auto& st = s_.statement(
      "SELECT min(r.id) FROM " TERMS_MATCHING " JOIN resident r ON r.rid = t.rid "
      "WHERE r.deleted = 0 AND r.id_number = ?3");
  st.bind(1, std::string(term::kIdNumber) + std::string(normalized.rbegin(), normalized.rend()));
  st.bind(2, static_cast<int>(core::Table::Resident));
  st.bind(3, std::string(normalized));
  return firstId(st);
}

std::optional<std::string> Writer::residentWithIdKey(std::string_view key) {
  // A travel permit's lifetime number is a term of its own (db/internal/search_index.h); compare the key of
  // each candidate, since a suffix-free term also matches a number that happens to end like it.
  auto& st = s_.statement(
      "SELECT r.id, r.id_number FROM " TERMS_MATCHING " JOIN resident r ON r.rid = t.rid WHERE r.deleted = 0");
  st.bind(1, std::string(term::kIdNumber) + std::string(key.rbegin(), key.rend()));
  st.bind(2, static_cast<int>(core::Table::Resident));
  std::optional<std::string> id;  // the least id of those with the key: the same answer every time
  while (st.executeStep())
    if (core::idMatchKey(st.getColumn(1).getString()) == key && (!id || st.getColumn(0).getString() < *id))
      id = st.getColumn(0).getString();
  st.reset();
  return id;
}

std::optional<std::string> Writer::householdWithKey(std::string_view key) {
  auto& st = s_.statement(
      "SELECT min(h.id) FROM " TERMS_MATCHING " JOIN household h ON h.rid = t.rid "
      "WHERE h.deleted = 0 AND coalesce(h.household_no, '') = ''");
  st.bind(1, std::string(term::kHouseholdKey) + std::string(key));
  st.bind(2, static_cast<int>(core::Table::Household));
  return firstId(st);
}

std::optional<std::string> Writer::householdWithNumber(std::string_view householdNo) {
  auto& st = s_.statement(
      "SELECT min(h.id) FROM " TERMS_MATCHING " JOIN household h ON h.rid = t.rid "
      "WHERE h.deleted = 0 AND h.household_no = ?3");
  st.bind(1, std::string(term::kHouseholdNo) + core::ascii::toLower(householdNo));
  st.bind(2, static_cast<int>(core::Table::Household));
  st.bind(3, std::string(householdNo));
  return firstId(st);
}

std::optional<std::string> Writer::quarantineOf(std::string_view residentId, std::string_view startOn) {
  auto& st = s_.statement(
      "SELECT id FROM quarantine INDEXED BY quarantine_resident WHERE resident = ? AND start_on = ? AND deleted = 0 "
      "ORDER BY id LIMIT 1");  // not by start date: thousands of cases share one
  st.bind(1, std::string(residentId));
  st.bind(2, std::string(startOn));
  return firstId(st);
}

std::optional<std::string> Writer::visitOn(std::string_view householdId, std::string_view residentId,
                                           std::string_view visitedOn) {
  auto& st = s_.statement(
      "SELECT id FROM visit WHERE household = ? AND visited_on = ? AND coalesce(resident, '') = ? "
      "AND deleted = 0 ORDER BY id LIMIT 1");
  st.bind(1, std::string(householdId));
  st.bind(2, std::string(visitedOn));
  st.bind(3, std::string(residentId));
  return firstId(st);
}

std::optional<std::string> Writer::residentNamed(std::string_view householdId, std::string_view name) {
  // Compared as names are (core/person_name.h): 王 芳 is 王芳. A household has a handful of people.
  auto& st = s_.statement("SELECT id, name FROM resident WHERE household = ? AND deleted = 0 ORDER BY id");
  st.bind(1, std::string(householdId));
  const std::string key = core::nameKey(name);
  std::optional<std::string> id;
  while (!id && st.executeStep())
    if (core::nameKey(st.getColumn(1).getString()) == key) id = st.getColumn(0).getString();
  st.reset();
  return id;
}

std::optional<Row> Writer::row(core::Table table, std::string_view id) {
  if (bulk_ && bulk_->queued(id)) settle();  // a row being written is waited for by the statement
  const auto& spec = core::tableSpec(table);
  auto& st = s_.statement("SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) +
                          " WHERE id = ? AND deleted = 0");
  st.bind(1, std::string(id));
  std::optional<Row> out;
  if (st.executeStep()) out = readRow(st, spec);
  st.reset();
  return out;
}

}  // namespace gl::db

#undef TERMS_MATCHING
