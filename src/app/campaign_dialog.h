// A new screening campaign (forms/campaign_dialog.xrc): its name, the regions or grids it covers
// (the whole county by default) and its period.
#pragma once

#include <string>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "db/ledger.h"

class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class CampaignDialog : public wxDialog {
 public:
  CampaignDialog(wxWindow* parent, db::Ledger& ledger);

  core::Cells collect() const;
  // Checks the fields and writes the campaign (one transaction); problems go beside their fields.
  bool save();
  // The new campaign's id once saved, "" before.
  const std::string& savedId() const { return savedId_; }
  bool dirty() const { return dirty_; }

  // The fields, for tests.
  wxTextCtrl* nameField() const { return name_; }
  wxTextCtrl* scopeField() const { return scope_; }
  wxTextCtrl* startField() const { return start_; }
  wxTextCtrl* endField() const { return end_; }
  wxString message(std::string_view column) const { return messages_.message(column); }

 private:
  // Shows the message lines that have something to say and hides the others (no gaps).
  void tidyMessages();

  db::Ledger& ledger_;
  FieldMessages messages_{core::Table::Campaign};
  std::string savedId_;
  bool dirty_ = false;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* scope_ = nullptr;
  wxTextCtrl* start_ = nullptr;
  wxTextCtrl* end_ = nullptr;
  wxStaticText* scopeHint_ = nullptr;
  wxStaticText* nameMessage_ = nullptr;
  wxStaticText* scopeMessage_ = nullptr;
  wxStaticText* startMessage_ = nullptr;
  wxStaticText* endMessage_ = nullptr;
  wxStaticText* message_ = nullptr;
};

}  // namespace gl::app
