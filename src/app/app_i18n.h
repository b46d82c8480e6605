// The window's languages: wx's own catalog (stock buttons) and ours, through wxTranslations, with
// gl_text's hook pointed at wxGetTranslation so library messages follow the same choice.
#pragma once

#include <wx/string.h>

namespace gl::app {

// language: "zh_CN", "en" or "" for the system's. Call again to switch (new windows pick it up).
void setupTranslations(const wxString& language);
wxString currentLanguage();  // "zh_CN" or "en"

}  // namespace gl::app
