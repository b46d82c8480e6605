// Writing one roster row (internal to the importer): the household, person, quarantine and visit it
// describes, matched against what the ledger and the file's earlier rows have (docs/import.md
// "Matching"). Every check happens while the row is staged; the caller then writes it whole or drops it.
#pragma once

#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "db/writer.h"
#include "exchange/roster_import.h"
#include "exchange/roster_record.h"

namespace gl::exchange {

// This import's bookkeeping — what the ledger has and what the import made, half a million entries for
// a county's file — lives in one arena, given back at once when the import ends: freed entry by entry
// it cost a third of a second after the last row.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct TextEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};
using TextMap = std::pmr::unordered_map<std::pmr::string, std::pmr::string, TextHash, TextEq>;
using TextSet = std::pmr::unordered_set<std::pmr::string, TextHash, TextEq>;

// What the ledger already has, for matching. A ledger smaller than the file is read whole before the
// transaction (one pass: households by number, households without a number by matching key, the hashes
// of its identity numbers); a county's ledger is asked row by row, through the search index, for only
// what the file's rows name. Either way this import's own households and people are in the maps.
struct Known {
  explicit Known(std::int64_t expectedRows);
  // About what the maps will hold by the end of the file.
  std::int64_t bookkeepingBytes() const;
  // Empties the maps and gives the arena back (no RowWriter may be left).
  void release();
  std::int64_t expectedRows;
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena;  // first: the maps below allocate from it
  bool preloaded = false;
  TextMap householdByKey, householdByNumber, gridByName;
  // Hashes of the identity numbers' match keys the ledger has (preloaded only): a number not among
  // them is surely a new person, with no lookup (most of a first import).
  std::unordered_set<std::size_t> idKeyHashes;
};
// `expectedRows`: about how many rows the file has (from its size).
Known readKnown(const db::Ledger& ledger, std::int64_t expectedRows);

class RowWriter {
 public:
  RowWriter(db::Writer& w, Known& known, ImportReport& report, bool acceptRenames);

  // Stages the row's writes (db::Writer::stageInsert): every check happens here. A row that cannot be
  // sure of its person or household throws ValidationError.
  void stage(RowRecord& r);
  // Counts of the row just written go into the report only once it is written.
  void commitCounts();
  void dropPending();

 private:
  std::optional<db::Row> knownPerson(const RowRecord& r);
  std::string insert(core::Table table, const core::Cells& cells, std::optional<db::PreparedRow>& prepared,
                     core::Cells references);
  std::string householdFor(RowRecord& r, const std::optional<db::Row>& person);
  std::string personFor(RowRecord& r, const std::string& household, const std::optional<db::Row>& known);
  std::optional<std::string> matchByIdNumber(const std::string& idNumber);
  std::string existingHousehold(const RowRecord& r);
  void checkName(RowRecord& r, const std::string& id, const db::Row& current, core::Cells& cells);
  void checkRecordEdit(RowRecord& r, const db::Row& current, core::Cells& cells);

  db::Writer& w_;
  Known& known_;
  ImportReport& report_;
  const bool acceptRenames_;
  // What the row being staged adds to the report, until it is written.
  struct Pending {
    std::int64_t personsCreated = 0, personsUpdated = 0, householdsCreated = 0, householdsUnassigned = 0,
                 quarantinesCreated = 0, visitsCreated = 0;
    std::vector<Rename> renames;
  } pending_;
  std::pmr::memory_resource* arena_;
  TextMap newKeys_{arena_}, newNumbers_{arena_}, newIdNumbers_{arena_};
  TextMap createdByIdNumber_{arena_};
  using RowOf = std::pmr::unordered_map<std::pmr::string, std::int64_t, TextHash, TextEq>;
  RowOf createdOnRow_{arena_}, pendingCreatedOnRow_{arena_};  // person id → row
  // This import's people by household and name, and its quarantines (person + start) and visits
  // (household + person + date): the writer's bulk queue hides them from lookups.
  using Named = std::pmr::unordered_map<std::size_t, std::pmr::string>;
  Named createdNamed_{arena_}, pendingNamed_{arena_};  // hash of household + name key
  TextSet created_{arena_}, pendingCreated_{arena_};
};

}  // namespace gl::exchange
