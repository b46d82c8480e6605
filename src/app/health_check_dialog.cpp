#include "app/health_check_dialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "core/date_parse.h"
#include "core/temperature.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/quarantine_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

constexpr int kWrapDialogUnits = 200;


// The form's message lines (see form_support.h fitMessages).
void fitMessages(wxDialog* dialog, int wrapDialogUnits) {
  gl::app::fitMessages(dialog, messageLabels(dialog, {"general", "note", "policyInfo"}), wrapDialogUnits);
}

}  // namespace

HealthCheckDialog::HealthCheckDialog(wxWindow* parent, db::Ledger& ledger, const db::CheckSheetRow& person,
                                     core::Date on, int slot)
    : ledger_(ledger), person_(person) {
  wxXmlResource::Get()->LoadDialog(this, parent, "HealthCheckDialog");
  personLabel_ = XRCCTRL(*this, "person", wxStaticText);
  date_ = XRCCTRL(*this, "date", wxTextCtrl);
  slot_ = XRCCTRL(*this, "slot", wxChoice);
  temperature_ = XRCCTRL(*this, "temperature", wxTextCtrl);
  symptoms_ = XRCCTRL(*this, "symptoms", wxTextCtrl);
  testResult_ = XRCCTRL(*this, "testResult", wxChoice);
  general_ = XRCCTRL(*this, "general", wxStaticText);
  messages_.add(col::health_check::checkedOn, date_, XRCCTRL(*this, "dateMessage", wxStaticText));
  messages_.add(col::health_check::slot, slot_, XRCCTRL(*this, "slotMessage", wxStaticText));
  messages_.add(col::health_check::temperature, temperature_,
                XRCCTRL(*this, "temperatureMessage", wxStaticText));
  messages_.add(col::health_check::symptoms, symptoms_, XRCCTRL(*this, "symptomsMessage", wxStaticText));
  messages_.add(col::health_check::testResult, testResult_,
                XRCCTRL(*this, "testResultMessage", wxStaticText));
  messages_.add("", temperature_, general_);

  // The case's own period bounds the dates a check may carry (as Ledger::recordCheck requires).
  caseStart_ = caseEnd_ = on;
  if (auto q = ledger_.get(core::Table::Quarantine, person_.quarantineId)) {
    caseStart_ = core::Date::fromIso((*q)[col::quarantine::startOn].value_or("")).value_or(on);
    caseEnd_ = core::Date::fromIso((*q)[col::quarantine::plannedEndOn].value_or("")).value_or(on);
  }
  // TRANSLATORS: %1$s is a name, %2$d and %3$d "day 3 of 7" of the quarantine
  personLabel_->SetLabel(wxString::Format(_("%1$s, day %2$d of %3$d"), toWx(person_.name), person_.day,
                                          person_.totalDays));
  for (int s = 0; s < person_.slotsPerDay; ++s)
    slot_->Append(toWx(text::codeLabel(core::slotCode(s, person_.slotsPerDay))));
  slot_->SetSelection(std::clamp(slot, 0, person_.slotsPerDay - 1));
  testResult_->Append(wxString());
  for (auto code : core::codes::kTestResult) testResult_->Append(toWx(text::codeLabel(code)));
  date_->ChangeValue(toWx(on.iso()));
  loadCheck();

  auto touched = [this](wxCommandEvent&) { dirty_ = valuesTouched_ = true; };
  temperature_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = valuesTouched_ = true;
    checkTemperature();
  });
  symptoms_->Bind(wxEVT_TEXT, touched);
  testResult_->Bind(wxEVT_CHOICE, touched);
  // Another date or time of day shows that check, unless the worker already typed values to record there.
  date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    if (checkDate(true) && !valuesTouched_) loadCheck();
  });
  slot_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    dirty_ = true;
    if (!valuesTouched_) loadCheck();
  });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (save()) e.Skip();
  }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { onCancel(); });
  fitMessages(this, kWrapDialogUnits);
  temperature_->SetFocus();
  temperature_->SelectAll();
}

void HealthCheckDialog::show(const db::Row& check) {
  auto temperature = check[col::health_check::temperature];
  auto parsed = temperature ? core::parseTemperature(*temperature) : core::TemperatureParse{};
  temperature_->ChangeValue(parsed.tenths ? toWx(core::formatTemperature(*parsed.tenths)) : toWx(temperature.value_or("")));
  symptoms_->ChangeValue(toWx(check[col::health_check::symptoms].value_or("")));
  testResult_->SetSelection(0);
  std::string result = check[col::health_check::testResult].value_or("");
  for (std::size_t i = 0; i < std::size(core::codes::kTestResult); ++i)
    if (core::codes::kTestResult[i] == result) testResult_->SetSelection(static_cast<int>(i) + 1);
  messages_.clear();
}

core::Cells HealthCheckDialog::collect() const {
  core::Cells cells;
  auto date =
      core::parseDate(fromWx(date_->GetValue()),
                      {.defaultYear = caseStart_.year, .field = std::string(col::health_check::checkedOn)});
  cells.push_back({col::health_check::quarantine, person_.quarantineId});
  cells.push_back(
      {col::health_check::checkedOn, date.date ? core::Value(date.date->iso()) : cellFrom(date_->GetValue())});
  int slot = std::max(slot_->GetSelection(), 0);
  cells.push_back({col::health_check::slot, std::string(core::slotCode(slot, person_.slotsPerDay))});
  cells.push_back({col::health_check::temperature, cellFrom(temperature_->GetValue())});
  cells.push_back({col::health_check::symptoms, cellFrom(symptoms_->GetValue())});
  int result = testResult_->GetSelection();
  cells.push_back({col::health_check::testResult,
                   result > 0 ? core::Value(std::string(core::codes::kTestResult[result - 1])) : core::Value()});
  return cells;
}

bool HealthCheckDialog::save() {
  messages_.clear();
  auto on = checkDate(true);
  if (!on) return false;
  core::Cells cells = collect();
  bool empty = std::all_of(cells.begin() + 3, cells.end(), [](const core::Cell& c) { return !c.value; });
  std::string existing = existingCheck(*on, std::max(slot_->GetSelection(), 0));
  if (empty && existing.empty()) {
    general_->SetLabel(_("Enter a temperature, symptoms or a test result to record."));
    fitMessages(this, kWrapDialogUnits);
    return false;
  }
  bool saved = saveOrShow([&] {
    if (existing.empty()) {
      savedId_ = ledger_.insert(core::Table::HealthCheck, cells);
    } else {
      // The case, date and slot say which check this is; only its values change.
      ledger_.update(core::Table::HealthCheck, existing, core::Cells(cells.begin() + 3, cells.end()));
      savedId_ = existing;
    }
  }, messages_, this);
  if (saved) dirty_ = valuesTouched_ = false;
  fitMessages(this, kWrapDialogUnits);
  return saved;
}

std::optional<core::Date> HealthCheckDialog::checkDate(bool showIssue) {
  auto parsed =
      core::parseDate(fromWx(date_->GetValue()),
                      {.defaultYear = caseStart_.year, .field = std::string(col::health_check::checkedOn)});
  std::vector<core::Issue> issues = parsed.issues;
  // Checks belong to the quarantine period, and to days that have come (Ledger::recordCheck's rule).
  if (parsed.date && (*parsed.date < caseStart_ || *parsed.date > caseEnd_ || *parsed.date > ledger_.today()))
    issues.push_back(core::Issue(core::IssueCode::DateOutOfRange, std::string(col::health_check::checkedOn),
                                 0, 0, parsed.date->iso()));
  if (showIssue) {
    wxString text = issues.empty() ? wxString() : toWx(text::describe(issues.front()));
    XRCCTRL(*this, "dateMessage", wxStaticText)->SetLabel(text);
    if (GetSizer()) fitMessages(this, kWrapDialogUnits);
  }
  return issues.empty() ? parsed.date : std::nullopt;
}

std::string HealthCheckDialog::existingCheck(core::Date on, int slot) const {
  for (const auto& row : db::QuarantineQueries(ledger_, ledger_.readerScope()).checkSheet(on))
    if (row.quarantineId == person_.quarantineId && slot < static_cast<int>(row.checkIds.size()))
      return row.checkIds[static_cast<std::size_t>(slot)];
  return {};
}

void HealthCheckDialog::loadCheck() {
  auto on = checkDate(false);
  std::string id = on ? existingCheck(*on, std::max(slot_->GetSelection(), 0)) : std::string();
  auto check = id.empty() ? std::nullopt : ledger_.get(core::Table::HealthCheck, id);
  if (!check) {
    check = db::Row{};
    for (const auto& column : core::tableSpec(core::Table::HealthCheck).columns)
      check->cells.push_back({std::string(column.name), std::nullopt});
  }
  show(*check);
}

void HealthCheckDialog::checkTemperature() {
  auto parsed = core::parseTemperature(fromWx(temperature_->GetValue()));
  wxString text;
  if (!parsed.issues.empty()) text = toWx(text::describe(parsed.issues.front()));
  else if (parsed.tenths && core::isFever(*parsed.tenths)) text = _("Fever (37.3 ℃ or more): report it.");
  XRCCTRL(*this, "temperatureMessage", wxStaticText)->SetLabel(text);
  fitMessages(this, kWrapDialogUnits);
}

void HealthCheckDialog::onCancel() { closeForm(this, dirty_, wxID_CANCEL); }

}  // namespace gl::app
