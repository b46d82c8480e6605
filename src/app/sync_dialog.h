// Sync settings and "Sync now": the data center's address, the account, the password (only to sign
// in; the ledger keeps the token, never the password), the county's CA certificate, and whether the
// window syncs by itself every few minutes. Kept in the ledger's settings.
#pragma once

#include <wx/dialog.h>

#include "db/ledger.h"
#include "sync/sync_client.h"

class wxCheckBox;
class wxFilePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

// What the window needs to sync: the options (without a password unless one was just typed) and
// whether it syncs by itself.
struct SyncSetup {
  sync::SyncOptions options;
  bool automatic = true;
  // The ledger has a server, a user and a token for them: a sync needs no password.
  bool signedIn = false;
  bool configured() const { return !options.server.empty() && !options.user.empty(); }
};

SyncSetup loadSyncSetup(db::Ledger& ledger);
void saveSyncSetup(db::Ledger& ledger, const SyncSetup& setup);

class SyncDialog : public wxDialog {
 public:
  SyncDialog(wxWindow* parent, db::Ledger& ledger);
  // After OK: the settings (saved in the ledger) and the password typed, if any.
  const SyncSetup& setup() const { return setup_; }

 private:
  bool accept();

  db::Ledger& ledger_;
  SyncSetup setup_;
  wxTextCtrl* server_ = nullptr;
  wxTextCtrl* user_ = nullptr;
  wxTextCtrl* password_ = nullptr;
  wxFilePickerCtrl* caFile_ = nullptr;
  wxCheckBox* automatic_ = nullptr;
  wxStaticText* status_ = nullptr;
};

}  // namespace gl::app
