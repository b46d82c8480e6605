// The main window's sync: the Sync button, F9 and the File menu's items, the background sync every
// few minutes when the ledger is signed in, and what the status bar says about it.
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include "app/main_frame.h"
#include "app/grid_tree.h"
#include "app/sync_dialog.h"
#include "app/sync_problems_dialog.h"
#include "app/sync_worker.h"
#include "core/error.h"
#include "text/describe.h"

namespace gl::app {

namespace {
constexpr int kEveryMs = 5 * 60 * 1000;
constexpr int kFirstMs = 15 * 1000;  // a first background sync soon after the window opens

wxString stageText(sync::Stage stage, std::int64_t done, std::int64_t total) {
  switch (stage) {
    case sync::Stage::SigningIn:
      return _("Signing in to the data center…");
    case sync::Stage::Pushing:
      // TRANSLATORS: sync progress; the numbers are changes sent so far and changes to send
      return total > 0 ? wxString::Format(_("Sending changes: %lld of %lld"), static_cast<long long>(done),
                                          static_cast<long long>(total))
                       : _("Sending changes…");
    case sync::Stage::Pulling:
      // TRANSLATORS: sync progress; the number is changes received so far
      return wxString::Format(_("Receiving changes: %lld"), static_cast<long long>(done));
  }
  return {};
}
}  // namespace

void MainFrame::bindSyncCommands() {
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { syncNow(); }, cmd::kSyncNow);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { syncNow(); }, cmd::kSyncNow);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onSyncSettings(); }, cmd::kSyncSettings);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onSyncProblems(); }, cmd::kSyncProblems);
  syncTimer_.SetOwner(this);
  pollTimer_.SetOwner(this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent& event) {
    if (event.GetTimer().GetId() == pollTimer_.GetId()) {
      if (syncWorker_ && syncWorker_->finished()) finishSync(false);
      return;
    }
    syncTimer_.Start(kEveryMs);
    auto setup = loadSyncSetup(*ledger_);
    if (setup.configured() && setup.signedIn && setup.automatic && !syncWorker_) startSync(false);
  });
  syncTimer_.StartOnce(kFirstMs);
}

void MainFrame::syncNow() {
  auto setup = loadSyncSetup(*ledger_);
  if (setup.configured() && setup.signedIn) startSync(true);
  else onSyncSettings();
}

void MainFrame::onSyncSettings() {
  SyncDialog dialog(this, *ledger_);
  if (dialog.ShowModal() != wxID_OK) return;
  startSync(true, dialog.setup().options);
}

void MainFrame::startSync(bool interactive) { startSync(interactive, loadSyncSetup(*ledger_).options); }

void MainFrame::startSync(bool interactive, const sync::SyncOptions& options) {
  if (syncWorker_) {
    if (interactive) wxMessageBox(_("A sync is already running."), _("Sync"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  syncWorker_ = std::make_unique<SyncWorker>(ledger_->path(), options);
  syncButton_->Disable();
  syncStatus_ = _("Syncing…");
  SetStatusText(syncStatus_, 2);
  if (!interactive) {
    pollTimer_.Start(300);
    return;
  }
  wxProgressDialog progress(_("Sync"), stageText(sync::Stage::SigningIn, 0, 0), 100, this,
                            wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
  while (!syncWorker_->finished()) {
    auto total = syncWorker_->total(), done = syncWorker_->done();
    wxString what = stageText(syncWorker_->stage(), done, total);
    bool going = total > 0 ? progress.Update(static_cast<int>(std::min<std::int64_t>(99, done * 100 / total)), what)
                           : progress.Pulse(what);
    if (!going) syncWorker_->cancel();
    wxMilliSleep(40);
  }
  progress.Hide();
  finishSync(true);
}

void MainFrame::finishSync(bool interactive) {
  pollTimer_.Stop();
  auto worker = std::move(syncWorker_);
  syncButton_->Enable();
  try {
    const auto& r = worker->result();
    // TRANSLATORS: status bar after a sync; %s is the time, the numbers are changes sent and received
    syncStatus_ = wxString::Format(_("Synced %s: sent %lld, received %lld"), wxDateTime::Now().Format("%H:%M"),
                                   static_cast<long long>(r.pushed), static_cast<long long>(r.pulled));
    bool problems = r.refused > 0 || r.duplicates > 0;
    if (problems) syncStatus_ += _(" — see Sync problems");
    if (r.pulled > 0 || r.removed > 0 || r.refused > 0) {
      tree_->reload();
      reloadAll();
    } else {
      updateStatus();
    }
    if (interactive && problems &&
        wxMessageBox(wxString::Format(_("The data center refused %lld changes and found %lld pairs of residents "
                                        "with one identity number. Show them?"),
                                      static_cast<long long>(r.refused), static_cast<long long>(r.duplicates)),
                     _("Sync"), wxYES_NO | wxICON_INFORMATION, this) == wxYES)
      onSyncProblems();
  } catch (const Error& e) {
    syncStatus_ = wxString::Format(_("Sync failed: %s"), wxString::FromUTF8(text::describe(e)));
    updateStatus();
    if (interactive)
      wxMessageBox(wxString::FromUTF8(text::describe(e)), _("Sync"), wxOK | wxICON_WARNING, this);
  }
}

void MainFrame::onSyncProblems() {
  SyncProblemsDialog dialog(this, *ledger_, loadSyncSetup(*ledger_).options);
  dialog.ShowModal();
}

}  // namespace gl::app
