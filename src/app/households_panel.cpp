#include "app/households_panel.h"

namespace gl::app {

HouseholdsPanel::HouseholdsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed)
    : LedgerPanel(parent, ledger, std::move(changed)) {}
void HouseholdsPanel::reload() {}
void HouseholdsPanel::setFilter(const db::HouseholdFilter&) {}
void HouseholdsPanel::showHousehold(const std::string&, const std::string&) {}
void HouseholdsPanel::newHousehold() {}
void HouseholdsPanel::newResident() {}
void HouseholdsPanel::editSelected() {}
std::string HouseholdsPanel::selectedHousehold() const { return {}; }
std::string HouseholdsPanel::selectedResident() const { return {}; }

}  // namespace gl::app
