// Runs an import (or its dry run) off the UI thread (docs/architecture.md §3: long work never freezes the
// window). The worker opens its own connection to the ledger file, so the window keeps reading the
// ledger as it was (WAL) while the import's one transaction is written; the window polls progress,
// may cancel (the transaction is rolled back), and takes the report or the error when done.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include "core/date.h"
#include "app/ledger_task.h"
#include "exchange/roster_import.h"

namespace gl::app {

class ImportWorker {
 public:
  ImportWorker(std::filesystem::path ledgerFile, core::Date today, std::filesystem::path roster,
               exchange::ImportOptions options);
  ~ImportWorker();  // cancels and waits
  ImportWorker(const ImportWorker&) = delete;
  ImportWorker& operator=(const ImportWorker&) = delete;

  void cancel() { cancel_ = true; }
  bool finished() const { return task_->finished(); }
  // Progress in per mille of the file read (0 until the reader knows the size).
  int permille() const { return finished() ? 1000 : permille_.load(); }
  // When finished(): the report, or the error it ended with (rethrown by result()).
  const exchange::ImportReport& result() const;

 private:
  std::atomic<bool> cancel_{false};
  std::atomic<int> permille_{0};
  exchange::ImportReport report_;
  std::unique_ptr<LedgerTask> task_;  // last: stops before the members it writes
};

}  // namespace gl::app
