// A modal window for work the user waits for (forms/progress_dialog.xrc): what is being done, a bar
// (or a pulse while the total is not known) and Cancel. It only shows what a BackgroundTask reports:
// the task's hooks call show() and finish(); Cancel, Escape and the close box call `onCancel` once
// and say that the work is stopping. docs/architecture.md §3.
#pragma once

#include <functional>

#include <wx/dialog.h>

#include "core/progress.h"

class wxGauge;
class wxStaticText;

namespace gl::app {

class ProgressDialog : public wxDialog {
 public:
  ProgressDialog(wxWindow* parent, const wxString& title, const wxString& what, std::function<void()> onCancel);

  void show(const wxString& what, const core::Progress& progress);
  // Shows the window modally until finish(); at once when the work has already ended. wxID_OK, or
  // wxID_CANCEL when the user cancelled.
  int run();
  // The work ended: run() returns.
  void finish();
  bool cancelling() const { return cancelling_; }
  wxString what() const;

 private:
  void cancel();

  std::function<void()> onCancel_;
  bool cancelling_ = false;
  bool finished_ = false;
  wxStaticText* what_ = nullptr;
  wxGauge* gauge_ = nullptr;
};

}  // namespace gl::app
