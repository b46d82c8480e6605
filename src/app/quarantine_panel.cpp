#include "app/quarantine_panel.h"

#include "app/local_clock.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "app/case_list.h"
#include "app/check_sheet.h"
#include "text/labels.h"
#include "db/household_queries.h"
#include "db/quarantine_queries.h"
#include "db/tree_queries.h"

namespace gl::app {

namespace {

wxDateTime toWxDate(core::Date d) {
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day), static_cast<wxDateTime::Month>(d.month - 1),
                    d.year);
}

core::Date fromWxDate(const wxDateTime& d) {
  return core::Date{d.GetYear(), static_cast<int>(d.GetMonth()) + 1, d.GetDay()};
}

}  // namespace

QuarantinePanel::QuarantinePanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed)
    : LedgerPanel(parent, ledger, std::move(changed)), date_(ledger.today()) {
  buildControls();
  say(wxString(), false);
}

void QuarantinePanel::buildControls() {
  const int gap = FromDIP(6);
  wxSizer* top = buildDateBar();
  wxSizer* actions = buildCaseBar();
  list_ = new CaseList(this);
  wxSizer* sheetBar = buildSheetBar();
  sheet_ = new CheckSheet(this, ledger());
  message_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
  // The list and the sheet scroll: their columns must not widen the tab past the window (the
  // buttons on the right would be cut off, as they were in English).
  list_->SetMinSize(wxSize(FromDIP(320), FromDIP(120)));
  sheet_->SetMinSize(wxSize(FromDIP(320), FromDIP(160)));

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));
  sizer->Add(actions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
  sizer->Add(list_, wxSizerFlags(2).Expand().Border(wxALL, gap));
  sizer->Add(sheetBar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
  sizer->Add(sheet_, wxSizerFlags(3).Expand().Border(wxALL, gap));
  sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
  SetSizer(sizer);
  bindListAndSheet();
}

wxSizer* QuarantinePanel::buildDateBar() {
  const int gap = FromDIP(6);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(new wxStaticText(this, wxID_ANY, _("&Date:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
  datePicker_ = new wxDatePickerCtrl(this, wxID_ANY, toWxDate(date_), wxDefaultPosition, wxDefaultSize,
                                     wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  top->Add(datePicker_, wxSizerFlags().CenterVertical());
  auto* previous = new wxButton(this, wxID_ANY, wxString::FromUTF8("◀"), wxDefaultPosition, wxDefaultSize,
                                wxBU_EXACTFIT);
  previous->SetToolTip(_("The day before (Ctrl+Left)"));
  auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  for (auto* arrow : {previous, next}) arrow->SetMinSize(wxSize(FromDIP(30), -1));
  next->SetToolTip(_("The day after (Ctrl+Right)"));
  auto* today = new wxButton(this, wxID_ANY, _("T&oday"));
  top->Add(previous, wxSizerFlags().CenterVertical().Border(wxLEFT, gap / 2));
  top->Add(next, wxSizerFlags().CenterVertical());
  top->Add(today, wxSizerFlags().CenterVertical().Border(wxLEFT, gap / 2));
  top->AddSpacer(3 * gap);
  top->Add(new wxStaticText(this, wxID_ANY, _("&Grid:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
  grid_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(220), -1));
  top->Add(grid_, wxSizerFlags().CenterVertical());
  summary_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
  top->Add(summary_, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 3 * gap));

  datePicker_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& e) {
    if (e.GetDate().IsValid()) setDate(fromWxDate(e.GetDate()));
  });
  previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { shiftDate(-1); });
  next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { shiftDate(1); });
  today->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setDate(ledger().today()); });
  grid_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    int index = grid_->GetSelection();
    setGridFilter(index > 0 ? gridIds_[static_cast<std::size_t>(index)] : std::string());
  });
  return top;
}

wxSizer* QuarantinePanel::buildCaseBar() {
  const int gap = FromDIP(6);
  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  casesTitle_ = new wxStaticText(this, wxID_ANY, _("Active cases"));
  casesTitle_->SetFont(casesTitle_->GetFont().Bold());
  actions->Add(casesTitle_, wxSizerFlags(1).CenterVertical());
  auto* release = new wxButton(this, wxID_ANY, _("&Release…"));
  auto* extend = new wxButton(this, wxID_ANY, _("E&xtend…"));
  auto* transfer = new wxButton(this, wxID_ANY, _("&Transfer or hospitalize…"));
  for (auto* b : {release, extend, transfer}) actions->Add(b, wxSizerFlags().Border(wxLEFT, gap));
  release->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { releaseSelected(); });
  extend->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { extendSelected(); });
  transfer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { transferSelected(); });
  return actions;
}

wxSizer* QuarantinePanel::buildSheetBar() {
  auto* sheetBar = new wxBoxSizer(wxHORIZONTAL);
  sheetTitle_ = new wxStaticText(this, wxID_ANY, _("Check sheet"));
  sheetTitle_->SetFont(sheetTitle_->GetFont().Bold());
  sheetBar->Add(sheetTitle_, wxSizerFlags(1).CenterVertical());
  auto* details = new wxButton(this, wxID_ANY, _("Check &details…"));
  sheetBar->Add(details, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
  details->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openCheckDetails(); });
  return sheetBar;
}

void QuarantinePanel::bindListAndSheet() {
  // Enter on a case shows that person's line of the check sheet.
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    if (e.GetIndex() >= 0 && e.GetIndex() < static_cast<long>(cases_.size()) &&
        sheet_->goToCase(cases_[static_cast<std::size_t>(e.GetIndex())].id))
      sheet_->SetFocus();
  });
  sheet_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, [this](wxGridEvent& e) {
    sheet_->SetGridCursor(e.GetRow(), e.GetCol());
    openCheckDetails();
  });
  sheet_->onMessage([this](const wxString& text, bool alert) { say(text, alert); });
  // The other tabs (Today's figures) follow after the entry is finished, not inside the grid's
  // editing: reloading the sheet from its own commit would pull the rows from under the editor.
  sheet_->onRecorded([this] { CallAfter([this] { notifyOwnChange(); }); });
  // Ctrl+Left/Right change the day wherever the focus is in the tab, except inside a cell being typed.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    bool arrow = e.GetKeyCode() == WXK_LEFT || e.GetKeyCode() == WXK_RIGHT;
    if (arrow && e.GetModifiers() == wxMOD_CONTROL && !sheet_->IsCellEditControlShown()) {
      shiftDate(e.GetKeyCode() == WXK_LEFT ? -1 : 1);
      return;
    }
    e.Skip();
  });
}

void QuarantinePanel::fillGrids() {
  std::vector<std::pair<std::string, wxString>> grids;
  std::function<void(const db::RegionNode&)> visit = [&](const db::RegionNode& region) {
    for (const auto& g : query<db::TreeQueries>().gridsOf(region.id))
      // TRANSLATORS: a grid in the grid filter: %1$s the community, %2$s the grid's name
      grids.emplace_back(g.id, wxString::Format(_("%1$s, %2$s"), toWx(region.name), toWx(g.name)));
    for (const auto& child : query<db::TreeQueries>().childRegions(region.id)) visit(child);
  };
  for (const auto& top : query<db::TreeQueries>().childRegions("")) visit(top);
  std::vector<std::string> ids = {std::string()};
  for (const auto& g : grids) ids.push_back(g.first);
  if (ids == gridIds_) return;
  gridIds_ = std::move(ids);
  grid_->Clear();
  grid_->Append(_("All grids"));
  for (const auto& g : grids) grid_->Append(g.second);
  auto it = std::find(gridIds_.begin(), gridIds_.end(), gridId_);
  if (it == gridIds_.end()) {
    gridId_.clear();
    it = gridIds_.begin();
  }
  grid_->SetSelection(static_cast<int>(it - gridIds_.begin()));
}

void QuarantinePanel::load() {
  // The grid list walks the region tree: worth it after others' changes (a new grid), not after
  // each temperature or case action of this tab.
  if (!ownChange_) fillGrids();
  ownChange_ = false;
  reloadCases();
  reloadSheet();
}

void QuarantinePanel::notifyOwnChange() {
  ownChange_ = true;
  notifyChanged();
  ownChange_ = false;
}

void QuarantinePanel::reloadCases() {
  std::string keep = selectedCase();
  policies_ = ledger().policies();
  cases_ = query<db::QuarantineQueries>().active(date_);
  if (!gridId_.empty()) {
    std::set<std::string> households;
    for (const auto& h : query<db::HouseholdQueries>().page(gridId_, 0, std::numeric_limits<int>::max())) households.insert(h.id);
    std::erase_if(cases_, [&](const db::QuarantineItem& q) { return !households.count(q.householdId); });
  }
  reviews_.clear();
  for (auto& r : query<db::QuarantineQueries>().reviewDue(date_)) reviews_.emplace(r.quarantineId, std::move(r));
  int toDecide = 0;
  for (const auto& q : cases_)
    if (auto it = reviews_.find(q.id); it != reviews_.end() && it->second.proposal != core::Proposal::None) ++toDecide;

  list_->SetItemCount(static_cast<long>(cases_.size()));
  list_->Refresh();
  if (!keep.empty()) selectCase(keep);
  // TRANSLATORS: %d is a number of quarantine cases (the list's title)
  casesTitle_->SetLabel(wxString::Format(_("Active cases: %d"), static_cast<int>(cases_.size())));
  // TRANSLATORS: %d is the number of cases at or past their planned end that need a decision
  summary_->SetLabel(toDecide == 0 ? wxString()
                                   : wxString::Format(wxPLURAL("%d case needs a decision (highlighted)",
                                                               "%d cases need a decision (highlighted)", toDecide),
                                                      toDecide));
  Layout();
}

void QuarantinePanel::reloadSheet() {
  // Never while a cell is being typed: that editor belongs to the rows it was opened on.
  if (sheet_->IsCellEditControlShown()) return;
  sheet_->load(date_, gridId_);
  std::size_t done = 0, due = 0;
  for (const auto& r : sheet_->rows())
    for (const auto& t : r.tenths) {
      ++due;
      if (t) ++done;
    }
  // TRANSLATORS: %1$s a date, %2$d people on the sheet, %3$d checks recorded, %4$d checks due that day
  sheetTitle_->SetLabel(wxString::Format(_("Check sheet %1$s: %2$d people, %3$d of %4$d checks done"),
                                         toWx(date_.iso()), static_cast<int>(sheet_->rows().size()),
                                         static_cast<int>(done), static_cast<int>(due)));
  Layout();
}

void QuarantinePanel::setDate(core::Date on) {
  if (sheet_->IsCellEditControlShown()) sheet_->DisableCellEditControl();  // commits what was typed
  date_ = on;
  if (fromWxDate(datePicker_->GetValue()) != on) datePicker_->SetValue(toWxDate(on));
  say(wxString(), false);
  reloadCases();
  reloadSheet();
}

void QuarantinePanel::shiftDate(int days) { setDate(date_.addDays(days)); }

void QuarantinePanel::setGridFilter(const std::string& gridId) {
  auto it = std::find(gridIds_.begin(), gridIds_.end(), gridId);
  gridId_ = it == gridIds_.end() ? std::string() : gridId;
  grid_->SetSelection(it == gridIds_.end() ? 0 : static_cast<int>(it - gridIds_.begin()));
  reloadCases();
  reloadSheet();
}

wxString QuarantinePanel::dayText(int day, int totalDays) {
  // TRANSLATORS: a case's day within its quarantine period, e.g. "day 3 of 7" (第 3 天 / 共 7 天)
  return wxString::Format(_("day %1$d of %2$d"), day, totalDays);
}

wxString QuarantinePanel::statusText(const std::string& quarantineId) const {
  auto it = reviews_.find(quarantineId);
  if (it == reviews_.end()) return {};
  const auto& r = it->second;
  switch (r.proposal) {
    case core::Proposal::Release:
      return _("Ready for release");
    case core::Proposal::ReleaseAndChain: {
      const core::Policy* next = core::findPolicy(policies_, r.followOnPolicy);
      // TRANSLATORS: %s is the kind of the period that follows, e.g. "home health monitoring"
      return wxString::Format(_("Ready for release, then %s"),
                              next ? toWx(text::codeLabel(core::kindCode(next->kind))) : toWx(r.followOnPolicy));
    }
    case core::Proposal::Extend:
      // TRANSLATORS: %s is the proposed new planned end date
      return wxString::Format(_("Check missed: extend to %s"), toWx(r.newPlannedEnd.iso()));
    case core::Proposal::Overdue:
      // TRANSLATORS: %d is a number of missed temperature checks
      return wxString::Format(wxPLURAL("Overdue, %d check missed: decide", "Overdue, %d checks missed: decide",
                                       r.missedChecks),
                              r.missedChecks);
    case core::Proposal::None:
      return _("Last day: checks still due");
  }
  return {};
}

bool QuarantinePanel::selectCase(const std::string& quarantineId) {
  auto it = std::find_if(cases_.begin(), cases_.end(), [&](const auto& q) { return q.id == quarantineId; });
  if (it == cases_.end()) return false;
  long index = static_cast<long>(it - cases_.begin());
  list_->Select(index);
  list_->Focus(index);
  list_->EnsureVisible(index);
  return true;
}

const db::QuarantineItem* QuarantinePanel::selectedItem() const {
  long index = list_->GetFirstSelected();
  if (index < 0 || index >= static_cast<long>(cases_.size())) return nullptr;
  return &cases_[static_cast<std::size_t>(index)];
}

std::string QuarantinePanel::selectedCase() const {
  const auto* item = selectedItem();
  return item ? item->id : std::string();
}

wxString QuarantinePanel::message() const { return lastMessage_; }

// The line under the sheet: what the last entry did, or (when there is nothing to say) how to type.
void QuarantinePanel::say(const wxString& text, bool alert) {
  lastMessage_ = text;
  if (text.empty()) {
    message_->SetForegroundColour(wxColour(90, 90, 90));
    message_->SetLabel(_("Type a temperature into a cell and press Enter: the cursor moves down to the next person. "
                         "Ctrl+Left / Ctrl+Right: the day before / after."));
    return;
  }
  message_->SetForegroundColour(alert ? wxColour(176, 0, 32) : wxColour(0, 100, 0));
  message_->SetLabel(text);
}

void QuarantinePanel::focusCheckSheet() {
  int column = CheckSheet::kFirstSlotColumn;
  if (date_ == ledger().today() && localHour() >= 12)
    column = CheckSheet::kFirstSlotColumn + sheet_->slotColumns() - 1;
  if (!sheet_->focusFirstEmpty(column)) say(_("Nobody is due for a check on this date."), false);
}

}  // namespace gl::app
