#include "app/ledger_task.h"

namespace gl::app {

LedgerTask::LedgerTask(std::filesystem::path ledgerFile, std::function<void(db::Ledger&)> work) {
  thread_ = std::thread([this, file = std::move(ledgerFile), work = std::move(work)] {
    try {
      auto ledger = db::Ledger::open(file);
      work(*ledger);
    } catch (...) {
      error_ = std::current_exception();
    }
    finished_ = true;
  });
}

LedgerTask::~LedgerTask() {
  if (thread_.joinable()) thread_.join();
}

void LedgerTask::rethrow() const {
  if (error_) std::rethrow_exception(error_);
}

}  // namespace gl::app
