// Recording a door-to-door visit (forms/visit_dialog.xrc): who was seen, the outcome, a temperature
// with the fever rule shown as it is typed, the health code, travel and follow-up. "Save and next
// household" keeps the dialog open on the next household of the same grid still to visit in the
// campaign, which is how a screening round walks a building.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/form_support.h"
#include "db/ledger.h"

class wxButton;
class wxChoice;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class VisitDialog : public wxDialog {
 public:
  // `saved` runs after each saved visit (the panel tells the other tabs).
  using Saved = std::function<void()>;
  VisitDialog(wxWindow* parent, db::Ledger& ledger, const std::string& householdId, const std::string& campaignId,
              Saved saved = {});

  // Shows a household with fresh fields; the campaign and the date stay as they were.
  void show(const db::Row& household);
  core::Cells collect() const;
  // Checks the fields and writes the visit (one transaction); problems go beside their fields.
  bool save();
  // Saves, then shows the next household of the grid still to visit (in walking order, after this
  // one). When none is left the round is finished and the dialog closes. False when not saved.
  bool saveAndNext();

  const std::string& householdId() const { return household_.id; }
  bool dirty() const { return dirty_; }
  int savedCount() const { return savedCount_; }
  const std::string& lastSavedId() const { return lastSavedId_; }
  bool roundFinished() const { return roundFinished_; }

  // The fields, for tests.
  wxTextCtrl* householdField() const { return householdText_; }
  wxChoice* residentChoice() const { return resident_; }
  wxChoice* campaignChoice() const { return campaign_; }
  wxTextCtrl* dateField() const { return visitedOn_; }
  wxTextCtrl* temperatureField() const { return temperature_; }
  wxTextCtrl* notesField() const { return notes_; }
  wxChoice* healthCodeChoice() const { return healthCode_; }
  void setOutcome(const std::string& code);
  std::string outcome() const;
  wxString feverText() const;
  wxString message(std::string_view column) const { return messages_.message(column); }

 private:
  std::string campaignId() const;
  std::string gridId() const { return household_.text(core::col::household::grid); }
  void checkTemperature();
  void updateNextButton();
  void markDirty() { dirty_ = true; }
  void onCancel();
  // Shows the message lines that have something to say and hides the others, so that empty ones
  // leave no gaps between the fields.
  void tidyMessages();

  db::Ledger& ledger_;
  Saved saved_;
  db::Row household_;
  std::vector<std::string> residentIds_;  // index 0: the household as a whole ("")
  std::vector<std::string> campaignIds_;  // index 0: no campaign ("")
  bool dirty_ = false;
  int savedCount_ = 0;
  std::string lastSavedId_;
  bool roundFinished_ = false;
  FieldMessages messages_{core::Table::Visit};

  wxTextCtrl* householdText_ = nullptr;
  wxChoice* resident_ = nullptr;
  wxChoice* campaign_ = nullptr;
  wxTextCtrl* visitedOn_ = nullptr;
  wxRadioButton* seen_ = nullptr;
  wxRadioButton* absent_ = nullptr;
  wxRadioButton* refused_ = nullptr;
  wxTextCtrl* temperature_ = nullptr;
  wxStaticText* fever_ = nullptr;
  wxStaticText* visitedOnMessage_ = nullptr;
  wxStaticText* temperatureMessage_ = nullptr;
  wxStaticText* message_ = nullptr;
  wxTextCtrl* symptoms_ = nullptr;
  wxChoice* healthCode_ = nullptr;
  wxTextCtrl* travel_ = nullptr;
  wxTextCtrl* followUp_ = nullptr;
  wxTextCtrl* notes_ = nullptr;
  wxButton* saveNext_ = nullptr;
  wxButton* ok_ = nullptr;
};

}  // namespace gl::app
