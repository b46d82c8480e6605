// The one way the window works in the background (docs/architecture.md §3): BackgroundTask hands
// progress and the end back on the UI thread through one funnel, drops what comes back once its window
// or the task is gone, and stops work on Cancel; the progress window shows it and cancels it.
#include <doctest/doctest.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/thread.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/background_task.h"
#include "app/progress_dialog.h"
#include "gui_support.h"

using gl::app::BackgroundTask;

namespace {
// Work that reports `steps` figures as fast as it can and returns their sum.
std::function<long long(const gl::core::Reporter&)> counting(int steps) {
  return [steps](const gl::core::Reporter& r) {
    long long sum = 0;
    for (int i = 1; i <= steps; ++i) {
      sum += i;
      r.step({i, steps, 1});
    }
    return sum;
  };
}
}  // namespace

TEST_CASE("a background task reports its latest progress and its result on the UI thread, once") {
  auto* frame = new wxFrame(nullptr, wxID_ANY, "task");
  int progressCalls = 0, doneCalls = 0;
  long long result = 0;
  gl::core::Progress last;
  bool allOnUiThread = true;
  auto task = BackgroundTask::start<long long>(
      *frame, counting(200000),
      [&](long long&& sum) {
        allOnUiThread &= wxIsMainThread();
        ++doneCalls;
        result = sum;
      },
      [&](std::exception_ptr) { FAIL("the work did not fail"); },
      [&](const gl::core::Progress& p) {
        allOnUiThread &= wxIsMainThread();
        ++progressCalls;
        last = p;
      });
  CHECK(task->running());
  REQUIRE(gl::test::pumpUntil([&] { return doneCalls > 0; }));
  REQUIRE(gl::test::delivered());  // anything else the task sent has come too
  CHECK(doneCalls == 1);
  CHECK_FALSE(task->running());
  CHECK(result == 200000LL * 200001 / 2);
  CHECK(allOnUiThread);
  // 200,000 reports, a handful of calls: only the latest figures cross to the window.
  CHECK(progressCalls >= 1);
  CHECK(progressCalls < 20000);
  CHECK(last.stage == 1);
  CHECK(last.total == 200000);
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("Cancel stops a background task at its next report, and the failure says it was cancelled") {
  auto* frame = new wxFrame(nullptr, wxID_ANY, "task");
  std::exception_ptr error;
  bool ended = false;
  std::atomic<bool> started{false};
  BackgroundTask task(*frame, [&](const gl::core::Reporter& r) {
    started = true;
    for (long long i = 0;; ++i) {
      r.step({i, 0, 0});
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }, {{}, [&](std::exception_ptr e) {
    error = e;
    ended = true;
  }});
  REQUIRE(gl::test::pumpUntil([&] { return started.load(); }));
  CHECK_FALSE(task.cancelled());
  task.cancel();
  CHECK(task.cancelled());
  REQUIRE(gl::test::pumpUntil([&] { return ended; }));
  REQUIRE(error);
  CHECK_FALSE(gl::app::failureText(error).empty());
  try {
    std::rethrow_exception(error);
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Rejected);
    CHECK(e.msgid() == "Cancelled");
  }
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("what a background task sends back after its window or the task itself is gone is dropped") {
  // The window goes first: the end arrives for nobody.
  auto* frame = new wxFrame(nullptr, wxID_ANY, "task");
  int calls = 0;
  std::atomic<bool> release{false};
  auto task = std::make_unique<BackgroundTask>(*frame, [&](const gl::core::Reporter& r) {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    r.report({1, 1, 0});
  }, BackgroundTask::Hooks{[&](const gl::core::Progress&) { ++calls; }, [&](std::exception_ptr) { ++calls; }});
  REQUIRE(gl::test::destroyAndWait(frame));
  release = true;
  // The end arrives (it marks the task ended) and is dropped; the report, posted before it, likewise.
  REQUIRE(gl::test::pumpUntil([&] { return !task->running(); }));
  CHECK(calls == 0);
  task.reset();

  // The task goes first (its window closed it): it stops the work and waits; nothing arrives after.
  auto* other = new wxFrame(nullptr, wxID_ANY, "task");
  std::atomic<bool> reported{false}, stopped{false};
  auto running = std::make_unique<BackgroundTask>(*other, [&](const gl::core::Reporter& r) {
    while (!r.stopRequested()) {
      r.report({0, 0, 0});
      reported = true;
    }
    stopped = true;
  }, BackgroundTask::Hooks{[&](const gl::core::Progress&) {}, [&](std::exception_ptr) { ++calls; }});
  REQUIRE(gl::test::pumpUntil([&] { return reported.load(); }));  // the work is under way
  running.reset();
  CHECK(stopped);  // the destructor waited for the work
  REQUIRE(gl::test::delivered());  // what it posted before it stopped has come, and was dropped
  CHECK(calls == 0);
  CHECK(gl::test::destroyAndWait(other));
}

TEST_CASE("the progress window shows stages and a bar, and Cancel asks once and says it is stopping") {
  auto* frame = new wxFrame(nullptr, wxID_ANY, "task");
  frame->Show();
  {
    int cancels = 0;
    gl::app::ProgressDialog dialog(frame, "Sync", "Signing in", [&] { ++cancels; });
    dialog.show("Sending changes: 5 of 10", {5, 10, 1});
    CHECK(dialog.what() == "Sending changes: 5 of 10");
    dialog.show("Receiving changes", {7, 0, 2});  // no total: the bar pulses
    auto* cancel = dialog.FindWindow(wxID_CANCEL);
    REQUIRE(gl::test::clickButton(&dialog, wxID_CANCEL));
    REQUIRE(gl::test::clickButton(&dialog, wxID_CANCEL));
    CHECK(cancels == 1);
    CHECK(dialog.cancelling());
    CHECK_FALSE(cancel->IsEnabled());
    CHECK(dialog.what() != "Receiving changes");
    // The work ended before the window was shown: run() returns at once.
    dialog.finish();
    CHECK(dialog.run() == wxID_CANCEL);
  }
  CHECK(gl::test::destroyAndWait(frame));
}
