// The one search box (name, pinyin initials, id or phone digits, household number, address) with
// results as you type. Ids and phones are masked in the list (docs/privacy.md §4).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "db/ledger.h"

class wxListView;
class wxSearchCtrl;

namespace gl::app {

class SearchPane : public wxPanel {
 public:
  using Open = std::function<void(const std::string& householdId, const std::string& residentId)>;
  SearchPane(wxWindow* parent, db::Ledger& ledger, Open open);

  void focusQuery();
  void setQuery(const wxString& text);  // as if typed
  const std::vector<db::SearchHit>& results() const { return hits_; }
  bool resultsShown() const;
  void openResult(std::size_t index);
  void openBest();  // Enter: the best match

 private:
  void runQuery();
  void showResults(bool show);

  db::Ledger& ledger_;
  Open open_;
  wxSearchCtrl* query_ = nullptr;
  wxListView* list_ = nullptr;
  std::vector<db::SearchHit> hits_;
};

}  // namespace gl::app
