// What a long operation reports while it works, and how it learns that it should stop
// (docs/architecture.md §3). Every library that works for long — the import, the sync, the roster
// and its files, the demo ledger — takes a `Reporter`; the window's background task gives it one whose
// progress reaches the window and whose stop token the Cancel button sets, `gridctl` one that prints,
// and the tests the default (reports to nobody, never stops).
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <utility>

#include "core/error.h"

namespace gl::core {

struct Progress {
  std::int64_t done = 0;
  std::int64_t total = 0;  // 0 while not known
  int stage = 0;           // the operation's own steps (sync::Stage, …); 0 when it has one
};

class Reporter {
 public:
  using Publish = std::function<void(const Progress&)>;

  Reporter() = default;
  explicit Reporter(Publish publish, std::stop_token stop = {}) : publish_(std::move(publish)), stop_(std::move(stop)) {}

  // Publishes how far the work is; false when it should stop (the caller then ends it: rolls back,
  // throws its "cancelled" error, or returns what it has, as its header says).
  bool report(const Progress& progress) const {
    if (publish_) publish_(progress);
    return !stopRequested();
  }
  // As report(), for work that ends by throwing: gl::Error (Rejected, "Cancelled") when it should stop.
  void step(const Progress& progress) const {
    if (!report(progress)) throw Error(Error::Kind::Rejected, N_("Cancelled"));
  }
  bool stopRequested() const { return stop_.stop_requested(); }
  const std::stop_token& stopToken() const { return stop_; }

 private:
  Publish publish_;
  std::stop_token stop_;
};

}  // namespace gl::core
