#include "app/import_worker.h"

#include "db/ledger.h"

namespace gl::app {

ImportWorker::ImportWorker(std::filesystem::path ledgerFile, core::Date today, std::filesystem::path roster,
                           exchange::ImportOptions options) {
  options.progress = [this](std::uint64_t done, std::uint64_t total) {
    if (total > 0) permille_ = static_cast<int>(std::min<std::uint64_t>(1000, done * 1000 / total));
    return !cancel_.load();
  };
  task_ = std::make_unique<LedgerTask>(std::move(ledgerFile), [this, today, roster = std::move(roster),
                                                               options = std::move(options)](db::Ledger& ledger) {
    ledger.setToday(today);
    report_ = exchange::importRoster(ledger, roster, options);
  });
}

ImportWorker::~ImportWorker() {
  cancel_ = true;
  task_.reset();
}

const exchange::ImportReport& ImportWorker::result() const {
  task_->rethrow();
  return report_;
}

}  // namespace gl::app
