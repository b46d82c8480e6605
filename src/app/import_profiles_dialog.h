// The saved import profiles (forms/import_profiles_dialog.xrc), from the import dialog's "Manage
// import profiles…": each profile's columns and the fields they go into, Rename… and Delete.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "db/ledger.h"
#include "exchange/import_profile.h"

class wxListBox;
class wxListCtrl;
class wxStaticText;

namespace gl::app {

class ImportProfilesDialog : public wxDialog {
 public:
  ImportProfilesDialog(wxWindow* parent, db::Ledger& ledger);

  // What the buttons do, callable by tests; false (and a message in the dialog) when refused.
  void select(const std::string& name);
  bool rename(const std::string& to);
  bool remove();  // after asking, unless `ask` is false
  bool ask = true;

  std::vector<std::string> names() const;
  wxListCtrl* columnList() const { return columns_; }
  wxString status() const;
  bool changed() const { return changed_; }

 private:
  void load(const std::string& select);
  void showSelected();
  std::string selected() const;
  void say(const wxString& text);

  db::Ledger& ledger_;
  std::vector<exchange::ImportProfile> profiles_;
  bool changed_ = false;
  wxListBox* names_ = nullptr;
  wxListCtrl* columns_ = nullptr;
  wxStaticText* status_ = nullptr;
};

}  // namespace gl::app
