#include "app/app_settings.h"

#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace gl::app {

namespace {
wxString configPath(const wxString& file) {
  if (!file.empty()) return file;
  wxString base;
  if (!wxGetEnv("XDG_CONFIG_HOME", &base) || base.empty()) base = wxGetHomeDir() + "/.config";
  return base + "/gridledger/gridledger.ini";
}
}  // namespace

AppSettings::AppSettings(const wxString& file) {
  wxString path = configPath(file);
  wxFileName::Mkdir(wxFileName(path).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  config_ = std::make_unique<wxFileConfig>(wxString(), wxString(), path, wxString(), wxCONFIG_USE_LOCAL_FILE);
}

AppSettings::~AppSettings() { config_->Flush(); }

wxString AppSettings::lastLedger() const { return config_->Read("/ledger/last", wxString()); }

void AppSettings::setLastLedger(const wxString& path) {
  config_->Write("/ledger/last", path);
  config_->Flush();
}

wxString AppSettings::language() const { return config_->Read("/ui/language", wxString()); }

void AppSettings::setLanguage(const wxString& language) {
  config_->Write("/ui/language", language);
  config_->Flush();
}

wxString defaultLedgerFolder() {
  wxString base;
  if (!wxGetEnv("XDG_DATA_HOME", &base) || base.empty()) base = wxGetHomeDir() + "/.local/share";
  return base + "/gridledger";
}

}  // namespace gl::app
