// The tabs of the main window and the Edit menu's actions, which belong to whichever tab owns them.
#include <wx/msgdlg.h>
#include <wx/notebook.h>

#include "app/commands.h"
#include "app/main_frame.h"
#include "app/panels.h"

namespace gl::app {

void MainFrame::createTabs() {
  auto changed = [this] { reloadAll(); };
  today_ = new TodayPanel(notebook_, *ledger_, changed, [this](Tab tab) { showTab(tab); });
  households_ = new HouseholdsPanel(notebook_, *ledger_, changed);
  quarantine_ = new QuarantinePanel(notebook_, *ledger_, changed);
  visits_ = new VisitsPanel(notebook_, *ledger_, changed);
  notebook_->AddPage(today_, _("Today"), true);
  notebook_->AddPage(households_, _("Households"));
  notebook_->AddPage(quarantine_, _("Quarantine"));
  notebook_->AddPage(visits_, _("Visits"));
  // Only the tab on show is read now; the others are read when first shown (a county's ledger
  // opens in well under a second).
  today_->reloadIfStale();
}

void MainFrame::bindPanelCommands() {
  auto needResident = [this] {
    std::string resident = households_->selectedResident();
    if (resident.empty())
      wxMessageBox(_("Select a person in the Households tab first (or find them with the search box)."),
                   _("GridLedger"), wxOK | wxICON_INFORMATION, this);
    return resident;
  };
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Households); households_->newHousehold(); },
       cmd::kNewHousehold);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Households); households_->newResident(); }, cmd::kNewResident);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (currentTab() == Tab::Households) households_->editSelected();
  }, cmd::kEditSelected);
  Bind(wxEVT_MENU, [this, needResident](wxCommandEvent&) {
    std::string resident = needResident();
    if (resident.empty()) return;
    showTab(Tab::Quarantine);
    quarantine_->startQuarantine(resident);
  }, cmd::kStartQuarantine);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); quarantine_->focusCheckSheet(); },
       cmd::kRecordChecks);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); quarantine_->releaseSelected(); },
       cmd::kReleaseCase);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); quarantine_->transferSelected(); },
       cmd::kTransferCase);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); quarantine_->extendSelected(); },
       cmd::kExtendCase);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); quarantine_->openCheckDetails(); },
       cmd::kCheckDetails);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    std::string household = households_->selectedHousehold();
    showTab(Tab::Visits);
    visits_->newVisit(household);
  }, cmd::kNewVisit);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Visits); visits_->newCampaign(); }, cmd::kNewCampaign);
}

}  // namespace gl::app
