// The writes of one transaction (Ledger::write). Each insert, update and tombstone validates its
// cells through the data model, stamps the change log, keeps the search index and the live-row
// counts, and is audited by row id when the transaction finishes.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/schema.h"
#include "db/internal/bulk_inserts.h"
#include "db/internal/change_log.h"
#include "db/ledger.h"
#include "db/internal/search_index.h"

namespace gl::db {

struct LedgerState;

// A new row checked off the writer's thread (an import's reading thread): its cells normalized and
// completed by the record's rules, the issues writing it would raise, its search terms. The writer
// stages it without checking it again, but for the references it adds (docs/import.md §8).
struct PreparedRow {
  core::Table table = core::Table::Resident;
  core::Cells cells;
  std::vector<core::Issue> issues;
  std::vector<std::string> terms;
  bool local = true;  // false: its rules need the ledger (a policy), so the writer checks it whole
};
// `normalized`: the cells other than free text are already what core::normalizeCell makes of them
// (an import normalizes each as it reads it), so they are not normalized twice (text always is); `householdKey`: a household's matching key
// (core::householdKey of these cells) where the caller has made it already. A debug build checks both.
enum class CellsAre { Raw, Normalized };
PreparedRow prepareRow(core::Table table, core::Cells cells, core::Date today, CellsAre given = CellsAre::Raw,
                       std::string_view householdKey = {});

class Writer {
 public:
  // Returns the new row's id (UUIDv7, or `id` where the caller names one: rows every ledger makes alike).
  std::string insert(core::Table table, core::Cells cells, std::string id = {});
  // Changes only the given cells; cells whose value is unchanged are not stamped.
  void update(core::Table table, std::string_view id, core::Cells cells);
  void tombstone(core::Table table, std::string_view id);

  // Staging: rows checked now and written together later, so that the rows of one group (an
  // imported spreadsheet row: its household, person, quarantine and visit) go in whole or not at all
  // without an SQL savepoint, whose page journal costs more than the rows themselves. A staged row
  // may refer to a row staged before it. Every check happens when a row is staged: writeStaged()
  // fails only as any write can (a full disk), and then the whole transaction goes back.
  // Returns the new row's id.
  std::string stageInsert(core::Table table, core::Cells cells);
  // Stages a prepared row (its errors, if any, are thrown as ValidationError; its references checked).
  std::string stagePrepared(PreparedRow row);
  // Stages the given cells of a live row; returns false when none of them changes its value.
  bool stageUpdate(core::Table table, std::string_view id, core::Cells cells);
  void writeStaged();
  void dropStaged();

  // The search index of the rows written from here on is written sorted, in batches and when the
  // transaction finishes (SearchIndex::batch): for a bulk import. Until then residentWithIdNumber and
  // householdWithNumber do not see those rows; the caller matches them itself.
  void batchSearchIndex() { index_.batch(); }
  // A bulk write: the search index batched, and new rows queued and written many to a statement
  // (db/internal/bulk_inserts.h). Every read of this Writer sees the queued rows. `callerBytes`: memory the
  // caller holds meanwhile (an import's bookkeeping); the page cache gives it up for the write.
  void bulkLoad(std::int64_t callerBytes = 0);
  // Folds the search terms of earlier bulk writes into the main index now (a bulk write does it at its
  // end once they are many: SearchIndex::foldIfMany).
  void foldSearchTerms();

  // Lookups that see this transaction's own rows (an import matches what an earlier row created) —
  // but for a bulk write (bulkLoad), whose new rows only row() and the reference checks see: the other
  // lookups see what was written before it (or written out since), and the caller keeps track of its
  // own new rows, as the import does.
  // The live resident with this normalized identity number, if any.
  std::optional<std::string> residentWithIdNumber(std::string_view normalized);
  // The live resident whose number has this match key (core::idMatchKey: a travel permit's lifetime
  // number, any other document's whole number).
  std::optional<std::string> residentWithIdKey(std::string_view key);
  // The live household with this household number.
  std::optional<std::string> householdWithNumber(std::string_view householdNo);
  // The live household without a household number whose matching key (core::householdKey) is this.
  std::optional<std::string> householdWithKey(std::string_view key);
  // The live quarantine of a resident that started on a date; the live visit to a household by a
  // resident (or by nobody in particular when `residentId` is empty) on a date.
  std::optional<std::string> quarantineOf(std::string_view residentId, std::string_view startOn);
  std::optional<std::string> visitOn(std::string_view householdId, std::string_view residentId,
                                     std::string_view visitedOn);

  // The live resident of a household with this name, compared as names are (core/person_name.h): rows
  // without an id number are matched so.
  std::optional<std::string> residentNamed(std::string_view householdId, std::string_view name);
  // A row as this transaction sees it (nullopt when missing or deleted).
  std::optional<Row> row(core::Table table, std::string_view id);

  // A local (not synced) ledger setting, in the same transaction.
  void setSetting(std::string_view key, std::string_view value);
  // Removes a local setting; false when there was none.
  bool removeSetting(std::string_view key);

  core::Date today() const;

 private:
  friend class Ledger;
  explicit Writer(LedgerState& state);
  void finish();  // counts, clock high-water mark and audit entries, before commit

  // Normalizes the given cells, applies the record's rules (db/internal/record_rules.h) against the row as it
  // will be (`current` = the row before an update, nullptr for a new one), checks references.
  void validate(const core::TableSpec& spec, core::Cells& cells, const core::Cells* current, std::string_view id);
  void checkReferences(const core::TableSpec& spec, const core::Cells& cells, std::vector<core::Issue>& issues);
  bool isStaged(core::Table table, const std::string& id) const;
  void settle();  // writes the queued bulk rows out, before anything reads the ledger
  struct Staged {
    core::Table table;
    std::string id;
    core::Cells cells;  // an insert's cells, or an update's changed cells
    bool isInsert = true;
    std::int64_t rid = 0;  // an update's row, as it was
    core::Cells current;
    std::optional<std::vector<std::string>> terms;  // a prepared row's search terms
  };
  // Checks an update; returns the cells that change (empty: nothing to do).
  core::Cells checkUpdate(const core::TableSpec& spec, std::string_view id, core::Cells cells, Staged& out);
  void writeInsert(const core::TableSpec& spec, const std::string& id, core::Cells cells,
                   std::optional<std::vector<std::string>> terms = std::nullopt);
  void writeUpdate(const Staged& row);
  void note(std::string_view action, core::Table table, std::string_view id, std::string detail = {});

  LedgerState& s_;
  ChangeLog log_;
  SearchIndex index_;
  std::vector<Staged> staged_;
  std::unique_ptr<BulkInserts> bulk_;
  std::map<int, std::int64_t> countDelta_;
  bool policiesChanged_ = false;
  struct AuditNote {
    std::int64_t count = 0;
    std::string row;
    std::string detail;
  };
  std::map<std::pair<std::string_view, int>, AuditNote> audit_;  // actions are literals
};

}  // namespace gl::db
