// Command ids of the menu items, so that panels and tests name the same action.
#pragma once

#include <wx/defs.h>

namespace gl::app {

// The main window's tabs, in notebook order.
enum class Tab { Today = 0, Households, Quarantine, Visits };

}  // namespace gl::app

namespace gl::app::cmd {

enum : int {
  kNewLedger = wxID_HIGHEST + 100,
  kOpenLedger,
  kShowToday,
  kShowHouseholds,
  kShowQuarantine,
  kShowVisits,
  kFind,
  kRefresh,
  kNewHousehold,
  kNewResident,
  kEditSelected,
  kStartQuarantine,
  kRecordChecks,
  kReleaseCase,
  kExtendCase,
  kTransferCase,
  kCheckDetails,
  kNewVisit,
  kNewCampaign,
  kImport,
  kPrintRoster,
  kSyncNow,
  kSyncSettings,
  kSyncProblems,
};

}  // namespace gl::app::cmd
