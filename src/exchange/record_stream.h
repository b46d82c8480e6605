// The import's reading half on a thread of its own (internal to the importer): sheet rows are read
// and turned into RowRecords (roster_record.h) a few batches ahead of the ledger writer, so that the
// two cores of a community office PC share the work. Reading the sheet is the thread's alone; turning
// a batch of rows into records is whoever's gets to it first: the writer, when the batch it needs next
// is still raw, does it itself rather than wait. Memory stays bounded by the queued batches.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/date.h"
#include "exchange/roster_record.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

class RecordStream {
 public:
  // Reads `reader` from where it stands (below the header row) to the end of its sheet.
  RecordStream(SheetReader& reader, const RowLayout& layout, core::Date today);
  ~RecordStream();  // stops the reading thread and waits for it
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  // The next row, valid until the next call (the caller may take from it); nullptr at the end. A
  // reading error (a damaged file) is thrown here. The rows handed out are freed on the reading
  // thread, off the writer's.
  RowRecord* next();
  // Bytes of the file read so far (for progress), and in all.
  std::uint64_t bytesRead() const { return bytesRead_.load(std::memory_order_relaxed); }
  std::uint64_t bytesTotal() const { return bytesTotal_; }

 private:
  void run();

  SheetReader& reader_;
  const RowLayout& layout_;
  const core::Date today_;
  const bool date1904_;  // read once: the reading thread owns the reader
  const std::uint64_t bytesTotal_;
  std::atomic<std::uint64_t> bytesRead_{0};

  // A batch of rows in the file's order: read, then turned into records by one of the two threads.
  struct Batch {
    std::vector<SheetRow> rows;
    std::vector<RowRecord> records;
    enum class State { Raw, Converting, Ready } state = State::Raw;
  };
  void convert(Batch& batch) const;
  // Turns a raw batch into records with the lock released meanwhile; a failure leaves it raw.
  void convertClaimed(Batch& batch, std::unique_lock<std::mutex>& lock);
  // Turns the oldest raw batch into records, if any (`front`: the writer's next one too).
  bool convertOne(std::unique_lock<std::mutex>& lock, bool front);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> queued_;  // oldest first
  bool finished_ = false;                      // the reader reached the end (or failed)
  bool stop_ = false;                          // the writer is gone
  std::exception_ptr error_;

  std::vector<std::unique_ptr<Batch>> spent_;  // batches handed out, for the reading thread to free
  std::unique_ptr<Batch> taking_;              // the batch next() hands out from
  std::size_t taken_ = 0;
  std::thread thread_;  // last: started once everything above is ready
};

}  // namespace gl::exchange
