// Sync from the window against a real gridcenter on loopback TLS: F9 on a ledger that never synced
// opens the settings, Enter signs in and syncs with a progress window, the status bar says so; a
// background sync brings another ledger's edit in; the problems window lists a duplicate pair and a
// concurrent edit, which a county admin restores in one action; a data center that does not answer
// neither holds the problems window when it opens nor when it closes.
#include <doctest/doctest.h>

#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wx/frame.h>
#include <wx/stattext.h>

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "../sync/center_fixture.h"
#include "app/app_settings.h"
#include "app/main_frame.h"
#include "app/sync_dialog.h"
#include "app/sync_problems_dialog.h"
#include "db/sync_ledger.h"
#include "gui_support.h"

using gl::core::Table;
using gl::test::press;
using gl::test::shownWindow;

TEST_CASE("F9 signs a new ledger in and syncs it, a background sync brings others' edits, and sync problems are listed and restored") {
  gl::test::Center center;
  center.start();
  gl::test::GuiLedger g(8);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  auto& ledger = frame->ledger();
  REQUIRE(ledger.pendingChanges() > 0);
  auto dialog = [] { return shownWindow<gl::app::SyncDialog>(); };
  auto field = [&](const char* name) { return dynamic_cast<wxTextCtrl*>(dialog()->FindWindow(name)); };

  gl::test::KeyScript keys;
  keys.step("pointer over the window", [&] { gl::test::pointAt(frame); })
      .step("F9", [&] { return gl::test::hasKeyboard(frame); }, [] { press(WXK_F9); })
      .step("settings up", [&] { return dialog() != nullptr; },
            [&] {
              gl::test::pointAt(dialog());
              field("server")->SetValue(center.url());
              field("user")->SetValue("admin");
              field("password")->SetValue("Tk4#river-Moss");
              dynamic_cast<wxFilePickerCtrl*>(dialog()->FindWindow("caFile"))->SetPath(gl::test::Pki::get().ca);
              gl::test::screenshot("sync-dialog");
              field("password")->SetFocus();
            })
      .step("Enter syncs", [&] { return gl::test::hasKeyboard(dialog()); }, [] { press(WXK_RETURN); })
      .step("synced", [&] { return dialog() == nullptr && !frame->syncRunning() && !frame->syncStatus().empty(); },
            [] {});
  CHECK(keys.run(20000) == "");
  CHECK(ledger.pendingChanges() == 0);
  CHECK_MESSAGE(frame->GetStatusBar()->GetStatusText(2) == frame->syncStatus(), frame->syncStatus().utf8_string());
  gl::test::screenshot("sync-status");

  // Another county admin's ledger has it all; its edit comes back in a background sync.
  gl::test::Client other;
  other.sync(center.admin());
  std::string person = other.resident(0);
  other.ledger->update(Table::Resident, person, {{"notes", std::string("另一台电脑的修改")}});
  other.sync(center.admin());
  frame->startSync(false);
  CHECK(gl::test::pumpUntil([&] { return !frame->syncRunning(); }, 20000));
  CHECK(ledger.get(Table::Resident, person)->text("notes") == "另一台电脑的修改");

  // A second resident with the same identity number, and two edits of one cell neither saw.
  std::string household;
  other.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) { household = r.id; });
  auto twin = other.ledger->get(Table::Resident, person);
  other.ledger->insert(Table::Resident, {{"household", household}, {"name", std::string("重复的人")},
                                         {"id_number", twin->text("id_number")}});
  other.ledger->update(Table::Resident, person, {{"notes", std::string("甲的说法")}});
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ledger.update(Table::Resident, person, {{"notes", std::string("乙的说法")}});
  other.sync(center.admin());
  frame->startSync(false);
  CHECK(gl::test::pumpUntil([&] { return !frame->syncRunning(); }, 20000));
  CHECK(ledger.get(Table::Resident, person)->text("notes") == "乙的说法");

  {
    gl::app::SyncProblemsDialog problems(frame, ledger, gl::app::loadSyncSetup(ledger).options);
    problems.Show();
    // The concurrent edits arrive from the data center while the window is already open.
    CHECK(gl::test::pumpUntil([&] { return !problems.busy(); }, 20000));
    CHECK(problems.duplicateCount() >= 1);
    REQUIRE(problems.conflictCount() >= 1);
    gl::test::screenshot("sync-problems");
    auto* list = dynamic_cast<wxListCtrl*>(problems.FindWindow("conflicts"));
    list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    int conflicts = problems.conflictCount();
    CHECK(problems.restoreSelected());
    CHECK(!problems.restoreSelected());  // one request at a time
    CHECK(gl::test::pumpUntil([&] { return !problems.busy(); }, 20000));
    CHECK(problems.conflictCount() == conflicts - 1);
    // A county admin merges the pair: the second record goes, the first stays.
    auto* pairs = dynamic_cast<wxListCtrl*>(problems.FindWindow("duplicates"));
    pairs->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    CHECK(problems.settleSelected(true));
    CHECK(gl::test::pumpUntil([&] { return !problems.busy(); }, 20000));
    CHECK(problems.duplicateCount() == 0);
  }
  frame->startSync(false);
  CHECK(gl::test::pumpUntil([&] { return !frame->syncRunning(); }, 20000));
  CHECK(ledger.get(Table::Resident, person)->text("notes") == "甲的说法");
  int twins = 0;
  ledger.forEachRow(Table::Resident, [&](const gl::db::Row& r) { twins += r.text("id_number") == twin->text("id_number"); });
  CHECK(twins == 1);
  CHECK(gl::test::destroyAndWait(frame));
}

namespace {
// A TCP socket bound to a free loopback port, whose address goes to `addr`.
int loopbackSocket(sockaddr_in& addr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t size = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  return fd;
}
}  // namespace

TEST_CASE("the sync problems window opens at once when the data center does not answer, and closes at once") {
  // A port that takes the connection and never answers (TLS waits for the server's hello).
  sockaddr_in addr{};
  int silent = loopbackSocket(addr);
  REQUIRE(listen(silent, 4) == 0);

  gl::test::GuiLedger g(3);
  auto ledger = g.take();
  std::string server = fmt::format("https://127.0.0.1:{}", ntohs(addr.sin_port));
  gl::db::SyncLedger(*ledger).saveAccount({server, "leader", "some-token", "grid_leader", "370322", 0, 0, ""});
  gl::sync::SyncOptions options;
  options.server = server;
  options.user = "leader";
  auto closing = std::chrono::steady_clock::now();
  wxWeakRef<wxWindow> frameRef;
  {
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "problems");
    frameRef = frame;
    gl::app::SyncProblemsDialog problems(frame, *ledger, options);
    REQUIRE(gl::test::show(&problems));
    // The window is up and usable while the data center is still being asked.
    CHECK(problems.busy());
    auto* status = dynamic_cast<wxStaticText*>(problems.FindWindow("status"));
    REQUIRE(status);
    CHECK(!status->GetLabel().empty());
    gl::test::screenshot("sync-problems-asking");
    problems.Hide();
    frame->Destroy();
    closing = std::chrono::steady_clock::now();
  }
  // Closing stopped the request instead of waiting out libcurl's 15 s connect timeout (it is polled
  // about once a second): a bound on behaviour, far from any speed figure.
  CHECK(std::chrono::steady_clock::now() - closing < std::chrono::seconds(8));
  // The frame goes at idle time, after the window (on the stack) that it was the parent of.
  CHECK(gl::test::gone(frameRef));
  close(silent);
}

TEST_CASE("a duplicate pair whose other record is outside the grids says only that, and is left to a grid leader") {
  // A port nobody listens on: the window's question to the data center fails at once.
  sockaddr_in addr{};
  close(loopbackSocket(addr));

  gl::test::GuiLedger g(3);
  auto ledger = g.take();
  std::string mine;
  ledger->forEachRow(Table::Resident, [&](const gl::db::Row& r) { if (mine.empty()) mine = r.id; });
  std::string server = fmt::format("https://127.0.0.1:{}", ntohs(addr.sin_port));
  gl::db::SyncLedger(*ledger).saveAccount({server, "leader", "some-token", "grid_leader", "370322", 0, 0, ""});
  gl::db::SyncLedger(*ledger).setDuplicates({{mine, ""}});
  gl::sync::SyncOptions options;
  options.server = server;
  options.user = "leader";
  wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "problems");
  {
    gl::app::SyncProblemsDialog problems(frame, *ledger, options);
    REQUIRE(gl::test::show(&problems));
    CHECK(gl::test::pumpUntil([&] { return !problems.busy(); }, 20000));
    REQUIRE(problems.duplicateCount() == 1);
    auto* pairs = dynamic_cast<wxListCtrl*>(problems.FindWindow("duplicates"));
    REQUIRE(pairs);
    CHECK(pairs->GetItemText(0, 1).Contains(_("registered elsewhere in the county: ask your grid leader")));
    pairs->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    CHECK_FALSE(problems.settleSelected(true));
    auto* status = dynamic_cast<wxStaticText*>(problems.FindWindow("status"));
    REQUIRE(status);
    CHECK(status->GetLabel() == _("The other record is outside your grids: a grid leader who sees both settles the pair."));
    gl::test::screenshot("sync-problems-elsewhere");
    problems.Hide();
  }
  CHECK(gl::test::destroyAndWait(frame));
}
