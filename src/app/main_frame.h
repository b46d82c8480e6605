// The main window is a shell (STYLE.md "Forms"): menus with a shortcut for every action, the search
// box, the grid tree, one notebook with a panel class per tab, and the status bar.
#pragma once

#include <memory>

#include <wx/frame.h>

#include "app/app_settings.h"
#include "app/commands.h"
#include "db/ledger.h"

class wxNotebook;
class wxSplitterWindow;

namespace gl::app {

class GridTree;
class LedgerPanel;
class SearchPane;
class TodayPanel;
class HouseholdsPanel;
class QuarantinePanel;
class VisitsPanel;

class MainFrame : public wxFrame {
 public:
  MainFrame(std::unique_ptr<db::Ledger> ledger, AppSettings& settings);
  ~MainFrame() override;

  db::Ledger& ledger() { return *ledger_; }
  void showTab(Tab tab);
  Tab currentTab() const;
  // Re-reads every tab and the status bar (after a save in any of them).
  void reloadAll();
  // Shows a household (and selects one of its members) in the Households tab.
  void openHousehold(const std::string& householdId, const std::string& residentId = {});

  SearchPane* searchPane() { return search_; }
  GridTree* gridTree() { return tree_; }
  TodayPanel* todayPanel() { return today_; }
  HouseholdsPanel* householdsPanel() { return households_; }
  QuarantinePanel* quarantinePanel() { return quarantine_; }
  VisitsPanel* visitsPanel() { return visits_; }

 private:
  void buildMenus();
  void createTabs();         // main_frame_tabs.cpp
  void bindPanelCommands();  // main_frame_tabs.cpp
  void bindCommands();
  void updateStatus();
  void switchLedger(std::unique_ptr<db::Ledger> ledger);
  void onNewLedger();
  void onOpenLedger();
  void onImport();
  void onPreferences();
  void onAbout();

  std::unique_ptr<db::Ledger> ledger_;
  AppSettings& settings_;
  wxSplitterWindow* splitter_ = nullptr;
  wxNotebook* notebook_ = nullptr;
  SearchPane* search_ = nullptr;
  GridTree* tree_ = nullptr;
  TodayPanel* today_ = nullptr;
  HouseholdsPanel* households_ = nullptr;
  QuarantinePanel* quarantine_ = nullptr;
  VisitsPanel* visits_ = nullptr;
};

}  // namespace gl::app
