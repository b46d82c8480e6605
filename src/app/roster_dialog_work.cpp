// The roster dialog's background work (docs/architecture.md §3): one BackgroundTask at a time reads
// or saves the roster; a progress window with Cancel appears when it takes more than a moment.
#include <algorithm>

#include <wx/stattext.h>

#include "app/form_support.h"
#include "app/progress_dialog.h"
#include "app/roster_dialog.h"

namespace gl::app {

namespace {
wxString stageText(const core::Progress& p) {
  const auto done = static_cast<long long>(p.done), total = static_cast<long long>(p.total);
  switch (p.stage) {
    case report::kMaking:
      // TRANSLATORS: roster progress; the numbers are rows made so far and rows in all
      return wxString::Format(_("Making the rows: %lld of %lld"), done, total);
    case report::kWriting:
      // TRANSLATORS: roster progress; the numbers are the page being drawn and the pages in all
      return wxString::Format(_("Drawing page %lld of %lld"), done + 1, total);
    default:
      return _("Reading the ledger…");
  }
}
}  // namespace

void RosterDialog::inBackground(std::unique_ptr<BackgroundTask> task) {
  task_ = std::move(task);
  userCancelled_ = false;
  if (slow_.GetOwner() != this) {  // a wxTimer is its own owner until told otherwise
    slow_.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { showProgress(); }, slow_.GetId());
  }
  slow_.StartOnce(std::max(1, slowMs_));
}

void RosterDialog::showProgress() {
  if (!task_ || progress_ || IsBeingDeleted()) return;
  ProgressDialog dialog(this, GetTitle(), stageText({}), [this] {
    userCancelled_ = true;
    if (task_) task_->cancel();
  });
  progress_ = &dialog;
  dialog.run();
  progress_ = nullptr;
}

bool RosterDialog::ended() {
  task_.reset();
  slow_.Stop();
  if (progress_) progress_->finish();
  if (userCancelled_) rebuildAgain_ = false;  // Cancel stops what was asked meanwhile too
  if (!rebuildAgain_) return false;
  rebuildAgain_ = false;
  CallAfter([this] { rebuild(); });
  return !saving_;  // a save's outcome is still said; a build for controls that changed since is not shown
}

void RosterDialog::failed(std::exception_ptr error) {
  const bool cancelled = userCancelled_;
  if (ended()) return;
  if (cancelled) say(_("Cancelled."), false);
  else say(toWx(failureText(error)), true);
}

void RosterDialog::progressed(const core::Progress& progress) {
  if (progress_) progress_->show(stageText(progress), progress);
}

}  // namespace gl::app
