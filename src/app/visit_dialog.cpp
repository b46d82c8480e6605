#include "app/visit_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/visits_panel.h"
#include "core/temperature.h"
#include "core/visit_outcome.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/household_queries.h"
#include "db/visit_queries.h"

namespace gl::app {

namespace col = core::col;

VisitDialog::VisitDialog(wxWindow* parent, db::Ledger& ledger, const std::string& householdId,
                         const std::string& campaignId, Saved saved)
    : ledger_(ledger), saved_(std::move(saved)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "VisitDialog");
  householdText_ = XRCCTRL(*this, "household", wxTextCtrl);
  resident_ = XRCCTRL(*this, "resident", wxChoice);
  campaign_ = XRCCTRL(*this, "campaign", wxChoice);
  visitedOn_ = XRCCTRL(*this, "visitedOn", wxTextCtrl);
  seen_ = XRCCTRL(*this, "outcomeSeen", wxRadioButton);
  absent_ = XRCCTRL(*this, "outcomeAbsent", wxRadioButton);
  refused_ = XRCCTRL(*this, "outcomeRefused", wxRadioButton);
  temperature_ = XRCCTRL(*this, "temperature", wxTextCtrl);
  fever_ = XRCCTRL(*this, "feverFlag", wxStaticText);
  symptoms_ = XRCCTRL(*this, "symptoms", wxTextCtrl);
  healthCode_ = XRCCTRL(*this, "healthCode", wxChoice);
  travel_ = XRCCTRL(*this, "travel", wxTextCtrl);
  followUp_ = XRCCTRL(*this, "followUp", wxTextCtrl);
  notes_ = XRCCTRL(*this, "notes", wxTextCtrl);
  saveNext_ = XRCCTRL(*this, "saveNext", wxButton);
  ok_ = XRCCTRL(*this, "wxID_OK", wxButton);
  visitedOnMessage_ = XRCCTRL(*this, "visitedOnMessage", wxStaticText);
  temperatureMessage_ = XRCCTRL(*this, "temperatureMessage", wxStaticText);
  message_ = XRCCTRL(*this, "message", wxStaticText);
  messages_.add(col::visit::visitedOn, visitedOn_, visitedOnMessage_);
  messages_.add(col::visit::temperature, temperature_, temperatureMessage_);
  messages_.add("", nullptr, message_);

  // Codes are stored; people read their translated labels.
  seen_->SetLabel(toWx(text::codeLabel(core::outcomeCode(core::VisitOutcome::Seen))));
  absent_->SetLabel(toWx(text::codeLabel(core::outcomeCode(core::VisitOutcome::Absent))));
  refused_->SetLabel(toWx(text::codeLabel(core::outcomeCode(core::VisitOutcome::Refused))));
  healthCode_->Append(_("(not shown)"));
  for (auto code : core::codes::kHealthCode) healthCode_->Append(toWx(text::codeLabel(code)));
  healthCode_->SetSelection(0);
  campaign_->Append(_("(no campaign)"));
  campaignIds_.push_back({});
  for (const auto& c : campaignsByStart(ledger_)) {
    campaign_->Append(campaignTitle(c));
    campaignIds_.push_back(c.id);
  }
  auto it = std::find(campaignIds_.begin(), campaignIds_.end(), campaignId);
  campaign_->SetSelection(it == campaignIds_.end() ? 0 : static_cast<int>(it - campaignIds_.begin()));
  visitedOn_->ChangeValue(toWx(ledger_.today().iso()));

  for (auto* text : {visitedOn_, symptoms_, travel_, followUp_, notes_})
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { markDirty(); });
  temperature_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    markDirty();
    checkTemperature();
  });
  for (auto* choice : {resident_, healthCode_}) choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { markDirty(); });
  campaign_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    markDirty();
    updateNextButton();
  });
  for (auto* radio : {seen_, absent_, refused_}) radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { markDirty(); });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (save()) EndModal(wxID_OK);
  }, wxID_OK);
  saveNext_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAndNext(); });
  // Escape and the window's close button come here too (wxDialog sends them as wxID_CANCEL).
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);

  if (auto household = ledger_.get(core::Table::Household, householdId)) show(*household);
  else
    messages_.show(
        {core::Issue(core::IssueCode::BadReference, std::string(col::visit::household), 0, 0, householdId)});
  tidyMessages();
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void VisitDialog::show(const db::Row& household) {
  household_ = household;
  householdText_->ChangeValue(toWx(household[col::household::address].value_or("")));
  resident_->Clear();
  residentIds_.assign(1, {});
  resident_->Append(_("(the household as a whole)"));
  for (const auto& r : db::HouseholdQueries(ledger_, ledger_.readerScope()).residentsOf(household.id)) {
    wxString name = toWx(r[col::resident::name].value_or(""));
    if (auto relation = r[col::resident::relation]) name += " (" + toWx(*relation) + ")";
    resident_->Append(name);
    residentIds_.push_back(r.id);
  }
  resident_->SetSelection(0);
  setOutcome(std::string(core::outcomeCode(core::VisitOutcome::Seen)));
  for (auto* text : {temperature_, symptoms_, travel_, followUp_, notes_}) text->ChangeValue(wxString());
  healthCode_->SetSelection(0);
  fever_->SetLabel(wxString());
  messages_.clear();
  dirty_ = false;
  updateNextButton();
  tidyMessages();
  resident_->SetFocus();
}

core::Cells VisitDialog::collect() const {
  auto choice = [](const wxChoice* c, const std::vector<std::string>& ids) -> core::Value {
    int i = c->GetSelection();
    if (i <= 0 || static_cast<std::size_t>(i) >= ids.size()) return std::nullopt;
    return ids[static_cast<std::size_t>(i)];
  };
  core::Value healthCode;
  if (int i = healthCode_->GetSelection(); i > 0) healthCode = std::string(core::codes::kHealthCode[static_cast<std::size_t>(i - 1)]);
  return {{col::visit::household, household_.id},
          {col::visit::resident, choice(resident_, residentIds_)},
          {col::visit::campaign, choice(campaign_, campaignIds_)},
          {col::visit::visitedOn, cellFrom(visitedOn_->GetValue())},
          {col::visit::outcome, outcome()},
          {col::visit::temperature, cellFrom(temperature_->GetValue())},
          {col::visit::symptoms, cellFrom(symptoms_->GetValue())},
          {col::visit::healthCode, healthCode},
          {col::visit::travel, cellFrom(travel_->GetValue())},
          {col::visit::followUp, cellFrom(followUp_->GetValue())},
          {col::visit::notes, cellFrom(notes_->GetValue())}};
}

void VisitDialog::setOutcome(const std::string& code) {
  const auto outcome = core::outcomeFromCode(code);
  seen_->SetValue(outcome == core::VisitOutcome::Seen);
  absent_->SetValue(outcome == core::VisitOutcome::Absent);
  refused_->SetValue(outcome == core::VisitOutcome::Refused);
}

std::string VisitDialog::outcome() const {
  if (absent_->GetValue()) return std::string(core::outcomeCode(core::VisitOutcome::Absent));
  if (refused_->GetValue()) return std::string(core::outcomeCode(core::VisitOutcome::Refused));
  return std::string(core::outcomeCode(core::VisitOutcome::Seen));
}

wxString VisitDialog::feverText() const { return fever_->GetLabel(); }

std::string VisitDialog::campaignId() const {
  int i = campaign_->GetSelection();
  return i > 0 && static_cast<std::size_t>(i) < campaignIds_.size() ? campaignIds_[static_cast<std::size_t>(i)] : std::string();
}

void VisitDialog::checkTemperature() {
  auto parsed = core::parseTemperature(fromWx(temperature_->GetValue()));
  wxString problem = parsed.issues.empty() ? wxString() : toWx(text::describe(parsed.issues.front()));
  if (temperatureMessage_->GetLabel() != problem) temperatureMessage_->SetLabel(problem);
  fever_->SetLabel(parsed.tenths && core::isFever(*parsed.tenths)
                       // TRANSLATORS: beside a visit's temperature at or above 37.3 ℃.
                       ? _("Fever: tell the health station")
                       : wxString());
  tidyMessages();
}

void VisitDialog::tidyMessages() {
  fitMessages(this, {visitedOnMessage_, temperatureMessage_, message_}, 0);
}

void VisitDialog::updateNextButton() {
  bool round = !campaignId().empty() && !gridId().empty();
  saveNext_->Enable(round);
  // Enter saves; in a round it also opens the next door, the usual next step.
  (round ? saveNext_ : ok_)->SetDefault();
}

bool VisitDialog::save() {
  if (household_.id.empty()) return false;
  core::Cells cells = collect();
  bool ok = messages_.show(checkCells(core::Table::Visit, cells, ledger_.today(), true));
  std::string id;
  if (ok) ok = saveOrShow([&] { id = ledger_.insert(core::Table::Visit, cells); }, messages_, this);
  tidyMessages();
  if (!ok) return false;
  lastSavedId_ = id;
  ++savedCount_;
  dirty_ = false;
  if (saved_) saved_();
  return true;
}

bool VisitDialog::saveAndNext() {
  const std::string campaign = campaignId(), grid = gridId(), current = household_.id;
  std::vector<db::Row> before;
  if (!campaign.empty() && !grid.empty()) before = db::VisitQueries(ledger_, ledger_.readerScope()).householdsToVisit(campaign, grid);
  if (!save()) return false;
  std::vector<db::Row> after;
  if (!campaign.empty() && !grid.empty()) after = db::VisitQueries(ledger_, ledger_.readerScope()).householdsToVisit(campaign, grid);
  auto stillToVisit = [&](const std::string& id) {
    return id != current && std::any_of(after.begin(), after.end(), [&](const db::Row& r) { return r.id == id; });
  };
  // The next door in walking order after this one; past the end of the grid, the first one left.
  const db::Row* next = nullptr;
  auto here = std::find_if(before.begin(), before.end(), [&](const db::Row& r) { return r.id == current; });
  for (auto it = here == before.end() ? before.begin() : here + 1; it != before.end() && !next; ++it)
    if (stillToVisit(it->id)) next = &*it;
  for (const auto& r : after)
    if (!next && r.id != current) next = &r;
  if (!next) {
    roundFinished_ = true;
    if (IsModal()) EndModal(wxID_OK);
    return true;
  }
  db::Row following = *next;
  show(following);
  return true;
}

void VisitDialog::onCancel() { closeForm(this, dirty_, savedCount_ > 0 ? wxID_OK : wxID_CANCEL); }

}  // namespace gl::app
