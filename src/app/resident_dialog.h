// A person's card in a household. Typing the identity number checks it as you type (core::checkId):
// a valid number fills the birth date, the sex and the document type and says what it read; an
// invalid one says why next to the field. After a new person is saved, "Save and add another" keeps
// the dialog open for the next member of the same household. Unsaved input is never dropped silently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "core/columns.h"
#include "db/ledger.h"

class wxCheckBox;
class wxFocusEvent;
class wxChoice;
class wxComboBox;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class ResidentDialog : public wxDialog {
 public:
  // A new member of `householdId`.
  ResidentDialog(wxWindow* parent, db::Ledger& ledger, const std::string& householdId);
  ~ResidentDialog() override;

  // The fields from a resident row (a new one has no id); the household is the row's.
  void show(const db::Row& resident);
  // The fields as cells of a resident row (dates in ISO when they can be read, else as typed).
  core::Cells collect() const;
  // Inserts the person, or updates the cells that changed: what Save does. False, with messages
  // beside the fields, when the ledger refuses it (nothing is written then).
  bool save();
  // Saves a new person and empties the person's fields for the next member (what "Save and add
  // another" does); the household's ethnicity and residence status stay as they were.
  bool saveAndAddAnother();
  // The person written by the last successful save, and how many were saved while the dialog was open.
  const std::string& savedId() const { return savedId_; }
  int savedCount() const { return savedCount_; }

  // What typing in the identity number field does (its wxEVT_TEXT): from 15 characters on (any
  // length when `leaving` the field), checks the number, fills birth date, sex and document type when
  // it is valid, and shows what was read or what is wrong next to the field.
  void checkIdNumber(bool leaving = false);

  wxTextCtrl* nameField() const { return name_; }
  wxTextCtrl* idNumberField() const { return idNumber_; }
  wxChoice* idTypeChoice() const { return idType_; }
  wxChoice* sexChoice() const { return sex_; }
  wxTextCtrl* birthDateField() const { return birthDate_; }
  wxComboBox* ethnicityField() const { return ethnicity_; }
  wxTextCtrl* phoneField() const { return phone_; }
  wxComboBox* relationField() const { return relation_; }
  wxChoice* residenceChoice() const { return residence_; }
  wxCheckBox* careFlag(std::string_view code) const;
  wxTextCtrl* notesField() const { return notes_; }
  std::string sexCode() const;
  std::string idTypeCode() const;
  std::string residenceCode() const;
  std::string careFlags() const;  // comma-separated codes, as stored
  // What the number was read as ("居民身份证 · 1960-01-01 · 女"), "" when nothing was read.
  wxString idInfo() const;
  // The message shown next to a column's field ("" = the form's own line).
  wxString message(std::string_view column) const { return messages_.message(column); }
  bool isDirty() const { return dirty_; }

 private:
  // The constructor's steps: look the form's controls up, fill the lists, bind the events.
  void loadControls();
  void fillChoices();
  void bindEvents();
  void onLeaveField(wxFocusEvent& e);
  void clearPerson();
  void checkField(core::Column column, wxWindow* field, wxStaticText* label);
  bool write();
  void relayout();
  void onCancel();

  db::Ledger& ledger_;
  std::string id_;
  std::string householdId_;
  std::string savedId_;
  int savedCount_ = 0;
  core::Cells original_;
  // What the identity number filled in (birth date, sex code, document type code), to take back.
  wxString filledBirth_;
  std::string filledSex_, filledIdType_;
  bool dirty_ = false;
  FieldMessages messages_{core::Table::Resident};

  wxStaticText* household_ = nullptr;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* idNumber_ = nullptr;
  wxStaticText* idInfo_ = nullptr;
  wxStaticText* idMessage_ = nullptr;
  wxChoice* idType_ = nullptr;
  wxChoice* sex_ = nullptr;
  wxTextCtrl* birthDate_ = nullptr;
  wxStaticText* personMessage_ = nullptr;
  wxComboBox* ethnicity_ = nullptr;
  wxTextCtrl* phone_ = nullptr;
  wxStaticText* phoneMessage_ = nullptr;
  wxComboBox* relation_ = nullptr;
  wxChoice* residence_ = nullptr;
  wxPanel* carePanel_ = nullptr;        // holds careFlags_
  std::vector<wxCheckBox*> careFlags_;  // by core::codes::kCareFlags
  wxTextCtrl* notes_ = nullptr;
  wxStaticText* general_ = nullptr;
  wxWindow* saveAnother_ = nullptr;
  std::vector<wxStaticText*> messageLabels_;  // wrapped when long
};

}  // namespace gl::app
