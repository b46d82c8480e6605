// The main window's sync: the Sync button, F9 and the File menu's items, the background sync every
// few minutes when the ledger is signed in, and what the status bar says about it.
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/msgdlg.h>

#include "app/main_frame.h"
#include "app/grid_tree.h"
#include "app/sync_dialog.h"
#include "app/sync_problems_dialog.h"
#include "app/progress_dialog.h"
#include "text/clock_text.h"

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
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    syncTimer_.Start(kEveryMs);
    auto setup = loadSyncSetup(*ledger_);
    if (setup.configured() && setup.signedIn && setup.automatic && !syncTask_) startSync(false);
  }, syncTimer_.GetId());
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

// The sync runs as a BackgroundTask on its own connection to the ledger. Interactive: a modal progress
// window with Cancel shows its stages until it ends; in the background only the status bar says so.
void MainFrame::startSync(bool interactive, const sync::SyncOptions& options) {
  if (syncTask_) {
    if (interactive) wxMessageBox(_("A sync is already running."), _("Sync"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  syncButton_->Disable();
  syncStatus_ = _("Syncing…");
  SetStatusText(syncStatus_, 2);
  std::optional<ProgressDialog> progress;
  if (interactive) progress.emplace(this, _("Sync"), stageText(sync::Stage::SigningIn, 0, 0), [this] {
    if (syncTask_) syncTask_->cancel();
  });
  syncProgress_ = progress ? &*progress : nullptr;
  auto work = [options](db::Ledger& ledger, const core::Reporter& reporter) {
    auto withProgress = options;
    withProgress.progress = reporter;
    return sync::synchronize(ledger, withProgress);
  };
  // Interactive: the outcome is shown once the progress window has gone; otherwise when it comes.
  struct Outcome {
    std::optional<sync::SyncResult> result;
    std::exception_ptr error;
  };
  auto outcome = std::make_shared<Outcome>();
  auto ended = [this, interactive, outcome](std::optional<sync::SyncResult> result, std::exception_ptr error) {
    syncTask_.reset();
    if (syncProgress_) {
      *outcome = {std::move(result), error};
      syncProgress_->finish();
      syncProgress_ = nullptr;
      return;
    }
    finishSync(interactive, std::move(result), error);
  };
  syncTask_ = BackgroundTask::start<sync::SyncResult>(
      *this, onLedger<sync::SyncResult>(ledger_->path(), work),
      [ended](sync::SyncResult&& r) { ended(std::move(r), nullptr); },
      [ended](std::exception_ptr e) { ended(std::nullopt, e); },
      [this](const core::Progress& p) {
        if (syncProgress_) syncProgress_->show(stageText(static_cast<sync::Stage>(p.stage), p.done, p.total), p);
      });
  if (!progress) return;
  progress->run();
  progress.reset();
  finishSync(true, std::move(outcome->result), outcome->error);
}

void MainFrame::finishSync(bool interactive, std::optional<sync::SyncResult> result, std::exception_ptr error) {
  syncButton_->Enable(!syncTask_);  // a background sync may have started while a message showed
  if (!result) {
    std::string why = failureText(error);
    syncStatus_ = wxString::Format(_("Sync failed: %s"), wxString::FromUTF8(why));
    updateStatus();
    if (interactive) wxMessageBox(wxString::FromUTF8(why), _("Sync"), wxOK | wxICON_WARNING, this);
    return;
  }
  const auto& r = *result;
  // TRANSLATORS: status bar after a sync; %s is the time, the numbers are changes sent and received
  syncStatus_ = wxString::Format(_("Synced %s: sent %lld, received %lld"), wxDateTime::Now().Format("%H:%M"),
                                 static_cast<long long>(r.pushed), static_cast<long long>(r.pulled));
  bool problems = r.refused > 0 || r.duplicates > 0;
  if (problems) syncStatus_ += _(" — see Sync problems");
  const wxString clock = wxString::FromUTF8(text::clockWarning(r.clockOffsetMs));
  if (!clock.empty()) syncStatus_ += " — " + clock;
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
  if (interactive && !clock.empty()) wxMessageBox(clock, _("Sync"), wxOK | wxICON_WARNING, this);
}

void MainFrame::onSyncProblems() {
  SyncProblemsDialog dialog(this, *ledger_, loadSyncSetup(*ledger_).options);
  dialog.ShowModal();
}

}  // namespace gl::app
