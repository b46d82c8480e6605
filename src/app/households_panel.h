// The Households tab (住户): a virtual list of households with filters, and the selected household's
// members in a detail pane.
#pragma once

#include <string>

#include "app/ledger_panel.h"

namespace gl::app {

class HouseholdsPanel : public LedgerPanel {
 public:
  HouseholdsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed);
  void reload() override;

  void setFilter(const db::HouseholdFilter& filter);
  void showHousehold(const std::string& householdId, const std::string& residentId = {});
  void newHousehold();
  void newResident();  // in the selected household
  void editSelected();
  std::string selectedHousehold() const;
  std::string selectedResident() const;
};

}  // namespace gl::app
