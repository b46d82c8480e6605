#include "app/app_i18n.h"

#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include "text/gettext_setup.h"
#include "text/text.h"

namespace gl::app {

namespace {
wxString gCurrent = "en";
}

void setupTranslations(const wxString& language) {
  static bool localeSet = false;
  if (!localeSet) {
    wxUILocale::UseDefault();
    localeSet = true;
  }
  bool chinese = language.empty() ? gl::text::systemWantsChinese() : language.StartsWith("zh");
  auto* translations = new wxTranslations();
  wxTranslations::Set(translations);  // takes ownership, deletes the previous one
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(gl::text::findLocaleDir(nullptr)));
  translations->SetLanguage(chinese ? "zh_CN" : "en");
  translations->AddStdCatalog();
  translations->AddCatalog("gridledger");
  gCurrent = chinese ? "zh_CN" : "en";
  gl::text::setTranslators(
      [](const char* id) { return std::string(wxGetTranslation(wxString::FromUTF8(id)).utf8_str()); },
      [](const char* s, const char* p, unsigned long n) {
        return std::string(wxGetTranslation(wxString::FromUTF8(s), wxString::FromUTF8(p), n).utf8_str());
      });
}

wxString currentLanguage() { return gCurrent; }

}  // namespace gl::app
