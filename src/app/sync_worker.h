// Runs one sync off the UI thread (docs/architecture.md §3: long work never freezes the window). The worker
// opens its own connection to the ledger file; the window polls the stage and may cancel (what was
// acknowledged or applied stays, the rest is taken up by the next sync).
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include "app/ledger_task.h"
#include "sync/sync_client.h"

namespace gl::app {

class SyncWorker {
 public:
  SyncWorker(std::filesystem::path ledgerFile, sync::SyncOptions options);
  ~SyncWorker();  // cancels and waits
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void cancel() { cancel_ = true; }
  bool finished() const { return task_->finished(); }
  sync::Stage stage() const { return stage_; }
  std::int64_t done() const { return done_; }
  std::int64_t total() const { return total_; }
  // When finished(): the figures, or the error the sync ended with (rethrown).
  const sync::SyncResult& result() const;

 private:
  std::atomic<bool> cancel_{false};
  std::atomic<sync::Stage> stage_{sync::Stage::SigningIn};
  std::atomic<std::int64_t> done_{0}, total_{0};
  sync::SyncResult result_;
  std::unique_ptr<LedgerTask> task_;  // last: stops before the members it writes
};

}  // namespace gl::app
