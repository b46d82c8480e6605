// WAL checkpoints on a thread of their own, so that no write waits for one: the ledger's, and the data
// center's store (src/center/sqlite_store.h) with a higher threshold.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

namespace gl::sqlite {

// SQLite's default copies the write-ahead log into the ledger inside whichever commit takes it past
// 1,000 pages, and that commit then waits for the copy and an fsync (a pulled page of 10,000 cells
// waited 130 ms for 8). Instead, a commit that leaves the log past the threshold wakes this thread,
// which checkpoints on its own connection (PASSIVE: it never blocks a reader or a writer). Closing the
// ledger checkpoints what is left, as SQLite always does.
class Checkpointer {
 public:
  Checkpointer(SQLite::Database& db, std::filesystem::path path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Pages in the log that wake the thread (a bulk load raises it while it writes).
  void setThreshold(int pages);

 private:
  static int committed(void* self, sqlite3* db, const char* schema, int pages);
  void run();

  SQLite::Database& db_;
  std::filesystem::path path_;
  std::mutex mutex_;
  std::condition_variable wake_;
  int threshold_ = 1000;
  bool due_ = false;
  bool again_ = false;  // a commit past the threshold came in while the thread was copying
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gl::sqlite
