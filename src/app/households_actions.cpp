// The Households tab's actions: new household, new member, edit and delete (a member, or a
// household with its members in one transaction), each after the user's say-so where it loses data.
#include <wx/dataview.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>

#include "app/app.h"
#include "app/form_support.h"
#include "app/household_dialog.h"
#include "app/households_panel.h"
#include "app/resident_dialog.h"
#include "core/error.h"
#include "db/writer.h"
#include "db/household_queries.h"

namespace gl::app {

namespace col = core::col;

void HouseholdsPanel::newHousehold() {
  HouseholdDialog dialog(this, ledger(), filter_.gridId);
  if (filter_.building && !filter_.building->empty()) dialog.buildingField()->ChangeValue(toWx(*filter_.building));
  if (dialog.ShowModal() != wxID_OK) return;
  std::string id = dialog.savedId();
  notifyChanged();
  showHousehold(id);
}

void HouseholdsPanel::newResident() {
  std::string household = selectedHousehold();
  if (household.empty()) {
    wxMessageBox(_("Select a household first: the new person is added to it."), _("Add resident"),
                 wxOK | wxICON_INFORMATION, this);
    return;
  }
  ResidentDialog dialog(this, ledger(), household);
  dialog.ShowModal();
  if (dialog.savedCount() == 0) return;
  std::string id = dialog.savedId();
  notifyChanged();
  showHousehold(household, id);
}

void HouseholdsPanel::editSelected() {
  if (membersActive_ && !selectedResident().empty())
    editResident();
  else
    editHousehold();
}

void HouseholdsPanel::editHousehold() {
  std::string id = selectedHousehold();
  if (id.empty()) return;
  auto household = ledger().get(core::Table::Household, id);
  if (!household) return;
  HouseholdDialog dialog(this, ledger());
  dialog.show(*household);
  if (dialog.ShowModal() != wxID_OK) return;
  notifyChanged();
  showHousehold(id);
}

void HouseholdsPanel::editResident() {
  std::string id = selectedResident();
  if (id.empty()) return;
  auto resident = ledger().get(core::Table::Resident, id);
  if (!resident) return;
  ResidentDialog dialog(this, ledger(), shownHousehold_);
  dialog.show(*resident);
  if (dialog.ShowModal() != wxID_OK) return;
  notifyChanged();
  showHousehold(shownHousehold_, id);
}

void HouseholdsPanel::deleteSelected() {
  if (membersActive_ && !selectedResident().empty()) {
    const db::Row& person = memberRows_[static_cast<std::size_t>(members_->GetFirstSelected())];
    // TRANSLATORS: %s is a person's name
    wxString question = wxString::Format(_("Delete %s from the household?\n\nThe person disappears from lists and "
                                           "rosters; the change is kept in the ledger's history."),
                                         toWx(person.text(col::resident::name)));
    if (wxMessageBox(question, _("Delete resident"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) return;
    std::string household = shownHousehold_;
    try {
      ledger().tombstone(core::Table::Resident, person.id);
    } catch (const gl::Error&) {
      showError(this, std::current_exception());
      return;
    }
    notifyChanged();
    showHousehold(household);
    return;
  }
  std::string id = selectedHousehold();
  if (id.empty()) return;
  auto household = ledger().get(core::Table::Household, id);
  if (!household) return;
  auto people = query<db::HouseholdQueries>().residentsOf(id);
  int n = static_cast<int>(people.size());
  wxString address = toWx(household->text(col::household::address));
  // TRANSLATORS: %1$s an address, %2$d how many people live there
  wxString question = n == 0 ? wxString::Format(_("Delete the household at %s?"), address)
                             : wxString::Format(wxPLURAL("Delete the household at %1$s and its %2$d member?",
                                                         "Delete the household at %1$s and its %2$d members?", n),
                                                address, n);
  question += "\n\n" + _("It disappears from lists and rosters; the change is kept in the ledger's history.");
  if (wxMessageBox(question, _("Delete household"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) return;
  std::size_t near = selectedRow().value_or(0);
  try {
    // The household and its people go together or not at all.
    ledger().write([&](db::Writer& w) {
      for (const auto& person : people) w.tombstone(core::Table::Resident, person.id);
      w.tombstone(core::Table::Household, id);
    });
  } catch (const gl::Error&) {
    showError(this, std::current_exception());
    return;
  }
  notifyChanged();
  if (model_->size() > 0) selectRow(std::min(near, model_->size() - 1));
}

}  // namespace gl::app
