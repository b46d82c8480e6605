#include "exchange/record_stream.h"

namespace gl::exchange {

namespace {
constexpr std::size_t kBatchRows = 256;
constexpr std::size_t kMaxBatches = 8;  // about 2,000 rows ahead of the writer
}  // namespace

RecordStream::RecordStream(SheetReader& reader, const RowLayout& layout, core::Date today)
    : reader_(reader), layout_(layout), today_(today), bytesTotal_(reader.bytesTotal()),
      thread_([this] { run(); }) {}

RecordStream::~RecordStream() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void RecordStream::run() {
  try {
    SheetRow row;
    std::vector<RowRecord> batch;
    batch.reserve(kBatchRows);
    bool more = true;
    while (more) {
      more = reader_.next(row);
      if (more) batch.push_back(recordFromRow(row, layout_, reader_.date1904(), today_));
      if (batch.size() < kBatchRows && more) continue;
      bytesRead_.store(reader_.bytesRead(), std::memory_order_relaxed);
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.size() < kMaxBatches; });
      if (stop_) return;
      std::vector<std::vector<RowRecord>> spent;
      spent.swap(spent_);
      if (!batch.empty()) ready_.push_back(std::move(batch));
      batch = {};
      batch.reserve(kBatchRows);
      if (!more) finished_ = true;
      lock.unlock();
      changed_.notify_all();
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
  if (taken_ == taking_.size()) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return nullptr;
    }
    if (!finished_) spent_.push_back(std::move(taking_));  // the reading thread frees it
    taking_ = std::move(ready_.front());
    ready_.pop_front();
    taken_ = 0;
    lock.unlock();
    changed_.notify_all();
  }
  return &taking_[taken_++];
}

}  // namespace gl::exchange
