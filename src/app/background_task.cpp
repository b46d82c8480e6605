#include "app/background_task.h"

#include <atomic>
#include <mutex>

#include <wx/app.h>
#include <wx/event.h>
#include <wx/weakref.h>

#include "core/error.h"
#include "text/describe.h"

namespace gl::app {

// Shared by the task (on the UI thread) and the calls its worker posts to the application. Only the
// mutex-guarded figures and the two flags are touched by the worker; the rest only on the UI thread.
struct BackgroundTask::Funnel {
  wxWeakRef<wxEvtHandler> window;
  Hooks hooks;
  std::mutex mutex;
  core::Progress latest;
  std::atomic<bool> progressPosted{false};
  std::exception_ptr error;  // written by the worker before it posts the end
  bool running = true;

  bool windowGone() const {
    if (!window) return true;
    auto* w = dynamic_cast<wxWindow*>(window.get());
    return w && w->IsBeingDeleted();
  }

  // Posts `call` to run on the UI thread while this funnel lives (a weak reference: a late post finds
  // the task gone and does nothing).
  static void post(const std::shared_ptr<Funnel>& self, void (Funnel::*call)()) {
    if (!wxTheApp) return;
    wxTheApp->CallAfter([weak = std::weak_ptr<Funnel>(self), call] {
      if (auto funnel = weak.lock()) (funnel.get()->*call)();
    });
  }

  void publish(const std::shared_ptr<Funnel>& self, const core::Progress& p) {
    {
      std::lock_guard lock(mutex);
      latest = p;
    }
    if (!progressPosted.exchange(true)) post(self, &Funnel::deliverProgress);
  }

  void deliverProgress() {
    core::Progress p;
    {
      std::lock_guard lock(mutex);
      p = latest;
      progressPosted = false;
    }
    if (running && hooks.progress && !windowGone()) hooks.progress(p);
  }

  void deliverEnd() {
    if (!running) return;
    running = false;
    if (windowGone()) return;
    auto finished = hooks.finished;  // the hook may destroy the task, and this funnel's hooks with it
    if (finished) finished(error);
  }
};

BackgroundTask::BackgroundTask(wxEvtHandler& window, Work work, Hooks hooks) : funnel_(std::make_shared<Funnel>()) {
  funnel_->window = &window;
  funnel_->hooks = std::move(hooks);
  // The worker holds the funnel until it ends; the task outlives the worker (its destructor joins).
  thread_ = std::jthread([funnel = funnel_, work = std::move(work)](std::stop_token stop) {
    core::Reporter reporter([&funnel](const core::Progress& p) { funnel->publish(funnel, p); }, stop);
    try {
      work(reporter);
    } catch (...) {
      funnel->error = std::current_exception();
    }
    Funnel::post(funnel, &Funnel::deliverEnd);
  });
}

BackgroundTask::~BackgroundTask() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
  funnel_->running = false;
}

void BackgroundTask::cancel() { thread_.request_stop(); }

bool BackgroundTask::cancelled() const { return thread_.get_stop_token().stop_requested(); }

bool BackgroundTask::running() const { return funnel_->running; }

std::string failureText(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const Error& e) {
    return text::describe(e);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace gl::app
