// Starting (or correcting) a quarantine case for one person: the policy fills the kind and the planned
// end from the start date (core::plannedEnd), so a worker usually picks a policy, checks the dates and
// presses Enter. Problems are shown next to their fields; unsaved input is never dropped silently.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "core/columns.h"
#include "db/ledger.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class QuarantineDialog : public wxDialog {
 public:
  // A new case for `residentId` starting on the ledger's today.
  QuarantineDialog(wxWindow* parent, db::Ledger& ledger, const std::string& residentId);

  // The fields from a quarantine row (a new one has no id); the person is the row's resident.
  void show(const db::Row& quarantine);
  // The fields as cells of a quarantine row (dates in ISO when they can be read, else as typed).
  core::Cells collect() const;
  // Inserts (or updates) the case: what Save does. False, with messages beside the fields, when refused.
  bool save();
  // The case written by the last successful save.
  const std::string& savedId() const { return savedId_; }

  // As if the user chose the policy in the list ("" = no policy): fills the kind and the planned end.
  void selectPolicy(const std::string& code);
  std::string policyCode() const;
  std::string kindCode() const;
  wxChoice* policyChoice() const { return policy_; }
  wxTextCtrl* startField() const { return start_; }
  wxTextCtrl* plannedEndField() const { return plannedEnd_; }
  wxTextCtrl* sourceField() const { return source_; }
  wxTextCtrl* placeField() const { return place_; }
  // The message shown next to a column's field ("" = the form's own line).
  wxString message(std::string_view column) const { return messages_.message(column); }
  bool isDirty() const { return dirty_; }

 private:
  // The constructor's steps: look the form's controls up, fill the lists, bind the events.
  void loadControls();
  void fillChoices();
  void bindEvents();
  void applyPolicy();
  void fillPlannedEnd();
  void updatePolicyInfo();
  void updatePlace();
  void checkDates();
  void onCancel();

  db::Ledger& ledger_;
  std::string id_;
  std::string residentId_;
  std::string savedId_;
  std::vector<core::Policy> policies_;
  std::vector<std::string> policyCodes_;  // by choice index; [0] = "" (no policy)
  bool dirty_ = false;
  FieldMessages messages_{core::Table::Quarantine};

  wxStaticText* person_ = nullptr;
  wxChoice* policy_ = nullptr;
  wxStaticText* policyInfo_ = nullptr;
  wxChoice* kind_ = nullptr;
  wxChoice* reason_ = nullptr;
  wxTextCtrl* source_ = nullptr;
  wxTextCtrl* arrived_ = nullptr;
  wxTextCtrl* start_ = nullptr;
  wxTextCtrl* plannedEnd_ = nullptr;
  wxTextCtrl* place_ = nullptr;
  wxStaticText* general_ = nullptr;
  struct DateField {
    core::Column column;
    wxTextCtrl* field;
    wxStaticText* message;
  };
  std::vector<DateField> dateFields_;  // arrived, start, planned end
};

}  // namespace gl::app
