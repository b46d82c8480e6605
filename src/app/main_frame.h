// The main window is a shell (docs/style.md §6): menus with a shortcut for every action, the search
// box, the grid tree, one notebook with a panel class per tab, and the status bar.
#pragma once

#include <exception>
#include <memory>
#include <optional>

#include <wx/frame.h>
#include <wx/timer.h>

#include "app/app_settings.h"
#include "app/background_task.h"
#include "app/commands.h"
#include "db/ledger.h"
#include "sync/sync_client.h"

class wxButton;
class wxNotebook;
class wxSplitterWindow;

namespace gl::app {

class GridTree;
class LedgerPanel;
class ProgressDialog;
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

  // Sync (main_frame_sync.cpp): with a progress window that can cancel, or in the background.
  void syncNow();
  void startSync(bool interactive);
  void startSync(bool interactive, const sync::SyncOptions& options);
  bool syncRunning() const { return syncTask_ != nullptr; }
  wxString syncStatus() const { return syncStatus_; }

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
  void bindSyncCommands();  // main_frame_sync.cpp
  void onSyncSettings();
  void onSyncProblems();
  void finishSync(bool interactive, std::optional<sync::SyncResult> result, std::exception_ptr error);

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
  wxButton* syncButton_ = nullptr;
  wxTimer syncTimer_;  // the background sync, every few minutes
  wxString syncStatus_;
  ProgressDialog* syncProgress_ = nullptr;    // while an interactive sync shows its progress
  std::unique_ptr<BackgroundTask> syncTask_;  // last: stops before the controls its hooks touch
};

}  // namespace gl::app
