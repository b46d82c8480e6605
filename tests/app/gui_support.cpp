#include "gui_support.h"

#include <cstdlib>
#include <random>

#include <wx/button.h>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include "core/identity.h"
#include "demo/demo.h"

namespace gl::test {

std::string residentId(const std::string& birth, const std::string& seq) {
  std::string first17 = "370322" + birth + seq;
  return first17 + core::gb11643CheckDigit(first17);
}

std::size_t liveRows(const db::Ledger& ledger, core::Table table) {
  std::size_t n = 0;
  ledger.forEachRow(table, [&](const db::Row&) { ++n; });
  return n;
}

KeyScript& KeyScript::step(std::string name, std::function<bool()> ready, std::function<void()> act) {
  steps_.push_back({std::move(name), std::move(ready), std::move(act)});
  return *this;
}

std::string KeyScript::run(int stepTimeoutMs) {
  std::size_t next = 0;
  std::string failed;
  auto since = std::chrono::steady_clock::now();
  bool busy = false;
  wxTimer timer;
  timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    if (busy || next >= steps_.size() || !failed.empty()) return;
    busy = true;
    Step& s = steps_[next];
    if (!s.ready || s.ready()) {
      if (s.act) s.act();
      ++next;
      since = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - since > std::chrono::milliseconds(stepTimeoutMs)) {
      failed = s.name;
      // A form left open would keep its modal loop (and this test) running for ever.
      screenshot("failed-step");
      for (wxWindow* w : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal()) dialog->EndModal(wxID_CANCEL);
    }
    busy = false;
  });
  timer.Start(60);
  // Modal forms run their own loops inside these Yields; the timer keeps ticking in them.
  while (next < steps_.size() && failed.empty()) pump(20);
  timer.Stop();
  pump(100);
  return failed;
}

wxWindow* findShown(const std::function<bool(wxWindow*)>& is) {
  for (wxWindow* w : wxTopLevelWindows)
    if (w->IsShown() && is(w)) return w;
  return nullptr;
}

void pointAt(wxWindow* window, wxPoint offset) {
  wxUIActionSimulator sim;
  sim.MouseMove(window->GetScreenRect().GetPosition() + offset);  // by default clear of lists that pop up
}

bool hasKeyboard(wxWindow* window) {
  // Not IsActive(): without a window manager GTK does not always tell a window (a modal form, seen here)
  // that it has the focus, and the keys reach it all the same.
  wxWindow* top = window ? wxGetTopLevelParent(window) : nullptr;
  wxWindow* under = wxFindWindowAtPoint(wxGetMousePosition());
  return top && top->IsShown() && under && wxGetTopLevelParent(under) == top;
}

bool focus(wxWindow* window, wxPoint offset) {
  pointAt(window, offset);
  window->SetFocus();
  // The focus within its window (FindFocus() names it as soon as SetFocus() is called), and the pointer
  // over that window (the keys follow the pointer).
  return pumpUntil([window] {
    wxWindow* focused = wxWindow::FindFocus();
    return hasKeyboard(window) && focused && (focused == window || window->IsDescendant(focused));
  });
}

bool clickButton(wxWindow* window, int id) {
  auto* button = window ? wxDynamicCast(window->FindWindow(id), wxButton) : nullptr;
  if (!button) return false;
  wxCommandEvent click(wxEVT_BUTTON, id);
  click.SetEventObject(button);
  button->ProcessWindowEvent(click);
  return true;
}

void press(int key, int modifiers) {
  wxUIActionSimulator sim;
  sim.Char(key, modifiers);
}

void typeText(const char* text) {
  wxUIActionSimulator sim;
  sim.Text(text);
}

void pump(int ms) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  do {
    wxTheApp->Yield(true);
    wxMilliSleep(5);
  } while (std::chrono::steady_clock::now() < end);
}

bool pumpUntil(const std::function<bool()>& done, int ms) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!done() && std::chrono::steady_clock::now() < end) pump(5);
  return done();
}

bool pumpUntilSteady(const std::function<std::size_t()>& count, int quietMs, int ms) {
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto end = now() + std::chrono::milliseconds(ms);
  std::size_t last = count();
  auto since = now();
  while (now() - since < std::chrono::milliseconds(quietMs)) {
    if (now() >= end) return false;
    pump(5);
    if (count() != last) {
      last = count();
      since = now();
    }
  }
  return true;
}

bool delivered(int ms) {
  return pumpUntil([] { return !wxTheApp->HasPendingEvents(); }, ms);
}

bool show(wxWindow* window, int ms) {
  bool drawn = false;
  auto painted = [&drawn](wxPaintEvent& e) {
    drawn = true;
    e.Skip();  // the window paints itself as ever
  };
  window->Bind(wxEVT_PAINT, painted);
  window->Show();
  bool ok = pumpUntil([&drawn] { return drawn; }, ms);
  window->Unbind(wxEVT_PAINT, painted);
  return ok;
}

bool destroyAndWait(wxWindow* window, int ms) {
  wxWeakRef<wxWindow> ref(window);
  window->Destroy();
  return gone(ref, ms);
}

bool gone(const wxWeakRef<wxWindow>& window, int ms) {
  // A top-level window leaves wxTopLevelWindows in its destructor, before the weak reference clears.
  return pumpUntil([&window] { return !window; }, ms);
}

void screenshot(const std::string& name) {
  pump(200);
  // One folder per language the suite runs in (screenshots/zh_CN, screenshots/en).
  const char* language = std::getenv("GL_GUI_LANG");
  auto dir = std::filesystem::path(GL_SCREENSHOT_DIR) / (language ? language : "zh_CN");
  std::filesystem::create_directories(dir);
  std::string cmd = "import -window root '" + (dir / (name + ".png")).string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    // No ImageMagick or no display: screenshots are for people, not for passing tests.
  }
}

GuiLedger::GuiLedger(long long demoHouseholds) {
  std::random_device rd;
  dir = std::filesystem::temp_directory_path() / ("gl-gui-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  ledger = db::Ledger::open(file(), db::Ledger::Mode::CreateNew);
  ledger->setToday(core::Date{2022, 11, 20});
  ledger->initialize(demo::kDemoCountyCode, demo::kDemoCountyName);
  if (demoHouseholds > 0) demo::generate(*ledger, {demoHouseholds, 5});
}

GuiLedger::~GuiLedger() {
  ledger.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace gl::test
