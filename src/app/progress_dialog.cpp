#include "app/progress_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

namespace gl::app {

ProgressDialog::ProgressDialog(wxWindow* parent, const wxString& title, const wxString& what,
                               std::function<void()> onCancel)
    : onCancel_(std::move(onCancel)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ProgressDialog");
  SetTitle(title);
  what_ = XRCCTRL(*this, "what", wxStaticText);
  gauge_ = XRCCTRL(*this, "gauge", wxGauge);
  what_->SetLabel(what);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); }, wxID_CANCEL);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    if (e.CanVeto()) e.Veto();  // the window goes when the work has ended, not before
    cancel();
  });
  SetEscapeId(wxID_CANCEL);
  Fit();
  CentreOnParent();
}

void ProgressDialog::show(const wxString& what, const core::Progress& progress) {
  if (cancelling_) return;
  if (what_->GetLabel() != what) what_->SetLabel(what);
  if (progress.total > 0)
    gauge_->SetValue(static_cast<int>(std::clamp<std::int64_t>(progress.done * 1000 / progress.total, 0, 1000)));
  else
    gauge_->Pulse();
}

int ProgressDialog::run() {
  if (finished_) return cancelling_ ? wxID_CANCEL : wxID_OK;
  return ShowModal();
}

void ProgressDialog::finish() {
  finished_ = true;
  if (IsModal()) EndModal(cancelling_ ? wxID_CANCEL : wxID_OK);
}

wxString ProgressDialog::what() const { return what_->GetLabel(); }

void ProgressDialog::cancel() {
  if (cancelling_) return;
  cancelling_ = true;
  what_->SetLabel(_("Stopping…"));
  FindWindow(wxID_CANCEL)->Disable();
  if (onCancel_) onCancel_();
}

}  // namespace gl::app
