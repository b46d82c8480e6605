// The user's preferences kept between runs (~/.config/gridledger): the last ledger, the language.
#pragma once

#include <memory>

#include <wx/string.h>

class wxFileConfig;

namespace gl::app {

class AppSettings {
 public:
  // `file` empty: the per-user default location.
  explicit AppSettings(const wxString& file = {});
  ~AppSettings();

  wxString lastLedger() const;
  void setLastLedger(const wxString& path);
  wxString language() const;  // "zh_CN", "en" or "" (follow the system)
  void setLanguage(const wxString& language);

 private:
  std::unique_ptr<wxFileConfig> config_;
};

// The default folder for ledgers: $XDG_DATA_HOME/gridledger (the same place gridctl uses).
wxString defaultLedgerFolder();

}  // namespace gl::app
