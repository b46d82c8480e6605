// Helpers for the GUI suite: waiting on what simulated input brings about, screenshots, a demo ledger.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/testing.h>
#include <wx/weakref.h>

#include "db/ledger.h"

namespace gl::test {

// Processes pending events for about `ms` milliseconds (tests only: the product never yields). The
// building block of the waits below; tests wait for what they need, not for a time.
void pump(int ms = 50);
// Pumps until `done` is true or `ms` pass; returns done() (REQUIRE or CHECK it: a wait that never
// ends is a failure).
[[nodiscard]] bool pumpUntil(const std::function<bool()>& done, int ms = 3000);
// Pumps until `count()` has stayed the same for `quietMs`; false if it still changes after `ms`. Only
// for a list that reads its rows as GTK draws them: GTK says nowhere that it has finished drawing.
[[nodiscard]] bool pumpUntilSteady(const std::function<std::size_t()>& count, int quietMs, int ms = 3000);
// Pumps until nothing is queued for the application (CallAfter's calls included): whatever a worker
// posted before it ended has been delivered, or dropped.
[[nodiscard]] bool delivered(int ms = 3000);

// Shows a top-level window and pumps until it has been drawn (its first paint event): X has it on
// the screen, where the pointer and the keys reach it. Returns whether it was drawn.
[[nodiscard]] bool show(wxWindow* window, int ms = 3000);
// Destroys a top-level window and pumps until wx has deleted it (at idle time, when it also leaves
// wxTopLevelWindows), so that the next step or test starts without it; returns whether it went.
[[nodiscard]] bool destroyAndWait(wxWindow* window, int ms = 3000);
// Pumps until a window destroyed earlier has been deleted (its weak reference cleared).
[[nodiscard]] bool gone(const wxWeakRef<wxWindow>& window, int ms = 3000);
// Saves the whole X screen as <build>/screenshots/<name>.png (for looking, not asserting).
void screenshot(const std::string& name);

// An 18-digit resident identity number of 高青县 with its GB 11643 check digit: born `birth`
// (YYYYMMDD), sequence `seq` (odd = male, even = female).
std::string residentId(const std::string& birth, const std::string& seq);

// How many live rows a table has (counted row by row, not from the ledger's own counters).
std::size_t liveRows(const db::Ledger& ledger, core::Table table);

// Keyboard steps that must also run while a modal form has its own event loop: a timer takes the
// steps in turn, each waiting until it is `ready` (a form is up, a list has filled) and then acting
// (keys pressed through wxUIActionSimulator). run() pumps until every step has acted or one waited
// too long, and returns "" or the name of the step that never became ready.
class KeyScript {
 public:
  KeyScript& step(std::string name, std::function<bool()> ready, std::function<void()> act);
  KeyScript& step(std::string name, std::function<void()> act) { return step(std::move(name), {}, std::move(act)); }
  std::string run(int stepTimeoutMs = 5000);

 private:
  struct Step {
    std::string name;
    std::function<bool()> ready;
    std::function<void()> act;
  };
  std::vector<Step> steps_;
};

// The shown top-level window of type T (a form opened by a shortcut), or nullptr.
template <class T>
T* shownWindow();
wxWindow* findShown(const std::function<bool(wxWindow*)>& is);
template <class T>
T* shownWindow() {
  return static_cast<T*>(findShown([](wxWindow* w) { return dynamic_cast<T*>(w) != nullptr; }));
}

// A message box answered with `answer` (wxYES, wxNO) inside wxTEST_DIALOG, noting in `asked` that it
// came: a key that brings one up is pressed, then the test pumps until it was asked.
class AnswerMessage : public wxExpectModal<wxMessageDialog> {
 public:
  AnswerMessage(int answer, bool* asked) : wxExpectModal(answer), asked_(asked) {}

 protected:
  int OnInvoked(wxMessageDialog* dialog) const override {
    *asked_ = true;
    return wxExpectModal::OnInvoked(dialog);
  }

 private:
  bool* asked_;
};

// Without a window manager X gives the keyboard to the window under the pointer: the pointer is
// moved over `window`, `offset` from its top left (standing in for the window manager's focus), never
// clicked.
void pointAt(wxWindow* window, wxPoint offset = wxPoint(2, 2));
// Whether keys pressed now reach the top-level window holding `window`: it is the shown window under
// the pointer.
bool hasKeyboard(wxWindow* window);
// Gives `window` the keyboard as a user would: the pointer over it (see pointAt), then SetFocus.
// Pumps until its top-level window has the keyboard and the focus is in `window`; returns whether.
[[nodiscard]] bool focus(wxWindow* window, wxPoint offset = wxPoint(5, 5));
// A key (wx key code or character, with wxMOD_* modifiers) and ASCII text, through XTest.
void press(int key, int modifiers = 0);
void typeText(const char* text);
// Clicks the button `id` of `window` as its click event (no pointer needed); false when there is none.
bool clickButton(wxWindow* window, int id);

// A temporary folder holding a ledger, removed afterwards.
struct GuiLedger {
  std::filesystem::path dir;
  std::unique_ptr<db::Ledger> ledger;
  explicit GuiLedger(long long demoHouseholds = 0);
  ~GuiLedger();
  std::filesystem::path file() const { return dir / "gui.gridledger"; }
  // Hands the ledger over (to a MainFrame); the files stay until the destructor.
  std::unique_ptr<db::Ledger> take() { return std::move(ledger); }
};

// One tab alone in a frame of the main window's size, on a demo ledger, loaded as the main window
// loads a tab when it is first shown; `changes` counts the tab's own changes (each reloads it).
template <class Panel>
struct PanelInFrame {
  GuiLedger g;
  wxFrame* frame = nullptr;
  Panel* panel = nullptr;
  int changes = 0;

  PanelInFrame(const char* title, wxSize size, long long households = 300) : g(households) {
    frame = new wxFrame(nullptr, wxID_ANY, title, wxPoint(0, 0), size);
    panel = new Panel(frame, *g.ledger, [this] {
      ++changes;
      panel->reload();
    });
    panel->reload();
    CHECK(show(frame));
    frame->Raise();
  }
  ~PanelInFrame() { CHECK(destroyAndWait(frame)); }
  PanelInFrame(const PanelInFrame&) = delete;
  PanelInFrame& operator=(const PanelInFrame&) = delete;
};

}  // namespace gl::test
