// Long ledger work off the UI thread (docs/architecture.md §3: the window never freezes): `work` runs
// on a thread of its own with its own connection to the ledger file (the window keeps reading the ledger
// as it was, under WAL). The window polls finished() and then calls rethrow() for the error the work
// ended with, if any. Destroying the task waits for the work: whoever owns it first tells the work to
// stop (its own cancel flag, which the work polls).
#pragma once

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <thread>

#include "db/ledger.h"

namespace gl::app {

class LedgerTask {
 public:
  LedgerTask(std::filesystem::path ledgerFile, std::function<void(db::Ledger&)> work);
  ~LedgerTask();  // waits for the work
  LedgerTask(const LedgerTask&) = delete;
  LedgerTask& operator=(const LedgerTask&) = delete;

  bool finished() const { return finished_; }
  // When finished(): rethrows the error the work ended with; returns if it succeeded.
  void rethrow() const;

 private:
  std::atomic<bool> finished_{false};
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace gl::app
