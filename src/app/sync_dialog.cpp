#include "app/sync_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/form_support.h"
#include "db/sync_ledger.h"

namespace gl::app {

namespace {
constexpr const char* kCaFile = "sync.ca_file";
constexpr const char* kAutomatic = "sync.automatic";
}  // namespace

SyncSetup loadSyncSetup(db::Ledger& ledger) {
  SyncSetup s;
  auto account = db::SyncLedger(ledger).account();
  s.options.server = account.server;
  s.options.user = account.account;
  s.options.caFile = ledger.setting(kCaFile).value_or("");
  s.automatic = ledger.setting(kAutomatic).value_or("1") == "1";
  s.signedIn = s.configured() && !account.token.empty();
  return s;
}

void saveSyncSetup(db::Ledger& ledger, const SyncSetup& s) {
  ledger.setSetting(kCaFile, s.options.caFile);
  ledger.setSetting(kAutomatic, s.automatic ? "1" : "0");
}

SyncDialog::SyncDialog(wxWindow* parent, db::Ledger& ledger) : ledger_(ledger), setup_(loadSyncSetup(ledger)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "SyncDialog");
  server_ = XRCCTRL(*this, "server", wxTextCtrl);
  user_ = XRCCTRL(*this, "user", wxTextCtrl);
  password_ = XRCCTRL(*this, "password", wxTextCtrl);
  caFile_ = XRCCTRL(*this, "caFile", wxFilePickerCtrl);
  automatic_ = XRCCTRL(*this, "automatic", wxCheckBox);
  status_ = XRCCTRL(*this, "status", wxStaticText);
  server_->SetValue(wxString::FromUTF8(setup_.options.server.empty() ? "https://" : setup_.options.server));
  user_->SetValue(wxString::FromUTF8(setup_.options.user));
  caFile_->SetPath(wxString::FromUTF8(setup_.options.caFile));
  automatic_->SetValue(setup_.automatic);
  if (setup_.signedIn) {
    password_->SetHint(_("Signed in: not needed"));
    status_->SetLabel(_("This ledger is signed in to the data center; a password is needed only for another account."));
  }
  bindFormKeys(this);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (accept()) EndModal(wxID_OK);
  }, wxID_OK);
  fitMessages(this, {status_}, 300);
  (setup_.configured() ? (setup_.signedIn ? static_cast<wxWindow*>(FindWindow(wxID_OK)) : password_) : server_)->SetFocus();
}

bool SyncDialog::accept() {
  std::string server = server_->GetValue().Strip(wxString::both).utf8_string();
  std::string user = user_->GetValue().Strip(wxString::both).utf8_string();
  std::string password = password_->GetValue().utf8_string();
  wxString problem;
  wxWindow* where = nullptr;
  if (server.rfind("https://", 0) != 0 || server.size() <= 8) {
    problem = _("The data center's address starts with https:// (for example https://sync.county.gov.cn:8443).");
    where = server_;
  } else if (user.empty()) {
    problem = _("The user name is required.");
    where = user_;
  } else if (password.empty() && !(setup_.signedIn && server == setup_.options.server && user == setup_.options.user)) {
    problem = _("The password is needed to sign in the first time.");
    where = password_;
  }
  if (where) {
    status_->SetLabel(problem);
    status_->SetForegroundColour(*wxRED);
    fitMessages(this, {status_}, 300);
    where->SetFocus();
    return false;
  }
  setup_.options.server = server;
  setup_.options.user = user;
  setup_.options.password = password;
  setup_.options.caFile = caFile_->GetPath().utf8_string();
  setup_.automatic = automatic_->GetValue();
  saveSyncSetup(ledger_, setup_);
  return true;
}

}  // namespace gl::app
