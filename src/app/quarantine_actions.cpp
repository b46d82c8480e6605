// The Quarantine tab's actions: a new case, release, extension and transfer of the selected case, and
// a check's details, each through its dialog; the message line then says what was done.
#include "app/case_action_dialog.h"
#include "app/case_list.h"
#include "app/check_sheet.h"
#include "app/health_check_dialog.h"
#include "app/quarantine_dialog.h"
#include "app/quarantine_panel.h"

namespace gl::app {

namespace col = core::col;

void QuarantinePanel::startQuarantine(const std::string& residentId) {
  if (residentId.empty()) return;
  QuarantineDialog dialog(this, ledger(), residentId);
  if (dialog.ShowModal() != wxID_OK) return;
  std::string id = dialog.savedId();
  notifyOwnChange();
  selectCase(id);
  auto q = ledger().get(core::Table::Quarantine, id);
  auto person = ledger().get(core::Table::Resident, residentId);
  // TRANSLATORS: %1$s is a name, %2$s and %3$s the start and planned end dates
  auto cell = [](const std::optional<db::Row>& row, const core::Column& column) {
    return toWx(row ? (*row)[column].value_or("") : "");
  };
  say(wxString::Format(_("%1$s: quarantine from %2$s to %3$s."), cell(person, col::resident::name),
                       cell(q, col::quarantine::startOn), cell(q, col::quarantine::plannedEndOn)),
      false);
}

void QuarantinePanel::releaseSelected() { runCaseAction(CaseAction::Release); }
void QuarantinePanel::extendSelected() { runCaseAction(CaseAction::Extend); }
void QuarantinePanel::transferSelected() { runCaseAction(CaseAction::Transfer); }

void QuarantinePanel::runCaseAction(CaseAction action) {
  const db::QuarantineItem* item = selectedItem();
  if (!item) {
    say(_("Select a case in the list of active cases first."), true);
    list_->SetFocus();
    return;
  }
  auto review = reviews_.find(item->id);
  CaseActionDialog dialog(this, ledger(), *item, action, date_, review == reviews_.end() ? nullptr : &review->second);
  if (dialog.ShowModal() != wxID_OK) return;
  wxString outcome = dialog.outcome();
  notifyOwnChange();
  if (!dialog.followOnId().empty()) selectCase(dialog.followOnId());
  say(outcome, false);
}

void QuarantinePanel::openCheckDetails() {
  const db::CheckSheetRow* row = sheet_->currentRow();
  if (!row) {
    say(_("Nobody is due for a check on this date."), false);
    return;
  }
  int slot = sheet_->slotOfColumn(sheet_->GetGridCursorRow(), sheet_->GetGridCursorCol()).value_or(0);
  HealthCheckDialog dialog(this, ledger(), *row, date_, slot);
  if (dialog.ShowModal() != wxID_OK) return;
  wxString name = toWx(row->name);
  notifyOwnChange();
  // TRANSLATORS: %s is a name
  say(wxString::Format(_("%s: check saved."), name), false);
}

}  // namespace gl::app
