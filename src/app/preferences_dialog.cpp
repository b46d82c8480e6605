#include "app/preferences_dialog.h"

#include <wx/choice.h>
#include <wx/xrc/xmlres.h>

namespace gl::app {

namespace {
const char* const kLanguages[] = {"", "zh_CN", "en"};  // in the order of the XRC choice
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, const wxString& language) {
  wxXmlResource::Get()->LoadDialog(this, parent, "PreferencesDialog");
  language_ = XRCCTRL(*this, "language", wxChoice);
  setLanguage(language);
  Fit();
}

wxString PreferencesDialog::language() const {
  int i = language_->GetSelection();
  return i >= 0 && i < 3 ? kLanguages[i] : "";
}

void PreferencesDialog::setLanguage(const wxString& language) {
  for (int i = 0; i < 3; ++i)
    if (language == kLanguages[i]) language_->SetSelection(i);
}

}  // namespace gl::app
