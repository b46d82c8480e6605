// The one search box (name, pinyin initials, id or phone digits, household number, address) with
// results as you type. Ids and phones are masked in the list (docs/privacy.md §4). A pause in typing
// starts the search, on a BackgroundTask with its own connection to the ledger (docs/architecture.md
// §3): fast typing never waits for the ledger, and Enter opens the best match of what was typed last.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

#include "app/background_task.h"

#include "db/ledger.h"

class wxListView;
class wxSearchCtrl;

namespace gl::app {

class SearchPane : public wxPanel {
 public:
  using Open = std::function<void(const std::string& householdId, const std::string& residentId)>;
  SearchPane(wxWindow* parent, db::Ledger& ledger, Open open);

  void focusQuery();
  void setQuery(const wxString& text);  // as if typed, without the pause: the search starts at once
  // True from a keystroke until the results of what the box holds are listed.
  bool searching() const { return task_ != nullptr || debounce_.IsRunning(); }
  const std::vector<db::SearchHit>& results() const { return hits_; }
  bool resultsShown() const;
  void openResult(std::size_t index);
  void openBest();  // Enter: the best match (once the search of the box's text is in)

 private:
  void typed();      // a keystroke: the search starts after a pause
  void runQuery();   // searches for the box's text now (after the search under way, if any)
  void listHits(const std::string& query, std::vector<db::SearchHit> hits);
  void showResults(bool show);

  db::Ledger& ledger_;
  Open open_;
  wxSearchCtrl* query_ = nullptr;
  wxListView* list_ = nullptr;
  std::vector<db::SearchHit> hits_;
  std::string listed_;          // the text hits_ are the results of
  bool openWhenListed_ = false; // Enter came before the results of the box's text
  wxTimer debounce_;
  // The searches' own connection to the ledger, opened by the first search and kept for the next ones
  // (one search runs at a time, so only one thread uses it at once).
  struct Reader {
    std::unique_ptr<db::Ledger> ledger;
  };
  std::shared_ptr<Reader> reader_ = std::make_shared<Reader>();
  std::unique_ptr<BackgroundTask> task_;  // last: stops before the controls its hooks touch
};

}  // namespace gl::app
