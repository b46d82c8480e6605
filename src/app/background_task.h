// The one way the window works in the background (docs/architecture.md §3): the import, the sync, the
// data center's answers in Sync problems, the search box and rosters all run their work here, never
// on the UI thread, and nothing pumps the event loop while they wait.
//
// The work runs on a std::jthread with a core::Reporter: what it reports reaches `progress` on the UI
// thread (the latest figures only, however fast it reports), and its end reaches `finished` on the UI
// thread, with the exception it ended with or null. Both pass through one funnel, posted to the
// application and guarded by a weak reference to the window and to the task: once either is gone, a
// late answer is dropped. Destroying the task asks the work to stop and waits for it.
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/progress.h"
#include "db/ledger.h"

class wxEvtHandler;

namespace gl::app {

class BackgroundTask {
 public:
  using Work = std::function<void(const core::Reporter&)>;
  struct Hooks {
    std::function<void(const core::Progress&)> progress;  // may be empty
    std::function<void(std::exception_ptr)> finished;     // null: the work succeeded
  };

  // Starts at once. `window` is the one the hooks belong to (they are not called once it is deleted).
  BackgroundTask(wxEvtHandler& window, Work work, Hooks hooks);
  ~BackgroundTask();  // asks the work to stop, waits for it; no hook runs after this
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  // Asks the work to stop (it sees the request at its next report); `finished` still comes.
  void cancel();
  bool cancelled() const;
  // False once `finished` has been called.
  bool running() const;

  // A task whose work returns a value: `done` gets it, `failed` gets the exception.
  template <typename R>
  static std::unique_ptr<BackgroundTask> start(wxEvtHandler& window, std::function<R(const core::Reporter&)> work,
                                               std::function<void(R&&)> done,
                                               std::function<void(std::exception_ptr)> failed,
                                               std::function<void(const core::Progress&)> progress = {}) {
    auto slot = std::make_shared<std::optional<R>>();
    return std::make_unique<BackgroundTask>(
        window, [slot, work = std::move(work)](const core::Reporter& r) { slot->emplace(work(r)); },
        Hooks{std::move(progress), [slot, done = std::move(done), failed = std::move(failed)](std::exception_ptr e) {
                if (e) failed(e);
                else done(std::move(**slot));
              }});
  }

 private:
  struct Funnel;
  std::shared_ptr<Funnel> funnel_;
  std::jthread thread_;  // last: it stops and joins before the funnel goes
};

// Work on a connection of its own to the ledger file: the window goes on reading the ledger as it was
// (WAL) while the work writes; the connection closes when the work ends. R may be void.
template <typename R>
std::function<R(const core::Reporter&)> onLedger(std::filesystem::path file,
                                                 std::function<R(db::Ledger&, const core::Reporter&)> work) {
  return [file = std::move(file), work = std::move(work)](const core::Reporter& r) {
    auto ledger = db::Ledger::open(file);
    return work(*ledger, r);
  };
}

// What a failed task's exception says to the user, translated (gl::Error through text::describe).
std::string failureText(std::exception_ptr error);

}  // namespace gl::app
