// Internal to gl_db: the new rows of a bulk write (an import) queued and written many to a statement —
// the rows, their change-log stamps and their addresses for the trigram index — instead of a statement
// each: in an import the statements, not the B-trees, were most of the cost (docs/import.md §8). Rows
// of the search-indexed tables get their rowid here, so their search terms can be queued at once.
// The Writer writes the queue out before anything reads the ledger, so every read sees every row.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string_view>
#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/hlc.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

class BulkInserts {
 public:
  explicit BulkInserts(LedgerState& state);
  // Queues a new row with its change-log stamp (its cells are taken); returns its rowid for a
  // search-indexed table, else 0.
  std::int64_t add(const core::TableSpec& spec, const std::string& id, core::Cells cells, core::Hlc hlc);
  // Whether a row with this id is queued and not written yet (ids are UUIDs, unique across tables).
  bool holds(std::string_view id) const;
  bool empty() const { return queued_ == 0; }
  // Writes the queued rows and their stamps (what every read must see).
  void flush();
  // Writes the queued households' addresses into the trigram index, all in one statement: FTS5 writes
  // a segment at every statement's end, so a statement per batch of rows cost more than the rows. Due
  // before a household is changed or deleted, and at the end.
  void flushAddresses();

 private:
  static constexpr std::size_t kTables = static_cast<std::size_t>(core::Table::Policy) + 1;
  struct Queue {
    std::deque<std::string> ids;  // a deque: held_ points into it
    std::vector<std::int64_t> rids, hlcs;  // hlcs: the change-log stamps, packed
    std::vector<core::Value> values;       // row after row, in the spec's column order
  };
  void writeRows(const core::TableSpec& spec, Queue& q);
  void writeClock();

  LedgerState& s_;
  std::array<Queue, kTables> queues_;
  std::array<std::int64_t, kTables> lastRid_{};  // 0: not read yet
  std::int64_t addressesFrom_ = 0, addressesTo_ = 0;  // the queued households' rowids, a range
  std::unordered_set<std::string_view> held_;  // the queued rows' ids
  std::size_t queued_ = 0;
};

}  // namespace gl::db
