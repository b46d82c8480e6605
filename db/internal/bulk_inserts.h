// Internal to gl_db: the new rows of a bulk write (an import) queued and written many to a statement —
// the rows, their change-log stamps and their addresses for the trigram index — instead of a statement
// each: in an import the statements, not the B-trees, were most of the cost (docs/import.md §8). Rows
// of the search-indexed tables get their rowid here, so their search terms can be queued at once.
//
// A full queue is written on a thread of its own while the caller goes on matching and queueing the
// next rows, so the SQL of an import runs beside its checks on the second core. The connection is
// never used by both threads at once: while a batch is being written, every other statement of the
// ledger (LedgerState::statement) first waits for it, and so does flush(). Every read therefore sees
// every row queued before it.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/hlc.h"
#include "core/schema.h"

namespace gl::db {

struct LedgerState;

class BulkInserts {
 public:
  // `callerBytes`: memory the caller will hold meanwhile, which the page cache gives up while it runs.
  BulkInserts(LedgerState& state, std::int64_t callerBytes);
  ~BulkInserts();  // waits for the batch being written (an unwinding write then rolls it back)
  BulkInserts(const BulkInserts&) = delete;
  BulkInserts& operator=(const BulkInserts&) = delete;

  // Queues a new row with its change-log stamp (its cells are taken); returns its rowid for a
  // search-indexed table, else 0.
  std::int64_t add(const core::TableSpec& spec, const std::string& id, core::Cells cells, core::Hlc hlc);
  // Whether a row with this id is queued or being written, not yet in the ledger (ids are UUIDs,
  // unique across tables); queued(): queued only, not yet handed to the writing thread.
  bool holds(std::string_view id) const;
  bool queued(std::string_view id) const { return filling_->held.count(id) > 0; }
  // Writes the queued rows and their stamps and waits until they are in (what every read must see);
  // a failure of the writing thread (a full disk) is thrown here.
  void flush();
  // Writes the queued households' addresses into the trigram index, all in one statement: FTS5 writes
  // a segment at every statement's end, so a statement per batch of rows cost more than the rows. Due
  // before a household is changed or deleted, and at the end.
  void flushAddresses();

 private:
  static constexpr std::size_t kTables = static_cast<std::size_t>(core::Table::Policy) + 1;
  struct Queue {
    std::deque<std::string> ids;  // a deque: Batch::held points into it
    std::vector<std::int64_t> rids, hlcs;  // hlcs: the change-log stamps, packed
    std::vector<core::Value> values;       // row after row, in the spec's column order
  };
  struct Batch {
    std::array<Queue, kTables> queues;
    std::unordered_set<std::string_view> held;  // the batch's ids
    std::size_t rows = 0;
  };
  void handOff();  // the filling batch to the writing thread, once it is done with the one before
  void wait();     // until the writing thread is idle; rethrows its failure
  void run();      // the writing thread
  void writeBatch(Batch& b);
  void writeRows(const core::TableSpec& spec, Queue& q);
  void writeClock(const Batch& b);
  SQLite::Statement& statement(int kind, std::size_t rows);  // the writing thread's own, by shape

  LedgerState& s_;
  std::array<std::int64_t, kTables> lastRid_{};
  int savedCacheSize_ = 0;  // the connection's page cache, given back at the end
  std::int64_t addressesFrom_ = 0, addressesTo_ = 0;  // the queued households' rowids, a range
  std::unique_ptr<Batch> filling_, writing_;  // writing_: the writing thread's while busy_
  std::unique_ptr<Batch> retired_;  // written before writing_: the writing thread frees it
  std::map<std::pair<int, std::size_t>, std::unique_ptr<SQLite::Statement>> statements_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool busy_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // started once the constructor has read what it needs
};

}  // namespace gl::db
