#include "app/case_action_dialog.h"

#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "core/date_parse.h"
#include "core/mask.h"
#include "core/validation_error.h"
#include "text/describe.h"
#include "text/labels.h"

namespace gl::app {

namespace col = core::col;

namespace {

constexpr int kWrapDialogUnits = 260;

wxString isoText(core::Date d) { return toWx(d.iso()); }


// The form's message lines (see form_support.h fitMessages).
void fitMessages(wxDialog* dialog, int wrapDialogUnits) {
  gl::app::fitMessages(dialog, messageLabels(dialog, {"general", "note", "policyInfo"}), wrapDialogUnits);
}

}  // namespace

CaseActionDialog::CaseActionDialog(wxWindow* parent, db::Ledger& ledger, const db::QuarantineItem& item,
                                   CaseAction action, core::Date on, const db::CaseReview* review)
    : ledger_(ledger), item_(item), on_(on), policies_(ledger.policies()), action_(action) {
  if (review) review_ = *review;
  wxXmlResource::Get()->LoadDialog(this, parent, "CaseActionDialog");
  person_ = XRCCTRL(*this, "person", wxStaticText);
  explanation_ = XRCCTRL(*this, "explanation", wxStaticText);
  dateLabel_ = XRCCTRL(*this, "dateLabel", wxStaticText);
  date_ = XRCCTRL(*this, "date", wxTextCtrl);
  dateMessage_ = XRCCTRL(*this, "dateMessage", wxStaticText);
  moveLabel_ = XRCCTRL(*this, "moveLabel", wxStaticText);
  transferred_ = XRCCTRL(*this, "transferred", wxRadioButton);
  hospitalized_ = XRCCTRL(*this, "hospitalized", wxRadioButton);
  placeLabel_ = XRCCTRL(*this, "placeLabel", wxStaticText);
  place_ = XRCCTRL(*this, "place", wxTextCtrl);
  placeMessage_ = XRCCTRL(*this, "placeMessage", wxStaticText);
  note_ = XRCCTRL(*this, "note", wxStaticText);
  general_ = XRCCTRL(*this, "general", wxStaticText);

  messages_.add(col::quarantine::endedOn, date_, dateMessage_);
  messages_.add(col::quarantine::plannedEndOn, date_, dateMessage_);
  messages_.add(col::quarantine::place, place_, placeMessage_);
  messages_.add("", date_, general_);

  // TRANSLATORS: %1$s name, %2$s masked identity number, %3$s kind of quarantine, %4$d and %5$d the day
  // within the period and its length ("day 3 of 7")
  person_->SetLabel(wxString::Format(_("%1$s  %2$s  ·  %3$s, day %4$d of %5$d"), toWx(item_.name),
                                     toWx(core::maskId(item_.idNumber)), toWx(text::codeLabel(item_.kind)),
                                     item_.day, item_.totalDays));

  // The default date: the one the tab shows; for an extension, what the policy proposes (else a day more).
  core::Date initial = on_;
  if (action_ == CaseAction::Extend)
    initial = review_ && review_->proposal == core::Proposal::Extend ? review_->newPlannedEnd
                                                                     : item_.plannedEnd.addDays(1);
  date_->ChangeValue(isoText(initial));

  date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    updateNote();
  });
  place_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { dirty_ = true; });
  transferred_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
    dirty_ = true;
    setAction(CaseAction::Transfer);
  });
  hospitalized_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
    dirty_ = true;
    setAction(CaseAction::Hospitalize);
  });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (save()) e.Skip();
  }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { onCancel(); });

  updateMode();
  date_->SetFocus();
  date_->SelectAll();
}

CaseAction CaseActionDialog::action() const { return action_; }

void CaseActionDialog::setAction(CaseAction action) {
  bool moving = action == CaseAction::Transfer || action == CaseAction::Hospitalize;
  bool wasMoving = action_ == CaseAction::Transfer || action_ == CaseAction::Hospitalize;
  // Release and extend are separate menu actions: only the two ways of leaving share the dialog.
  if (moving != wasMoving) return;
  action_ = action;
  updateMode();
}

void CaseActionDialog::updateMode() {
  bool moving = action_ == CaseAction::Transfer || action_ == CaseAction::Hospitalize;
  auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK));
  wxString explanation;
  switch (action_) {
    case CaseAction::Release:
      SetTitle(_("Release from quarantine"));
      dateLabel_->SetLabel(_("&Release date:"));
      if (ok) ok->SetLabel(_("&Release"));
      explanation = _("The case ends on the release date and the person leaves the active list.");
      if (review_ && review_->proposal == core::Proposal::Overdue)
        explanation += "\n" + wxString(_("The last day's checks were missed: decide whether to release, extend or "
                                         "transfer the person."));
      break;
    case CaseAction::Extend:
      SetTitle(_("Extend a quarantine"));
      dateLabel_->SetLabel(_("New &planned end:"));
      if (ok) ok->SetLabel(_("&Extend"));
      // TRANSLATORS: %1$s is a date
      explanation = wxString::Format(_("The case is planned to end on %1$s. Enter the new last day under quarantine."),
                                     isoText(item_.plannedEnd));
      if (review_ && review_->proposal == core::Proposal::Extend)
        explanation += "\n" + wxString(_("A check of the last day was missed, so the policy extends the case."));
      break;
    case CaseAction::Transfer:
    case CaseAction::Hospitalize:
      SetTitle(_("Transfer or hospitalize"));
      dateLabel_->SetLabel(_("&Date:"));
      if (ok) ok->SetLabel(_("&Save"));
      explanation = _("The case ends on this date and the person leaves the active list. Say where they went.");
      transferred_->SetValue(action_ == CaseAction::Transfer);
      hospitalized_->SetValue(action_ == CaseAction::Hospitalize);
      placeLabel_->SetLabel(action_ == CaseAction::Hospitalize ? _("&Hospital:") : _("&Place:"));
      break;
  }
  explanation_->SetLabel(explanation);
  explanation_->Wrap(ConvertDialogToPixels(wxSize(kWrapDialogUnits, 0)).x);
  for (wxWindow* w : std::initializer_list<wxWindow*>{moveLabel_, transferred_, hospitalized_, placeLabel_, place_,
                                                      placeMessage_})
    w->Show(moving);
  updateNote();
}

core::Column CaseActionDialog::dateColumn() const {
  return action_ == CaseAction::Extend ? col::quarantine::plannedEndOn : col::quarantine::endedOn;
}

std::optional<core::Date> CaseActionDialog::parsedDate(bool showIssues) {
  core::DateParseOptions options;
  options.defaultYear = on_.year;
  options.field = std::string(dateColumn());
  auto parsed = core::parseDate(fromWx(date_->GetValue()), options);
  if (showIssues && !parsed.date) messages_.show(parsed.issues);
  return parsed.date;
}

void CaseActionDialog::updateNote() {
  wxString note;
  auto date = parsedDate(false);
  if (action_ == CaseAction::Release && date) {
    if (*date < item_.plannedEnd)
      // TRANSLATORS: %1$s is the planned end date of the case
      note = wxString::Format(_("This is before the planned end (%1$s)."), isoText(item_.plannedEnd));
    const core::Policy* policy = core::findPolicy(policies_, item_.policy);
    const core::Policy* next = policy ? core::findPolicy(policies_, policy->followOn) : nullptr;
    if (next) {
      // As Ledger::releaseCase opens it: the day after the planned end, or after an early release.
      core::Date start = *date < item_.plannedEnd ? date->addDays(1) : item_.plannedEnd.addDays(1);
      if (!note.empty()) note += "\n";
      // TRANSLATORS: %1$s is a policy name, %2$s and %3$s dates: the follow-on period opened on release
      note += wxString::Format(_("The policy continues with “%1$s”: releasing opens that period as a new case, from "
                                 "%2$s to %3$s."),
                               wxGetTranslation(toWx(next->name)), isoText(start),
                               isoText(core::plannedEnd(*next, start)));
    }
  }
  note_->SetLabel(note);
  if (GetSizer()) fitMessages(this, kWrapDialogUnits);
}

wxString CaseActionDialog::note() const { return note_->GetLabel(); }

bool CaseActionDialog::save() {
  messages_.clear();
  auto date = parsedDate(true);
  std::vector<core::Issue> refused;
  if (date && action_ != CaseAction::Extend && *date < item_.start)
    refused.push_back(core::Issue(core::IssueCode::QuarantineEndBeforeStart, std::string(dateColumn())));
  if (date && action_ != CaseAction::Extend && *date > ledger_.today())
    refused.push_back(
        core::Issue(core::IssueCode::DateOutOfRange, std::string(dateColumn()), 0, 0, date->iso()));
  if (!refused.empty()) messages_.show(refused);
  if (!date || !refused.empty()) {
    fitMessages(this, kWrapDialogUnits);
    return false;
  }
  std::string place = fromWx(wxString(place_->GetValue()).Trim(true).Trim(false));
  wxString name = toWx(item_.name);
  wxString day = isoText(*date);
  try {
    switch (action_) {
      case CaseAction::Release: {
        followOnId_ = ledger_.releaseCase(item_.id, *date);
        // TRANSLATORS: %1$s is a name, %2$s a date
        outcome_ = wxString::Format(_("%1$s released on %2$s."), name, day);
        if (auto next = followOnId_.empty() ? std::nullopt : ledger_.get(core::Table::Quarantine, followOnId_))
          // TRANSLATORS: %1$s is a name, %2$s a date, %3$s a kind of quarantine (home health monitoring), %4$s a date
          outcome_ = wxString::Format(_("%1$s released on %2$s; %3$s follows until %4$s."), name, day,
                                      toWx(text::codeLabel((*next)[col::quarantine::kind].value_or(""))),
                                      toWx((*next)[col::quarantine::plannedEndOn].value_or("")));
        break;
      }
      case CaseAction::Extend:
        ledger_.extendCase(item_.id, *date);
        // TRANSLATORS: %1$s is a name, %2$s a date
        outcome_ = wxString::Format(_("%1$s: the quarantine now ends on %2$s."), name, day);
        break;
      case CaseAction::Transfer:
      case CaseAction::Hospitalize: {
        auto status = action_ == CaseAction::Transfer ? core::QuarantineStatus::Transferred
                                                      : core::QuarantineStatus::Hospitalized;
        ledger_.transferCase(item_.id, *date, status, place);
        // TRANSLATORS: %1$s is a name, %2$s "transferred" or "hospitalized", %3$s a date
        outcome_ = wxString::Format(_("%1$s: %2$s on %3$s."), name, toWx(text::codeLabel(core::statusCode(status))),
                                    day);
        break;
      }
    }
  } catch (const ValidationError& e) {
    messages_.show(e.issues());
    fitMessages(this, kWrapDialogUnits);
    return false;
  } catch (const gl::Error&) {
    general_->SetLabel(toWx(text::describe(std::current_exception())));
    fitMessages(this, kWrapDialogUnits);
    return false;
  }
  dirty_ = false;
  return true;
}

void CaseActionDialog::onCancel() { closeForm(this, dirty_, wxID_CANCEL); }

}  // namespace gl::app
