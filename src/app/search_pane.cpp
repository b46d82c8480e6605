#include "app/search_pane.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

#include <utility>

#include "core/mask.h"
#include "db/ledger.h"
#include "db/search_queries.h"

namespace gl::app {

namespace {
constexpr int kLimit = 50;
constexpr int kPauseMs = 150;  // typing faster than this is one query
}

SearchPane::SearchPane(wxWindow* parent, db::Ledger& ledger, Open open)
    : wxPanel(parent, wxID_ANY), ledger_(ledger), open_(std::move(open)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  query_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  query_->SetDescriptiveText(_("Find a person or household: name, pinyin (zs), id or phone digits, address  (Ctrl+F)"));
  query_->ShowCancelButton(true);
  sizer->Add(query_, wxSizerFlags().Expand());
  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(180)), wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
  list_->AppendColumn(_("Identity number"), wxLIST_FORMAT_LEFT, FromDIP(170));
  list_->AppendColumn(_("Phone"), wxLIST_FORMAT_LEFT, FromDIP(120));
  list_->AppendColumn(_("Grid"), wxLIST_FORMAT_LEFT, FromDIP(90));
  list_->AppendColumn(_("Address"), wxLIST_FORMAT_LEFT, FromDIP(420));
  sizer->Add(list_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
  SetSizer(sizer);
  list_->Hide();

  debounce_.SetOwner(this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { runQuery(); }, debounce_.GetId());
  query_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { typed(); });
  query_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
    query_->Clear();
    runQuery();
  });
  // Enter opens the best match: a scanned door card or a whole id number goes straight there.
  query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { openBest(); });
  query_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_DOWN && !hits_.empty()) {
      showResults(true);
      list_->SetFocus();
      list_->Select(0);
      list_->Focus(0);
    } else if (e.GetKeyCode() == WXK_ESCAPE) {
      query_->Clear();
      runQuery();
    } else {
      e.Skip();
    }
  });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { openResult(static_cast<std::size_t>(e.GetIndex())); });
  list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_ESCAPE) {
      query_->SetFocus();
    } else if (e.GetKeyCode() == WXK_UP && list_->GetFirstSelected() == 0) {
      query_->SetFocus();
    } else {
      e.Skip();
    }
  });
}

void SearchPane::focusQuery() {
  query_->SetFocus();
  query_->SelectAll();
}

void SearchPane::setQuery(const wxString& text) {
  query_->ChangeValue(text);
  runQuery();
}

void SearchPane::typed() { debounce_.StartOnce(kPauseMs); }

void SearchPane::runQuery() {
  debounce_.Stop();
  if (task_) return;  // the search under way runs again for the new text when it ends
  std::string query = query_->GetValue().utf8_string();
  auto find = [query, reader = reader_, file = ledger_.path()](const core::Reporter&) {
    if (!reader->ledger) reader->ledger = db::Ledger::open(file);
    db::Ledger& ledger = *reader->ledger;
    return db::SearchQueries(ledger, ledger.readerScope()).find(query, kLimit);
  };
  task_ = BackgroundTask::start<std::vector<db::SearchHit>>(
      *this, find, [this, query](std::vector<db::SearchHit>&& hits) { listHits(query, std::move(hits)); },
      [this, query](std::exception_ptr) { listHits(query, {}); });
}

void SearchPane::listHits(const std::string& query, std::vector<db::SearchHit> hits) {
  task_.reset();
  if (query != query_->GetValue().utf8_string()) {  // typed on meanwhile
    runQuery();
    return;
  }
  hits_ = std::move(hits);
  listed_ = query;
  list_->Freeze();
  list_->DeleteAllItems();
  long row = 0;
  for (const auto& h : hits_) {
    bool household = h.table == core::Table::Household;
    list_->InsertItem(row, household ? _("Household") + ": " + wxString::FromUTF8(h.name) : wxString::FromUTF8(h.name));
    list_->SetItem(row, 1, h.idNumber.empty() ? wxString() : wxString::FromUTF8(core::maskId(h.idNumber)));
    list_->SetItem(row, 2, h.phone.empty() ? wxString() : wxString::FromUTF8(core::maskPhone(h.phone)));
    list_->SetItem(row, 3, wxString::FromUTF8(h.grid));
    list_->SetItem(row, 4, wxString::FromUTF8(h.address));
    ++row;
  }
  list_->Thaw();
  showResults(!query.empty());
  // A scanned door card opens its household as soon as its digits are in (a scanner need not send
  // Enter), and the code stays selected so that the next card's digits replace it.
  bool open = std::exchange(openWhenListed_, false);
  if (open || (!hits_.empty() && hits_.front().matchedBy == "door_card")) openBest();
}

void SearchPane::openBest() {
  if (searching() || listed_ != query_->GetValue().utf8_string()) {
    openWhenListed_ = true;  // Enter opens what the box holds, not what it held a moment ago
    if (!task_) runQuery();
    return;
  }
  if (hits_.empty()) return;
  openResult(0);
  // After a door card the box stays ready for the next one, once the household list has taken the focus.
  if (hits_.front().matchedBy == "door_card") CallAfter([this] { focusQuery(); });
}

bool SearchPane::resultsShown() const { return list_->IsShown(); }

void SearchPane::showResults(bool show) {
  if (list_->IsShown() == show) return;
  list_->Show(show);
  GetParent()->Layout();
}

void SearchPane::openResult(std::size_t index) {
  if (index >= hits_.size()) return;
  const auto& h = hits_[index];
  std::string resident = h.table == core::Table::Resident ? h.id : std::string();
  // The list makes way for the household it opened; the query stays (Down shows the list again).
  showResults(false);
  if (open_) open_(h.householdId, resident);
}

}  // namespace gl::app
