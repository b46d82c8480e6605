// What a sync could not settle by itself, listed for the user: cells the data center refused (with
// the value that was refused; the data center's is back in the ledger), residents who share an
// identity number, and — for grid leaders and above — concurrent edits the data center kept, each of
// which one action restores.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include <wx/dialog.h>

#include "app/background_task.h"
#include "db/ledger.h"
#include "sync/sync_client.h"

class wxListCtrl;
class wxStaticText;

namespace gl::app {

class SyncProblemsDialog : public wxDialog {
 public:
  SyncProblemsDialog(wxWindow* parent, db::Ledger& ledger, sync::SyncOptions options);
  ~SyncProblemsDialog() override;  // stops asking the data center (within a second) and waits
  // True while a request to the data center is under way (the list, a restore, a merge).
  bool busy() const { return job_ != nullptr; }
  // Rows shown in each list (for tests).
  int refusedCount() const;
  int duplicateCount() const;
  int conflictCount() const;
  // Restores the other value of the selected conflict (the button's action); false when nothing is
  // selected. The data center's answer arrives while the window goes on (busy() until then).
  bool restoreSelected();
  // Merges the selected duplicate pair into its first resident, or marks it as two people (as above).
  bool settleSelected(bool merge);

 private:
  void fill();
  void fetchConflicts();
  // Every request to the data center is a BackgroundTask with its own connection to the ledger (a dead
  // network would otherwise hold the window for the connect timeout): `asking` shows meanwhile and the
  // actions wait; the answer runs `then` on this thread, or the error is shown.
  void ask(const wxString& asking, std::function<void(db::Ledger&, const sync::SyncOptions&)> work,
           std::function<void()> then);
  void answered(std::exception_ptr error);
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
  std::function<void()> then_;
  std::vector<sync::ConflictInfo> fetched_;
  std::unique_ptr<BackgroundTask> job_;  // last: stops before the members its work and hooks touch
};

}  // namespace gl::app
