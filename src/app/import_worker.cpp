#include "app/import_worker.h"

#include "db/ledger.h"

namespace gl::app {

ImportWorker::ImportWorker(std::filesystem::path ledgerFile, core::Date today, std::filesystem::path roster,
                           exchange::ImportOptions options) {
  options.progress = [this](std::uint64_t done, std::uint64_t total) {
    if (total > 0) permille_ = static_cast<int>(std::min<std::uint64_t>(1000, done * 1000 / total));
    return !cancel_.load();
  };
  thread_ = std::thread([this, ledgerFile = std::move(ledgerFile), today, roster = std::move(roster),
                         options = std::move(options)] {
    try {
      auto ledger = db::Ledger::open(ledgerFile);
      ledger->setToday(today);
      report_ = exchange::importRoster(*ledger, roster, options);
    } catch (...) {
      error_ = std::current_exception();
    }
    permille_ = 1000;
    finished_ = true;
  });
}

ImportWorker::~ImportWorker() {
  cancel_ = true;
  if (thread_.joinable()) thread_.join();
}

const exchange::ImportReport& ImportWorker::result() const {
  if (error_) std::rethrow_exception(error_);
  return report_;
}

}  // namespace gl::app
