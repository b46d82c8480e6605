#include "app/sync_worker.h"

#include "db/ledger.h"

namespace gl::app {

SyncWorker::SyncWorker(std::filesystem::path ledgerFile, sync::SyncOptions options) {
  thread_ = std::thread([this, ledgerFile = std::move(ledgerFile), options = std::move(options)] {
    try {
      auto ledger = db::Ledger::open(ledgerFile);
      result_ = sync::synchronize(*ledger, options, [this](sync::Stage stage, std::int64_t done, std::int64_t total) {
        stage_ = stage;
        done_ = done;
        total_ = total;
        return !cancel_.load();
      });
    } catch (...) {
      error_ = std::current_exception();
    }
    finished_ = true;
  });
}

SyncWorker::~SyncWorker() {
  cancel_ = true;
  if (thread_.joinable()) thread_.join();
}

const sync::SyncResult& SyncWorker::result() const {
  if (error_) std::rethrow_exception(error_);
  return result_;
}

}  // namespace gl::app
