#include "exchange/record_stream.h"

namespace gl::exchange {

namespace {
constexpr std::size_t kBatchRows = 256;
constexpr std::size_t kMaxBatches = 8;  // about 2,000 rows ahead of the writer
}  // namespace

RecordStream::RecordStream(SheetReader& reader, const RowLayout& layout, core::Date today)
    : reader_(reader),
      layout_(layout),
      today_(today),
      date1904_(reader.date1904()),
      bytesTotal_(reader.bytesTotal()),
      thread_([this] { run(); }) {}

RecordStream::~RecordStream() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void RecordStream::convert(Batch& batch) const {
  batch.records.reserve(batch.rows.size());
  for (const auto& row : batch.rows) batch.records.push_back(recordFromRow(row, layout_, date1904_, today_));
  batch.rows = {};
}

void RecordStream::convertClaimed(Batch& batch, std::unique_lock<std::mutex>& lock) {
  batch.state = Batch::State::Converting;  // the batch stays put: only Ready ones are popped
  lock.unlock();
  try {
    convert(batch);
  } catch (...) {
    lock.lock();
    batch.records.clear();
    batch.state = Batch::State::Raw;  // whoever asks again starts it afresh
    throw;
  }
  lock.lock();
  batch.state = Batch::State::Ready;
  changed_.notify_all();
}

bool RecordStream::convertOne(std::unique_lock<std::mutex>& lock, bool front) {
  for (auto& queued : queued_)
    if (queued->state == Batch::State::Raw && (front || queued != queued_.front())) {
      convertClaimed(*queued, lock);
      return true;
    }
  return false;
}

void RecordStream::run() {
  try {
    bool more = true;
    while (more) {
      auto batch = std::make_unique<Batch>();
      batch->rows.reserve(kBatchRows);
      SheetRow row;
      while (batch->rows.size() < kBatchRows && (more = reader_.next(row))) {
        batch->rows.push_back(std::move(row));
        row = {};
      }
      bytesRead_.store(reader_.bytesRead(), std::memory_order_relaxed);
      std::unique_lock lock(mutex_);
      // While the queue is full, its raw batches are turned into records rather than waited on.
      while (!stop_ && queued_.size() >= kMaxBatches)
        if (!convertOne(lock, false)) changed_.wait(lock);
      if (stop_) return;
      std::vector<std::unique_ptr<Batch>> spent;
      spent.swap(spent_);
      if (!batch->rows.empty()) queued_.push_back(std::move(batch));
      if (!more) finished_ = true;
      changed_.notify_all();
      // The batch the writer needs next is left to it, so that it does not wait while this thread
      // reads on; one behind it is done here, so that the writer does not fall behind either.
      convertOne(lock, false);
      while (!more && !stop_ && convertOne(lock, true)) {
      }
      lock.unlock();
      spent.clear();  // here, not on the writer's thread
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    error_ = std::current_exception();
    finished_ = true;
  }
  changed_.notify_all();
}

RowRecord* RecordStream::next() {
  if (!taking_ || taken_ == taking_->records.size()) {
    std::unique_lock lock(mutex_);
    if (taking_ && !finished_) spent_.push_back(std::move(taking_));  // the reading thread frees it
    taking_.reset();
    for (;;) {
      if (queued_.empty()) {
        if (error_) std::rethrow_exception(error_);
        if (finished_) return nullptr;
      } else if (Batch& front = *queued_.front(); front.state == Batch::State::Ready) {
        break;
      } else if (front.state == Batch::State::Raw) {  // rather than wait for the reading thread
        convertClaimed(front, lock);
        break;
      } else if (error_) {
        std::rethrow_exception(error_);  // the reading thread failed while it turned this batch
      }
      changed_.wait(lock);
    }
    taking_ = std::move(queued_.front());
    queued_.pop_front();
    taken_ = 0;
    lock.unlock();
    changed_.notify_all();
  }
  return &taking_->records[taken_++];
}

}  // namespace gl::exchange
