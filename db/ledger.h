// The ledger: one SQLite file per client holding the county data a worker may see. The Ledger API is
// the only code that writes SQL (docs/architecture.md §2): every write is one IMMEDIATE transaction and
// stamps each changed cell with its HLC in the change log, so sync can be built without touching callers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "core/columns.h"
#include "core/date.h"
#include "core/lifecycle.h"
#include "core/policy.h"
#include "core/schema.h"
#include "core/scope.h"
#include "db/roster_rows.h"
#include "db/views.h"

namespace gl::db {

class Writer;
struct LedgerState;

struct Row {
  std::string id;
  core::Cells cells;  // every column of the table, in schema order
  bool deleted = false;

  const core::Value& operator[](std::string_view column) const;
  // By typed reference (core/columns.h): the cell at the column's place, checked by name.
  const core::Value& operator[](const core::Column& column) const;
  // The cell's text, "" when it is empty (for display).
  std::string text(std::string_view column) const { return (*this)[column].value_or(""); }
  std::string text(const core::Column& column) const { return (*this)[column].value_or(""); }
};

struct TableCount {
  std::string table;  // plural name: "residents"
  std::string name;   // singular, as in the data model: "resident"
  std::int64_t rows = 0;
};

// The figures of the Today tab and `gridctl stats`.
struct Figures {
  std::vector<TableCount> tables;
  std::int64_t activeQuarantines = 0;
  std::int64_t checksDueToday = 0;     // check slots due today across active cases
  std::int64_t checksDoneToday = 0;
  // The same by time of day, counting only checks of the cases due today: the first check of the
  // day (morning) and the later ones (evening, and noon where a policy has three).
  std::int64_t morningChecksDue = 0, morningChecksDone = 0;
  std::int64_t laterChecksDue = 0, laterChecksDone = 0;
  std::int64_t feversToday = 0;        // checks today at or above 37.3 ℃
  std::int64_t releasesDueToday = 0;   // active cases whose planned end is today
  std::int64_t overdueReleases = 0;    // active cases past their planned end: never dropped silently
  std::int64_t releasesProposed = 0;   // at or past the end with every last-day check done
  std::int64_t extensionsProposed = 0; // last check missed, the policy extends
  std::int64_t needDecision = 0;       // last check missed, no extension rule: a person decides
  std::int64_t arrivalsToday = 0;      // cases that started today
  std::int64_t pendingChanges = 0;     // change-log entries not yet acknowledged by the data center
};

struct SearchHit {
  core::Table table = core::Table::Resident;  // Resident or Household
  std::string id;
  std::string name;       // resident's name, or the household's address
  std::string idNumber;   // full value: callers mask it (docs/privacy.md §4)
  std::string phone;
  std::string householdId;
  std::string address;
  std::string grid;       // grid name
  std::string matchedBy;  // name, initials, pinyin, id_number, phone, household_no, address
};

// One line of the active-quarantine list: the person, where they live and where the case stands.
struct QuarantineItem {
  std::string id;  // quarantine row id
  std::string residentId, name, idNumber, phone;
  std::string householdId, address, grid;
  std::string kind, policy, status;
  core::Date start, plannedEnd;
  int day = 0;        // day N …
  int totalDays = 0;  // … of M
};

// What the quarantine lifecycle proposes for a case at or past its planned end (core/lifecycle):
// nobody under quarantine drops off a list silently; a person confirms each proposal.
struct CaseReview {
  std::string quarantineId;
  std::string residentId;
  core::Proposal proposal = core::Proposal::None;
  core::Date plannedEnd;
  core::Date newPlannedEnd;  // for Extend
  int missedChecks = 0;
  std::string followOnPolicy;  // for ReleaseAndChain
  core::Date followOnStart, followOnEnd;
};

class Ledger {
 public:
  enum class Mode { OpenExisting, CreateNew, OpenOrCreate };

  // Opens (and migrates) a ledger. CreateNew refuses an existing file.
  static std::unique_ptr<Ledger> open(const std::filesystem::path& path, Mode mode = Mode::OpenExisting);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // First set-up of a new ledger: the county region, its name and the built-in quarantine policies.
  void initialize(std::string_view countyCode, std::string_view countyName);
  bool initialized() const;

  const std::filesystem::path& path() const;
  int schemaVersion() const;
  std::string siteId() const;
  // Who the audit log names for this connection's writes (an account, else the OS user).
  void setActor(std::string actor);
  // The date rules use as "today" (tests and benchmarks fix it).
  void setToday(core::Date today);
  // The wall clock the change log's HLCs follow (tests give a ledger a PC clock a year slow or a day fast).
  void setWallClock(std::function<std::int64_t()> wall);
  core::Date today() const;

  // One-row writes, each its own transaction. Throw gl::ValidationError with issues on bad input.
  std::string insert(core::Table table, core::Cells cells);
  void update(core::Table table, std::string_view id, core::Cells cells);
  void tombstone(core::Table table, std::string_view id);
  // For loads of many thousands of rows (demo, big imports): more cache, fewer checkpoints.
  void setBulkLoad(bool on);
  // Many rows in one transaction: all or nothing.
  void write(const std::function<void(Writer&)>& work);
  // The same for a bulk import of many thousands of rows, with SQLite's own foreign-key checks off
  // for the transaction (they cost an import ~12 %): every reference a Writer writes is checked by
  // the Writer itself — the row it names exists and is live, or is staged in the same transaction.
  void bulkWrite(const std::function<void(Writer&)>& work);

  // Appends to the audit log (export, print, reveal, search …): row ids and counts, never values.
  void audit(std::string_view action, std::string_view table, std::string_view row, std::int64_t count,
             std::string_view detail);

  std::optional<Row> get(core::Table table, std::string_view id) const;
  std::vector<std::string> residentsWithIdNumber(std::string_view normalized) const;
  // Every live (not tombstoned) row, in insertion order.
  void forEachRow(core::Table table, const std::function<void(const Row&)>& visit) const;
  // The identity numbers of the live residents, in no order (an import's "surely new" test).
  void forEachIdNumber(const std::function<void(std::string_view)>& visit) const;
  // How many live rows a table has (kept by the write code: no scan).
  std::int64_t liveRows(core::Table table) const;
  std::vector<core::Policy> policies() const;
  std::optional<std::string> setting(std::string_view key) const;
  // Every local setting whose key starts with `prefix`, by key.
  std::vector<std::pair<std::string, std::string>> settingsWithPrefix(std::string_view prefix) const;
  void setSetting(std::string_view key, std::string_view value);

  // Records or corrects a temperature: one health_check row per case, date and slot. Returns its id.
  std::string recordCheck(std::string_view quarantineId, core::Date on, int slot, int tenths,
                          std::string_view symptoms = {});

  // Case actions, each one transaction. Releasing a case whose policy has a follow-on opens the
  // follow-on period as a new case and returns its id ("" otherwise).
  std::string releaseCase(std::string_view quarantineId, core::Date on);
  void extendCase(std::string_view quarantineId, core::Date newPlannedEnd);
  // status: transferred or hospitalized; `place` says where to.
  void transferCase(std::string_view quarantineId, core::Date on, core::QuarantineStatus status,
                    std::string_view place);

  std::int64_t pendingChanges() const;

  // For the ledger's own tests and tools: verifies the audit hash chain; returns the first bad seq or 0.
  std::int64_t verifyAuditChain() const;
  // Rebuilds the derived search index from the rows (after a restore or an index change).
  void rebuildSearchIndex();

 // Whose rows the reads of this ledger return (db/query.h). Until accounts exist on the client
  // (the privacy issue), the whole county of the ledger.
  core::Scope readerScope() const;

 private:
  friend class SyncLedger;
  friend class Query;
  explicit Ledger(std::unique_ptr<LedgerState> state);
  std::unique_ptr<LedgerState> state_;
};

}  // namespace gl::db
