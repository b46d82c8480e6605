#include "sqlite/checkpointer.h"

#include <sqlite3.h>

namespace gl::sqlite {

Checkpointer::Checkpointer(SQLite::Database& db, std::filesystem::path path) : db_(db), path_(std::move(path)) {
  thread_ = std::thread([this] { run(); });
  sqlite3_wal_hook(db_.getHandle(), &Checkpointer::committed, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(db_.getHandle(), nullptr, nullptr);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Checkpointer::setThreshold(int pages) {
  std::lock_guard lock(mutex_);
  threshold_ = pages;
}

// Called by SQLite on the writing thread after each commit, with the pages now in the log.
int Checkpointer::committed(void* self, sqlite3* db, const char* schema, int pages) {
  auto* me = static_cast<Checkpointer*>(self);
  bool wake = false, now = false;
  {
    std::lock_guard lock(me->mutex_);
    if (pages < me->threshold_) return SQLITE_OK;
    // The log is rewound only by a write that begins after a complete copy; commits back to back
    // (a long import, pulled pages) keep it growing while the thread copies. Past four times the
    // threshold this commit copies, as SQLite's own would, which bounds the log.
    now = pages >= 4 * me->threshold_;
    if (me->due_) me->again_ = true;
    else wake = me->due_ = true;
  }
  if (now) sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (wake) me->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::run() {
  std::unique_ptr<SQLite::Database> own;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return due_ || stopping_; });
    if (stopping_) return;
    again_ = false;
    lock.unlock();
    try {
      if (!own) own = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
      own->exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const std::exception&) {
      // The log stays as it is and the next commit past the threshold asks again; the ledger's own
      // close checkpoints it in any case.
    }
    lock.lock();
    // Commits that came in during the copy left pages it did not take: once more for those.
    due_ = again_;
  }
}

}  // namespace gl::sqlite
