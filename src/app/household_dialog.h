// A household's card: its grid, number, building / unit / room, address, kind, phone and notes.
// New households are inserted, edited ones updated with only the cells that changed. Problems are
// shown next to their fields; unsaved input is never dropped silently.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "db/ledger.h"

class wxChoice;
class wxFocusEvent;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

// Every grid of the ledger with a label that tells same-named grids apart ("田镇街道 东关社区 第1网格"),
// in the order of their codes. Two table scans: a county has a few thousand regions and grids.
struct GridChoice {
  std::string id;
  wxString label;
};
std::vector<GridChoice> gridChoices(const db::Ledger& ledger);

class HouseholdDialog : public wxDialog {
 public:
  // A new household, in `gridId` if given (the grid the list is filtered to).
  HouseholdDialog(wxWindow* parent, db::Ledger& ledger, const std::string& gridId = {});
  ~HouseholdDialog() override;

  // The fields from a household row (a new one has no id).
  void show(const db::Row& household);
  // The fields as cells of a household row.
  core::Cells collect() const;
  // Inserts the household, or updates the cells that changed: what Save does. False, with messages
  // beside the fields, when the ledger refuses it.
  bool save();
  const std::string& savedId() const { return savedId_; }

  void selectGrid(const std::string& gridId);
  std::string gridId() const;
  void selectKind(const std::string& code);
  std::string kindCode() const;
  wxChoice* gridChoice() const { return grid_; }
  wxChoice* kindChoice() const { return kind_; }
  wxTextCtrl* numberField() const { return number_; }
  wxTextCtrl* buildingField() const { return building_; }
  wxTextCtrl* unitField() const { return unit_; }
  wxTextCtrl* roomField() const { return room_; }
  wxTextCtrl* addressField() const { return address_; }
  wxTextCtrl* phoneField() const { return phone_; }
  wxTextCtrl* notesField() const { return notes_; }
  // The message shown next to a column's field ("" = the form's own line).
  wxString message(std::string_view column) const { return messages_.message(column); }
  bool isDirty() const { return dirty_; }

 private:
  void onLeavePhone(wxFocusEvent& e);
  void checkPhone();
  void relayout();
  void onCancel();

  db::Ledger& ledger_;
  std::string id_;
  std::string savedId_;
  core::Cells original_;  // the row as shown, to send only what changed
  std::vector<GridChoice> grids_;  // by choice index - 1 ([0] is "no grid")
  bool dirty_ = false;
  FieldMessages messages_{core::Table::Household};

  wxChoice* grid_ = nullptr;
  wxTextCtrl* number_ = nullptr;
  wxTextCtrl* building_ = nullptr;
  wxTextCtrl* unit_ = nullptr;
  wxTextCtrl* room_ = nullptr;
  wxTextCtrl* address_ = nullptr;
  wxChoice* kind_ = nullptr;
  wxTextCtrl* phone_ = nullptr;
  wxTextCtrl* notes_ = nullptr;
  wxStaticText* phoneMessage_ = nullptr;
  std::vector<wxStaticText*> messageLabels_;  // wrapped when long
};

}  // namespace gl::app
