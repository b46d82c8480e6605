#include "app/quarantine_dialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "core/date_parse.h"
#include "core/lifecycle.h"
#include "core/mask.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/quarantine_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

constexpr int kWrapDialogUnits = 220;


// The form's message lines (see form_support.h fitMessages).
void fitMessages(wxDialog* dialog, int wrapDialogUnits) {
  gl::app::fitMessages(dialog, messageLabels(dialog, {"general", "note", "policyInfo"}), wrapDialogUnits);
}

// Dates as typed in the form: ISO, or any roster form with the year of `today` where it is left out.
core::DateParse readDate(const wxString& text, core::Column column, core::Date today) {
  core::DateParseOptions options;
  options.defaultYear = today.year;
  options.field = std::string(column);
  return core::parseDate(fromWx(text), options);
}

template <std::size_t N>
void fillCodes(wxChoice* choice, const std::string_view (&codes)[N], bool withEmpty) {
  choice->Clear();
  if (withEmpty) choice->Append(wxString());
  for (auto code : codes) choice->Append(toWx(text::codeLabel(code)));
}

template <std::size_t N>
std::string codeAt(const wxChoice* choice, const std::string_view (&codes)[N], bool withEmpty) {
  int index = choice->GetSelection() - (withEmpty ? 1 : 0);
  if (index < 0 || index >= static_cast<int>(N)) return {};
  return std::string(codes[index]);
}

template <std::size_t N>
void selectCode(wxChoice* choice, const std::string_view (&codes)[N], bool withEmpty, const std::string& code) {
  int offset = withEmpty ? 1 : 0;
  choice->SetSelection(withEmpty ? 0 : wxNOT_FOUND);
  for (std::size_t i = 0; i < N; ++i)
    if (codes[i] == code) choice->SetSelection(static_cast<int>(i) + offset);
}

}  // namespace

QuarantineDialog::QuarantineDialog(wxWindow* parent, db::Ledger& ledger, const std::string& residentId)
    : ledger_(ledger), residentId_(residentId), policies_(ledger.policies()) {
  wxXmlResource::Get()->LoadDialog(this, parent, "QuarantineDialog");
  loadControls();
  fillChoices();
  bindEvents();

  db::Row fresh;
  fresh.cells = {{col::quarantine::resident, residentId_},
                 {col::quarantine::startOn, ledger_.today().iso()},
                 {col::quarantine::kind, std::string(core::kindCode(core::QuarantineKind::Home))}};
  show(fresh);

  // A second active case for the same person is allowed (a follow-on, a correction) but never unnoticed.
  for (const auto& q : db::QuarantineQueries(ledger_, ledger_.readerScope()).active(ledger_.today()))
    if (q.residentId == residentId_) {
      // TRANSLATORS: %1$s a kind of quarantine, %2$d and %3$d "day 3 of 7", %4$s a date
      general_->SetLabel(wxString::Format(
          _("This person already has an active case: %1$s, day %2$d of %3$d, planned to end on %4$s."),
          toWx(text::codeLabel(q.kind)), q.day, q.totalDays, toWx(q.plannedEnd.iso())));
      general_->SetForegroundColour(wxColour(150, 90, 0));
      break;
    }
  fitMessages(this, kWrapDialogUnits);
  policy_->SetFocus();
}

void QuarantineDialog::loadControls() {
  person_ = XRCCTRL(*this, "person", wxStaticText);
  policy_ = XRCCTRL(*this, "policy", wxChoice);
  policyInfo_ = XRCCTRL(*this, "policyInfo", wxStaticText);
  kind_ = XRCCTRL(*this, "kind", wxChoice);
  reason_ = XRCCTRL(*this, "reason", wxChoice);
  source_ = XRCCTRL(*this, "source", wxTextCtrl);
  arrived_ = XRCCTRL(*this, "arrived", wxTextCtrl);
  start_ = XRCCTRL(*this, "start", wxTextCtrl);
  plannedEnd_ = XRCCTRL(*this, "plannedEnd", wxTextCtrl);
  place_ = XRCCTRL(*this, "place", wxTextCtrl);
  general_ = XRCCTRL(*this, "general", wxStaticText);

  messages_.add(col::quarantine::policy, policy_, XRCCTRL(*this, "policyMessage", wxStaticText));
  messages_.add(col::quarantine::kind, kind_, XRCCTRL(*this, "kindMessage", wxStaticText));
  messages_.add(col::quarantine::reason, reason_, XRCCTRL(*this, "reasonMessage", wxStaticText));
  messages_.add(col::quarantine::sourcePlace, source_, XRCCTRL(*this, "sourceMessage", wxStaticText));
  messages_.add(col::quarantine::arrivedOn, arrived_, XRCCTRL(*this, "arrivedMessage", wxStaticText));
  messages_.add(col::quarantine::startOn, start_, XRCCTRL(*this, "startMessage", wxStaticText));
  messages_.add(col::quarantine::plannedEndOn, plannedEnd_,
                XRCCTRL(*this, "plannedEndMessage", wxStaticText));
  messages_.add(col::quarantine::place, place_, XRCCTRL(*this, "placeMessage", wxStaticText));
  messages_.add("", policy_, general_);
  dateFields_ = {
      {col::quarantine::arrivedOn, arrived_, XRCCTRL(*this, "arrivedMessage", wxStaticText)},
      {col::quarantine::startOn, start_, XRCCTRL(*this, "startMessage", wxStaticText)},
      {col::quarantine::plannedEndOn, plannedEnd_, XRCCTRL(*this, "plannedEndMessage", wxStaticText)}};
}

void QuarantineDialog::fillChoices() {
  // Policy names are English message ids stored in the ledger: shown translated (wxGetTranslation).
  policy_->Append(_("(none: set the kind and the planned end by hand)"));
  policyCodes_.push_back({});
  for (const auto& p : policies_) {
    policy_->Append(wxGetTranslation(toWx(p.name)));
    policyCodes_.push_back(p.code);
  }
  fillCodes(kind_, core::codes::kQuarantineKind, false);
  fillCodes(reason_, core::codes::kQuarantineReason, true);
}

void QuarantineDialog::bindEvents() {
  auto changed = [this](wxCommandEvent&) { dirty_ = true; };
  policy_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    dirty_ = true;
    applyPolicy();
  });
  kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    dirty_ = true;
    updatePlace();
  });
  reason_->Bind(wxEVT_CHOICE, changed);
  source_->Bind(wxEVT_TEXT, changed);
  place_->Bind(wxEVT_TEXT, changed);
  arrived_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    checkDates();
  });
  start_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    fillPlannedEnd();
    checkDates();
  });
  plannedEnd_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    checkDates();
  });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (save()) e.Skip();
  }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { onCancel(); });
}

void QuarantineDialog::show(const db::Row& quarantine) {
  id_ = quarantine.id;
  auto cell = [&](std::string_view column) -> std::string {
    for (const auto& c : quarantine.cells)
      if (c.column == column) return c.value.value_or("");
    return {};
  };
  residentId_ = cell(col::quarantine::resident);
  SetTitle(id_.empty() ? _("Start a quarantine") : _("Edit a quarantine case"));
  wxString person;
  if (auto resident = ledger_.get(core::Table::Resident, residentId_)) {
    std::string idNumber = (*resident)[col::resident::idNumber].value_or("");
    person = toWx((*resident)[col::resident::name].value_or(""));
    if (!idNumber.empty()) person += "  " + toWx(core::maskId(idNumber));
  }
  person_->SetLabel(person);

  std::string policy = cell(col::quarantine::policy);
  policy_->SetSelection(0);
  for (std::size_t i = 0; i < policyCodes_.size(); ++i)
    if (policyCodes_[i] == policy) policy_->SetSelection(static_cast<int>(i));
  selectCode(kind_, core::codes::kQuarantineKind, false, cell(col::quarantine::kind));
  selectCode(reason_, core::codes::kQuarantineReason, true, cell(col::quarantine::reason));
  source_->ChangeValue(toWx(cell(col::quarantine::sourcePlace)));
  arrived_->ChangeValue(toWx(cell(col::quarantine::arrivedOn)));
  start_->ChangeValue(toWx(cell(col::quarantine::startOn)));
  plannedEnd_->ChangeValue(toWx(cell(col::quarantine::plannedEndOn)));
  place_->ChangeValue(toWx(cell(col::quarantine::place)));
  if (plannedEnd_->IsEmpty()) fillPlannedEnd();
  updatePolicyInfo();
  updatePlace();
  messages_.clear();
  dirty_ = false;
}

core::Cells QuarantineDialog::collect() const {
  core::Date today = ledger_.today();
  auto date = [&](const wxTextCtrl* field, core::Column column) -> core::Value {
    auto parsed = readDate(field->GetValue(), column, today);
    return parsed.date ? core::Value(parsed.date->iso()) : cellFrom(field->GetValue());
  };
  auto code = [](const std::string& c) { return c.empty() ? core::Value() : core::Value(c); };
  core::Cells cells = {
      {col::quarantine::resident, residentId_},
      {col::quarantine::policy, code(policyCode())},
      {col::quarantine::kind, code(kindCode())},
      {col::quarantine::reason, code(codeAt(reason_, core::codes::kQuarantineReason, true))},
      {col::quarantine::sourcePlace, cellFrom(source_->GetValue())},
      {col::quarantine::arrivedOn, date(arrived_, col::quarantine::arrivedOn)},
      {col::quarantine::startOn, date(start_, col::quarantine::startOn)},
      {col::quarantine::plannedEndOn, date(plannedEnd_, col::quarantine::plannedEndOn)},
      {col::quarantine::place, place_->IsEnabled() ? cellFrom(place_->GetValue()) : core::Value()},
  };
  return cells;
}

bool QuarantineDialog::save() {
  core::Cells cells = collect();
  bool saved = saveOrShow([&] {
    if (id_.empty())
      savedId_ = ledger_.insert(core::Table::Quarantine, cells);
    else
      ledger_.update(core::Table::Quarantine, id_, cells);
  }, messages_, this);
  if (saved) {
    if (!id_.empty()) savedId_ = id_;
    dirty_ = false;
  }
  fitMessages(this, kWrapDialogUnits);
  return saved;
}

void QuarantineDialog::selectPolicy(const std::string& code) {
  for (std::size_t i = 0; i < policyCodes_.size(); ++i)
    if (policyCodes_[i] == code) policy_->SetSelection(static_cast<int>(i));
  dirty_ = true;
  applyPolicy();
}

std::string QuarantineDialog::policyCode() const {
  int index = policy_->GetSelection();
  if (index < 0 || index >= static_cast<int>(policyCodes_.size())) return {};
  return policyCodes_[static_cast<std::size_t>(index)];
}

std::string QuarantineDialog::kindCode() const { return codeAt(kind_, core::codes::kQuarantineKind, false); }

void QuarantineDialog::applyPolicy() {
  if (const core::Policy* p = core::findPolicy(policies_, policyCode())) {
    selectCode(kind_, core::codes::kQuarantineKind, false, std::string(core::kindCode(p->kind)));
    fillPlannedEnd();
  }
  updatePolicyInfo();
  updatePlace();
  checkDates();
}

// The planned end follows the policy and the start date (the Writer derives it the same way when a
// case is written without one); without a policy it is the worker's to type.
void QuarantineDialog::fillPlannedEnd() {
  const core::Policy* p = core::findPolicy(policies_, policyCode());
  if (!p) return;
  auto start = readDate(start_->GetValue(), col::quarantine::startOn, ledger_.today());
  if (start.date) plannedEnd_->ChangeValue(toWx(core::plannedEnd(*p, *start.date).iso()));
}

void QuarantineDialog::updatePolicyInfo() {
  wxString info;
  if (const core::Policy* p = core::findPolicy(policies_, policyCode())) {
    // TRANSLATORS: %1$d days in the period, %2$d temperature checks a day
    info = wxString::Format(_("%1$d days, %2$d temperature checks a day."), p->days, p->slotsPerDay);
    if (!p->testDays.empty())
      // TRANSLATORS: %s is a list of day numbers, e.g. 1,3,5,7
      info += " " + wxString::Format(_("Tests on days %s."), toWx(core::formatTestDays(p->testDays)));
    if (const core::Policy* next = core::findPolicy(policies_, p->followOn))
      // TRANSLATORS: %s is the name of the policy that follows after release
      info += "\n" + wxString::Format(_("Then: %s."), wxGetTranslation(toWx(next->name)));
  }
  policyInfo_->SetLabel(info);
  if (GetSizer()) fitMessages(this, kWrapDialogUnits);
}

// The place is where a centralized quarantine happens (a hotel, a site); at home it is the address.
void QuarantineDialog::updatePlace() {
  place_->Enable(kindCode() == core::kindCode(core::QuarantineKind::Centralized));
}

// As the worker types: each date that cannot be read, and an end before the start, beside its field
// (without moving the focus, which FieldMessages::show would do).
void QuarantineDialog::checkDates() {
  core::Date today = ledger_.today();
  std::optional<core::Date> start, end;
  for (const auto& [column, field, label] : dateFields_) {
    wxString text;
    if (!field->GetValue().Strip(wxString::both).empty()) {
      auto parsed = readDate(field->GetValue(), column, today);
      if (!parsed.date) text = toWx(text::describe(parsed.issues.front()));
      if (field == start_) start = parsed.date;
      if (field == plannedEnd_) end = parsed.date;
    }
    label->SetLabel(text);
  }
  if (start && end && *end < *start)
    dateFields_[2].message->SetLabel(toWx(text::describe(
        core::Issue(core::IssueCode::QuarantineEndBeforeStart, std::string(col::quarantine::plannedEndOn)))));
  if (GetSizer()) fitMessages(this, kWrapDialogUnits);
}

void QuarantineDialog::onCancel() { closeForm(this, dirty_, wxID_CANCEL); }

}  // namespace gl::app
