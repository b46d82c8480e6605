// First start (and File → New ledger): create a ledger for the user's county, open the demo
// ledger, or open an existing file. Problems are shown in the dialog, which stays open.
#pragma once

#include <filesystem>
#include <memory>

#include <wx/dialog.h>

#include "db/ledger.h"

class wxFilePickerCtrl;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class FirstStartDialog : public wxDialog {
 public:
  enum class Choice { CreateNew, OpenDemo, OpenExisting };

  // `suggestedPath`: where a new ledger goes (the --db option); empty for the default folder.
  FirstStartDialog(wxWindow* parent, const wxString& suggestedPath);

  Choice choice() const;
  // Creates or opens the chosen ledger. The demo county is generated on its first opening, in the
  // background with a progress window; nullptr when the user cancelled that (no file is left).
  std::unique_ptr<db::Ledger> createLedger();

  // The form's fields, for tests and the OK handler.
  wxTextCtrl* countyCode() const { return code_; }
  wxTextCtrl* countyName() const { return name_; }
  void choose(Choice c);
  wxString problem() const;  // the message shown next to the fields, "" when none
  bool validate();

 private:
  void updateEnabled();
  // Fills the new demo ledger at `path` on a BackgroundTask; false when cancelled. Throws its error.
  bool fillDemo(const std::filesystem::path& path);

  wxString suggestedPath_;
  wxRadioButton* createNew_ = nullptr;
  wxRadioButton* openDemo_ = nullptr;
  wxRadioButton* openExisting_ = nullptr;
  wxTextCtrl* code_ = nullptr;
  wxTextCtrl* name_ = nullptr;
  wxFilePickerCtrl* file_ = nullptr;
  wxStaticText* problem_ = nullptr;
};

}  // namespace gl::app
