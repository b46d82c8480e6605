// The data model (docs/data-model.md) as data: every synced table, its columns, their types, privacy classes
// (PIPL / GB/T 35273 tagging: masking, export and audit key off them) and the codes a column accepts.
// The ledger builds its SQL from these names, `gridctl set` and the importers validate through them,
// and exports take their header rows from them, so a column is declared once.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/identity.h"
#include "core/issue.h"

namespace gl::core {

// Numbers are stored in the change log (clock.tbl): never renumber, only append.
enum class Table { Region = 1, Grid, Worker, Household, Resident, Quarantine, HealthCheck, Visit, Campaign, Policy };

enum class ColumnType {
  Text,       // free text
  Integer,    // whole number
  Real,       // decimal number
  Date,       // ISO date
  Code,       // one of `codes`
  CodeList,   // comma-separated subset of `codes` (care flags)
  Reference,  // id of a row in `references`
  IdNumber,   // identity document, normalized by core/identity
  Phone,      // phone number(s), normalized by core/phone
  Temperature // body temperature in ℃, one decimal
};

enum class Privacy { Ordinary, Identifying, Sensitive };

struct ColumnSpec {
  std::string_view name;
  ColumnType type;
  Privacy privacy = Privacy::Ordinary;
  bool required = false;
  std::string_view references = {};           // table name for Reference columns
  std::span<const std::string_view> codes = {};  // for Code and CodeList
  int maxLength = 200;                          // in characters, for text
  bool foldWidth = false;  // a code-like text (户号 ００１２ is 0012): full-width forms folded, as for ids
};

struct TableSpec {
  Table table;
  std::string_view name;        // SQL table name, singular: "resident"
  std::string_view pluralName;  // command-line and export name: "residents"
  std::span<const ColumnSpec> columns;  // without `id` and `deleted`, which every synced table has

  const ColumnSpec* column(std::string_view name) const;
};

std::span<const TableSpec> tables();
// More than the change-log entries any one row can have (its columns, `deleted`, the whole-row entry).
inline constexpr std::size_t kMaxRowEntries = 64;
const TableSpec& tableSpec(Table t);
// Accepts the singular ("resident") and plural ("residents") names.
const TableSpec* findTable(std::string_view name);

// A cell value as the ledger stores it: text for every type (numbers in their canonical text form,
// dates as ISO); std::nullopt is SQL NULL.
using Value = std::optional<std::string>;

struct Column;  // core/columns.h

struct Cell {
  std::string column;
  Value value;

  Cell() = default;
  Cell(std::string column, Value value) : column(std::move(column)), value(std::move(value)) {}
  Cell(const char* column, Value value) : column(column), value(std::move(value)) {}
  Cell(const Column& column, Value value);  // {col::resident::phone, "13800138000"}
};
using Cells = std::vector<Cell>;

// The value of `column` among `cells`, null when the column is not there.
const Value* findCell(const Cells& cells, std::string_view column);
// Sets `column` to `value`, adding the cell when it is not there.
void setCell(Cells& cells, std::string_view column, Value value);

// Validates and normalizes one value for a column (trims; ids, phones, dates and temperatures to
// their canonical forms; codes checked; empty text becomes NULL). Issues name the column.
// `idHint` is the document type the row declares (its id_type), for an IdNumber column.
std::vector<Issue> normalizeCell(const ColumnSpec& column, Value& value, Date today,
                                 IdTypeHint idHint = IdTypeHint::Any);

// The document type a write gives with an identity number (a resident's id_type among `cells`), which
// decides the shapes the number may have; Any when none is given.
IdTypeHint idTypeHintOf(Table table, const Cells& cells);

// Checks that every required column is present and non-null in a new row's cells.
std::vector<Issue> checkRequired(const TableSpec& table, const Cells& cells);

// Code lists shared with the rules and the importers.
namespace codes {
inline constexpr std::string_view kSex[] = {"male", "female", "unknown"};
inline constexpr std::string_view kRegionLevel[] = {"county", "township", "community"};
inline constexpr std::string_view kWorkerRole[] = {"grid_worker", "grid_leader", "township_officer", "county_admin"};
inline constexpr std::string_view kHouseholdKind[] = {"occupied", "rental", "vacant", "business", "other"};
// 常住, 暂住, 流动, 外出, 寄住 (lodging with another household), 人户分离 (living away from the registered address)
inline constexpr std::string_view kResidence[] = {"permanent", "temporary", "floating", "away", "lodging", "separated"};
// The groups a care roster follows (docs/domain.md §4): appended only, never renumbered or renamed.
inline constexpr std::string_view kCareFlags[] = {"elderly_alone", "chronic", "disability", "pregnancy", "child_alone",
                                                  "empty_nest", "elderly_childless", "low_income", "serious_illness",
                                                  "mental_disorder", "child_in_need"};
inline constexpr std::string_view kQuarantineKind[] = {"home", "central", "monitor"};
inline constexpr std::string_view kQuarantineReason[] = {"close_contact", "secondary_contact", "risk_area", "other"};
inline constexpr std::string_view kQuarantineStatus[] = {"active", "released", "transferred", "hospitalized", "cancelled"};
inline constexpr std::string_view kSlot[] = {"am", "pm", "noon"};
inline constexpr std::string_view kTestResult[] = {"negative", "positive", "pending", "not_tested"};
inline constexpr std::string_view kVisitOutcome[] = {"seen", "absent", "refused"};
inline constexpr std::string_view kHealthCode[] = {"green", "yellow", "red"};
inline constexpr std::string_view kIdType[] = {"resident", "resident15", "hk_permit", "macau_permit", "taiwan_permit",
                                               "foreign_pr", "foreign_pr_old", "hk_macau_travel", "taiwan_travel",
                                               "passport", "other"};
}  // namespace codes

}  // namespace gl::core

namespace gl::core {
// health_check.slot codes by slot index: two slots are am/pm, three are am/noon/pm, one is am.
std::string_view slotCode(int slot, int slotsPerDay);
std::optional<int> slotIndex(std::string_view code, int slotsPerDay);
}  // namespace gl::core
