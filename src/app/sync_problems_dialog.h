// What a sync could not settle by itself, listed for the user: cells the data center refused (with
// the value that was refused; the data center's is back in the ledger), residents who share an
// identity number, and — for grid leaders and above — concurrent edits the data center kept, each of
// which one action restores.
#pragma once

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

#include <wx/dialog.h>
#include <wx/timer.h>

#include "db/ledger.h"
#include "sync/sync_client.h"

class wxListCtrl;
class wxStaticText;

namespace gl::app {

class SyncProblemsDialog : public wxDialog {
 public:
  SyncProblemsDialog(wxWindow* parent, db::Ledger& ledger, sync::SyncOptions options);
  ~SyncProblemsDialog() override;  // stops asking the data center (within a second) and waits
  // True while the concurrent edits are still being asked of the data center (for tests).
  bool loadingConflicts() const { return fetch_.joinable(); }
  // Rows shown in each list (for tests).
  int refusedCount() const;
  int duplicateCount() const;
  int conflictCount() const;
  // Restores the other value of the selected conflict (the button's action).
  bool restoreSelected();
  // Merges the selected duplicate pair into its first resident, or marks it as two people.
  bool settleSelected(bool merge);

 private:
  void fill();
  // The concurrent edits come from the data center on a thread of their own (a dead network would
  // otherwise hold the window for the connect timeout); a timer takes them when they are there.
  void fetchConflicts();
  void takeConflicts();
  std::string describeRow(core::Table table, const std::string& id) const;

  db::Ledger& ledger_;
  sync::SyncOptions options_;
  std::vector<sync::ConflictInfo> conflicts_;
  std::vector<std::pair<std::string, std::string>> pairs_;
  bool leader_ = false;
  wxListCtrl* refused_ = nullptr;
  wxListCtrl* duplicates_ = nullptr;
  wxListCtrl* conflictList_ = nullptr;
  wxStaticText* status_ = nullptr;
  std::thread fetch_;
  std::atomic<bool> fetchDone_{false}, fetchStop_{false};
  std::vector<sync::ConflictInfo> fetched_;
  std::exception_ptr fetchError_;
  wxTimer poll_;
};

}  // namespace gl::app
