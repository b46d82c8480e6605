// What the main window's tabs share: the open ledger, a reload after anything changed, and a way
// to tell the frame that they changed something (so the other tabs and the status bar follow).
#pragma once

#include <functional>

#include <wx/panel.h>

#include "db/ledger.h"

namespace gl::app {

class LedgerPanel : public wxPanel {
 public:
  using ChangedCallback = std::function<void()>;

  LedgerPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed)
      : wxPanel(parent, wxID_ANY), ledger_(ledger), changed_(std::move(changed)) {}

  // Re-reads what the panel shows from the ledger (after a save, an import, a sync, a date change).
  void reload() {
    stale_ = false;
    load();
  }

  // A hidden tab is not re-read after every save elsewhere (a typed temperature would otherwise
  // re-read 300,000 households): it is marked stale and re-read when it is shown.
  void markStale() { stale_ = true; }
  bool stale() const { return stale_; }
  void reloadIfStale() {
    if (stale_) reload();
  }

 protected:
  // What reload() does: each tab reads its rows (keeping the user's selection where it can).
  virtual void load() = 0;
  db::Ledger& ledger() { return ledger_; }
  // The tab's reads, for the reader's scope (db/query.h): query<db::TreeQueries>().gridsOf(id).
  template <typename Query>
  Query query() const {
    return Query(ledger_, ledger_.readerScope());
  }
  void notifyChanged() {
    if (changed_) changed_();
  }

 private:
  db::Ledger& ledger_;
  ChangedCallback changed_;
  bool stale_ = true;  // nothing is read until the panel is first shown (or reload() is called)
};

}  // namespace gl::app
