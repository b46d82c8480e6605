#include "app/import_profiles_dialog.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/xrc/xmlres.h>

#include "app/form_support.h"
#include "app/import_fields.h"
#include "core/error.h"
#include "text/describe.h"

namespace gl::app {

ImportProfilesDialog::ImportProfilesDialog(wxWindow* parent, db::Ledger& ledger) : ledger_(ledger) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ImportProfilesDialog");
  names_ = XRCCTRL(*this, "names", wxListBox);
  columns_ = XRCCTRL(*this, "columns", wxListCtrl);
  status_ = XRCCTRL(*this, "status", wxStaticText);
  // TRANSLATORS: columns of the list of an import profile's columns
  columns_->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(150));
  columns_->AppendColumn(_("Goes into"), wxLIST_FORMAT_LEFT, FromDIP(200));
  names_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { showSelected(); });
  XRCCTRL(*this, "rename", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    std::string from = selected();
    if (from.empty()) return;
    wxTextEntryDialog entry(this, _("New name of the import profile:"), _("Rename import profile"), toWx(from));
    if (entry.ShowModal() == wxID_OK) rename(fromWx(entry.GetValue().Strip(wxString::both)));
  });
  XRCCTRL(*this, "delete", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
  XRCCTRL(*this, "close", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal()) EndModal(wxID_CLOSE);
    else Hide();
  });
  bindFormKeys(this);
  load({});
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void ImportProfilesDialog::load(const std::string& select) {
  profiles_ = exchange::loadProfiles(ledger_);
  names_->Clear();
  for (const auto& p : profiles_) names_->Append(toWx(p.name));
  int at = select.empty() ? wxNOT_FOUND : names_->FindString(toWx(select), true);
  if (at == wxNOT_FOUND && names_->GetCount() > 0) at = 0;
  if (at != wxNOT_FOUND) names_->SetSelection(at);
  if (profiles_.empty() && status_->GetLabel().empty()) say(_("No import profiles saved yet. Tick “Save this mapping as an import profile” when you import."));
  showSelected();
}

std::string ImportProfilesDialog::selected() const {
  int at = names_->GetSelection();
  return at == wxNOT_FOUND ? std::string() : fromWx(names_->GetString(static_cast<unsigned>(at)));
}

void ImportProfilesDialog::select(const std::string& name) {
  int at = names_->FindString(toWx(name), true);
  if (at != wxNOT_FOUND) names_->SetSelection(at);
  showSelected();
}

void ImportProfilesDialog::showSelected() {
  columns_->DeleteAllItems();
  const std::string name = selected();
  XRCCTRL(*this, "rename", wxButton)->Enable(!name.empty());
  XRCCTRL(*this, "delete", wxButton)->Enable(!name.empty());
  for (const auto& p : profiles_) {
    if (p.name != name) continue;
    for (const auto& [header, field] : p.columns) {
      long item = columns_->InsertItem(columns_->GetItemCount(), toWx(header));
      columns_->SetItem(item, 1, importFieldText(exchange::fieldByName(field)));
    }
  }
}

bool ImportProfilesDialog::rename(const std::string& to) {
  const std::string from = selected();
  if (from.empty()) return false;
  try {
    exchange::renameProfile(ledger_, from, to);
  } catch (const gl::Error& e) {
    say(toWx(text::describe(e)));
    return false;
  }
  changed_ = true;
  // TRANSLATORS: %1$s the old name of an import profile, %2$s its new name
  say(wxString::Format(_("“%1$s” is now “%2$s”."), toWx(from), toWx(to)));
  load(to);
  return true;
}

bool ImportProfilesDialog::remove() {
  const std::string name = selected();
  if (name.empty()) return false;
  // TRANSLATORS: %s is the name of an import profile
  wxString question = wxString::Format(_("Delete the import profile “%s”? Files with its columns will then be "
                                         "mapped by the dictionary again."),
                                       toWx(name));
  if (ask && wxMessageBox(question, _("Delete import profile"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
    return false;
  try {
    exchange::deleteProfile(ledger_, name);
  } catch (const gl::Error& e) {
    say(toWx(text::describe(e)));
    return false;
  }
  changed_ = true;
  // TRANSLATORS: %s is the name of an import profile
  say(wxString::Format(_("“%s” deleted."), toWx(name)));
  load({});
  return true;
}

std::vector<std::string> ImportProfilesDialog::names() const {
  std::vector<std::string> out;
  for (unsigned i = 0; i < names_->GetCount(); ++i) out.push_back(fromWx(names_->GetString(i)));
  return out;
}

void ImportProfilesDialog::say(const wxString& text) {
  status_->SetLabel(text);
  status_->Wrap(FromDIP(480));
  Layout();
}

wxString ImportProfilesDialog::status() const { return status_->GetLabel(); }

}  // namespace gl::app
