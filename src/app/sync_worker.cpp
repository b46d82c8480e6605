#include "app/sync_worker.h"

#include "db/ledger.h"

namespace gl::app {

SyncWorker::SyncWorker(std::filesystem::path ledgerFile, sync::SyncOptions options) {
  task_ = std::make_unique<LedgerTask>(std::move(ledgerFile), [this, options = std::move(options)](db::Ledger& ledger) {
    result_ = sync::synchronize(ledger, options, [this](sync::Stage stage, std::int64_t done, std::int64_t total) {
      stage_ = stage;
      done_ = done;
      total_ = total;
      return !cancel_.load();
    });
  });
}

SyncWorker::~SyncWorker() {
  cancel_ = true;
  task_.reset();
}

const sync::SyncResult& SyncWorker::result() const {
  task_->rethrow();
  return result_;
}

}  // namespace gl::app
