#include "db/checkpointer.h"

#include <sqlite3.h>

namespace gl::db {

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
int Checkpointer::committed(void* self, sqlite3*, const char*, int pages) {
  auto* me = static_cast<Checkpointer*>(self);
  {
    std::lock_guard lock(me->mutex_);
    if (pages < me->threshold_ || me->due_) return SQLITE_OK;
    me->due_ = true;
  }
  me->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::run() {
  std::unique_ptr<SQLite::Database> own;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return due_ || stopping_; });
    if (stopping_) return;
    lock.unlock();
    try {
      if (!own) own = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
      own->exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const SQLite::Exception&) {
      // The log stays as it is and the next commit past the threshold asks again; the ledger's own
      // close checkpoints it in any case.
    }
    lock.lock();
    due_ = false;
  }
}

}  // namespace gl::db
