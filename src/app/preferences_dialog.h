// Preferences: the language of the window (follow the system, Chinese or English).
#pragma once

#include <wx/dialog.h>

class wxChoice;

namespace gl::app {

class PreferencesDialog : public wxDialog {
 public:
  PreferencesDialog(wxWindow* parent, const wxString& language);
  wxString language() const;  // "", "zh_CN" or "en"
  void setLanguage(const wxString& language);

 private:
  wxChoice* language_ = nullptr;
};

}  // namespace gl::app
