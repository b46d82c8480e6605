// One health check in detail (opened from a cell of the check sheet): the date and time of day, the
// temperature, symptoms and the nucleic-acid test result. The check sheet is for typing temperatures
// fast; this dialog is for the rest of a check and for corrections. One save is one ledger call.
#pragma once

#include <string>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "db/ledger.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class HealthCheckDialog : public wxDialog {
 public:
  // The check of `person`'s case on `on` in `slot` (0 = morning), loaded when it exists.
  HealthCheckDialog(wxWindow* parent, db::Ledger& ledger, const db::CheckSheetRow& person, core::Date on, int slot);

  // The temperature, symptoms and test result of a health_check row (an empty row clears them).
  void show(const db::Row& check);
  // The fields as cells of a health_check row (temperature as typed: the ledger normalizes it).
  core::Cells collect() const;
  // Records the check (updates the one at that date and slot, or adds it). False, with the reasons
  // beside the fields, when refused.
  bool save();
  const std::string& savedId() const { return savedId_; }

  wxTextCtrl* dateField() const { return date_; }
  wxChoice* slotChoice() const { return slot_; }
  wxTextCtrl* temperatureField() const { return temperature_; }
  wxTextCtrl* symptomsField() const { return symptoms_; }
  wxChoice* testResultChoice() const { return testResult_; }
  wxString message(std::string_view column) const { return messages_.message(column); }
  bool isDirty() const { return dirty_; }

 private:
  std::optional<core::Date> checkDate(bool showIssue);
  std::string existingCheck(core::Date on, int slot) const;
  void loadCheck();
  void checkTemperature();
  void onCancel();

  db::Ledger& ledger_;
  db::CheckSheetRow person_;
  core::Date caseStart_, caseEnd_;
  std::string savedId_;
  bool dirty_ = false;
  bool valuesTouched_ = false;  // temperature, symptoms or test result typed by the user
  FieldMessages messages_{core::Table::HealthCheck};

  wxStaticText* personLabel_ = nullptr;
  wxTextCtrl* date_ = nullptr;
  wxChoice* slot_ = nullptr;
  wxTextCtrl* temperature_ = nullptr;
  wxTextCtrl* symptoms_ = nullptr;
  wxChoice* testResult_ = nullptr;
  wxStaticText* general_ = nullptr;
};

}  // namespace gl::app
