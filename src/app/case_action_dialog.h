// What a grid worker does to an open case, in one dialog with a mode: release it (saying when the
// policy opens a follow-on period), extend it to a new planned end, or end it because the person was
// transferred or taken to hospital (with where to). Each save is one ledger call; a refused date or
// place is shown next to its field and the dialog stays open.
#pragma once

#include <string>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "core/columns.h"
#include "db/ledger.h"

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

enum class CaseAction { Release, Extend, Transfer, Hospitalize };

class CaseActionDialog : public wxDialog {
 public:
  // `item` is the case as the active list shows it; `on` the date the Quarantine tab shows (the
  // default date); `review` what the lifecycle proposes for the case, or nullptr.
  CaseActionDialog(wxWindow* parent, db::Ledger& ledger, const db::QuarantineItem& item, CaseAction action,
                   core::Date on, const db::CaseReview* review);

  CaseAction action() const;
  // Transfer and Hospitalize share the dialog (a choice of two buttons); the others are fixed.
  void setAction(CaseAction action);
  wxTextCtrl* dateField() const { return date_; }
  wxTextCtrl* placeField() const { return place_; }
  // The note under the fields: what the release opens next, an early release …
  wxString note() const;
  // The message shown next to a field ("ended_on", "planned_end_on", "place"; "" = the dialog's own).
  wxString message(std::string_view column) const { return messages_.message(column); }
  bool isDirty() const { return dirty_; }

  // Runs the action in the ledger (what OK does). False, with the reasons shown, when refused.
  bool save();
  // After a release of a chained case: the follow-on case opened ("" when none).
  const std::string& followOnId() const { return followOnId_; }
  // One sentence for the Quarantine tab's message line about what was done.
  const wxString& outcome() const { return outcome_; }

 private:
  void updateMode();
  void updateNote();
  std::optional<core::Date> parsedDate(bool showIssues);
  core::Column dateColumn() const;
  void onCancel();

  db::Ledger& ledger_;
  db::QuarantineItem item_;
  core::Date on_;
  std::optional<db::CaseReview> review_;
  std::vector<core::Policy> policies_;
  CaseAction action_;
  bool dirty_ = false;
  std::string followOnId_;
  wxString outcome_;
  FieldMessages messages_{core::Table::Quarantine};

  wxStaticText* person_ = nullptr;
  wxStaticText* explanation_ = nullptr;
  wxStaticText* dateLabel_ = nullptr;
  wxTextCtrl* date_ = nullptr;
  wxStaticText* dateMessage_ = nullptr;
  wxStaticText* moveLabel_ = nullptr;
  wxRadioButton* transferred_ = nullptr;
  wxRadioButton* hospitalized_ = nullptr;
  wxStaticText* placeLabel_ = nullptr;
  wxTextCtrl* place_ = nullptr;
  wxStaticText* placeMessage_ = nullptr;
  wxStaticText* note_ = nullptr;
  wxStaticText* general_ = nullptr;
};

}  // namespace gl::app
