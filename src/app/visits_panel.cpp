#include "app/visits_panel.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/campaign_dialog.h"
#include "app/form_support.h"
#include "app/visit_dialog.h"
#include "text/labels.h"
#include "db/visit_queries.h"

namespace gl::app {

namespace col = core::col;

std::vector<db::Row> campaignsByStart(const db::Ledger& ledger) {
  std::vector<db::Row> out;
  ledger.forEachRow(core::Table::Campaign, [&](const db::Row& r) { out.push_back(r); });
  std::stable_sort(out.begin(), out.end(), [](const db::Row& a, const db::Row& b) {
    return a[col::campaign::startOn].value_or("") > b[col::campaign::startOn].value_or("");
  });
  return out;
}

std::optional<db::Row> runningCampaign(const db::Ledger& ledger, core::Date day) {
  const std::string iso = day.iso();
  for (auto& c : campaignsByStart(ledger)) {
    const auto& start = c[col::campaign::startOn];
    const auto& end = c[col::campaign::endOn];
    if (start && *start <= iso && (!end || iso <= *end)) return std::move(c);
  }
  return std::nullopt;
}

wxString campaignTitle(const db::Row& campaign) {
  wxString name = toWx(campaign[col::campaign::name].value_or(""));
  wxString start = toWx(campaign[col::campaign::startOn].value_or(""));
  if (!campaign[col::campaign::endOn])
    // TRANSLATORS: a campaign in a chooser: %1$s its name, %2$s its start date; it has no end date.
    return wxString::Format(_("%1$s (from %2$s)"), name, start);
  // TRANSLATORS: a campaign in a chooser: %1$s its name, %2$s and %3$s its first and last days.
  return wxString::Format(_("%1$s (%2$s – %3$s)"), name, start, toWx(*campaign[col::campaign::endOn]));
}

VisitsPanel::VisitsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed)
    : LedgerPanel(parent, ledger, std::move(changed)) {
  const int gap = FromDIP(8);
  auto* root = new wxBoxSizer(wxVERTICAL);

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(new wxStaticText(this, wxID_ANY, _("&Campaign:")), wxSizerFlags().CenterVertical());
  campaign_ = new wxChoice(this, wxID_ANY);
  top->Add(campaign_, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, gap));
  newCampaign_ = new wxButton(this, wxID_ANY, _("&New campaign…"));
  top->Add(newCampaign_, wxSizerFlags().CenterVertical());
  root->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));

  summary_ = new wxStaticText(this, wxID_ANY, wxString());
  summary_->SetFont(GetFont().Bold());
  root->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

  auto* body = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  left->Add(new wxStaticText(this, wxID_ANY, _("&Progress by grid and building:")), wxSizerFlags().Border(wxBOTTOM, 3));
  progressList_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES);
  progressList_->AppendTextColumn(toWx(text::fieldLabel(col::household::grid)), wxDATAVIEW_CELL_INERT,
                                  FromDIP(110));
  progressList_->AppendTextColumn(toWx(text::fieldLabel(col::household::building)), wxDATAVIEW_CELL_INERT,
                                  FromDIP(80));
  progressList_->AppendTextColumn(_("Visited"), wxDATAVIEW_CELL_INERT, FromDIP(70), wxALIGN_RIGHT);
  progressList_->AppendProgressColumn(_("Progress"), wxDATAVIEW_CELL_INERT, FromDIP(110));
  progressList_->AppendTextColumn("%", wxDATAVIEW_CELL_INERT, FromDIP(50), wxALIGN_RIGHT);
  // Wide enough for its columns; the households' list takes the rest.
  progressList_->SetMinSize(wxSize(FromDIP(110 + 80 + 70 + 110 + 50 + 24), -1));
  left->Add(progressList_, wxSizerFlags(1).Expand());
  body->Add(left, wxSizerFlags().Expand().Border(wxRIGHT, gap));

  auto* right = new wxBoxSizer(wxVERTICAL);
  toVisitTitle_ = new wxStaticText(this, wxID_ANY, _("&Still to visit:"));
  right->Add(toVisitTitle_, wxSizerFlags().Border(wxBOTTOM, 3));
  toVisitList_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  // A round goes building by building, door by door: those come first, the full address last.
  toVisitList_->AppendColumn(toWx(text::fieldLabel(col::household::building)), wxLIST_FORMAT_LEFT,
                             FromDIP(60));
  toVisitList_->AppendColumn(toWx(text::fieldLabel(col::household::unit)), wxLIST_FORMAT_LEFT, FromDIP(50));
  toVisitList_->AppendColumn(toWx(text::fieldLabel(col::household::room)), wxLIST_FORMAT_LEFT, FromDIP(60));
  toVisitList_->AppendColumn(toWx(text::fieldLabel(col::household::householdNo)), wxLIST_FORMAT_LEFT,
                             FromDIP(90));
  toVisitList_->AppendColumn(toWx(text::fieldLabel(col::household::address)), wxLIST_FORMAT_LEFT,
                             FromDIP(320));
  right->Add(toVisitList_, wxSizerFlags(1).Expand());
  record_ = new wxButton(this, wxID_ANY, _("&Record visit…"));
  right->Add(record_, wxSizerFlags().Border(wxTOP, gap));
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetForegroundColour(wxColour(176, 0, 32));
  right->Add(message_, wxSizerFlags().Expand().Border(wxTOP, gap / 2));
  body->Add(right, wxSizerFlags(1).Expand());
  root->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
  SetSizer(root);

  campaign_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    gridId_.clear();
    say({});
    loadProgress();
  });
  newCampaign_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newCampaign(); });
  progressList_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { onProgressSelected(); });
  // Enter on a grid goes on to its households, where Enter opens the visit form.
  progressList_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
    onProgressSelected();
    if (toVisitList_->GetItemCount() > 0) {
      toVisitList_->SetFocus();
      if (toVisitList_->GetFirstSelected() < 0) toVisitList_->Select(0);
    }
  });
  toVisitList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    auto i = static_cast<std::size_t>(e.GetIndex());
    if (i < toVisit_.size()) newVisit(toVisit_[i].id);
  });
  toVisitList_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { say({}); });
  record_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newVisit({}); });
}

void VisitsPanel::load() {
  std::string keep = campaignId();
  if (keep.empty())
    if (auto running = runningCampaign(ledger(), ledger().today())) keep = running->id;
  loadCampaigns(keep);
  loadProgress();
}

void VisitsPanel::loadCampaigns(const std::string& keep) {
  campaign_->Clear();
  campaignIds_.clear();
  for (const auto& c : campaignsByStart(ledger())) {
    campaign_->Append(campaignTitle(c));
    campaignIds_.push_back(c.id);
  }
  auto it = std::find(campaignIds_.begin(), campaignIds_.end(), keep);
  if (!campaignIds_.empty()) campaign_->SetSelection(it == campaignIds_.end() ? 0 : static_cast<int>(it - campaignIds_.begin()));
  campaign_->Enable(!campaignIds_.empty());
}

std::string VisitsPanel::campaignId() const {
  int i = campaign_->GetSelection();
  return i >= 0 && static_cast<std::size_t>(i) < campaignIds_.size() ? campaignIds_[static_cast<std::size_t>(i)] : std::string();
}

void VisitsPanel::selectCampaign(const std::string& campaignId) {
  auto it = std::find(campaignIds_.begin(), campaignIds_.end(), campaignId);
  if (it == campaignIds_.end()) return;
  campaign_->SetSelection(static_cast<int>(it - campaignIds_.begin()));
  gridId_.clear();
  loadProgress();
}

void VisitsPanel::loadProgress() {
  const std::string campaign = campaignId();
  progress_ = campaign.empty() ? std::vector<db::VisitProgress>() : query<db::VisitQueries>().progress(campaign);
  std::int64_t households = 0, visited = 0;
  for (const auto& p : progress_) {
    households += p.households;
    visited += p.visited;
  }
  if (campaign.empty())
    summary_->SetLabel(_("No screening campaign yet: start one with “New campaign…”."));
  else if (progress_.empty())
    summary_->SetLabel(_("This campaign's scope takes in no grid with households."));
  else
    // TRANSLATORS: the Visits tab's summary: %1$lld households visited of %2$lld, %3$d percent.
    summary_->SetLabel(wxString::Format(_("Visited %1$lld of %2$lld households (%3$d%%)"),
                                        static_cast<long long>(visited), static_cast<long long>(households),
                                        households > 0 ? static_cast<int>(visited * 100 / households) : 0));

  if (std::none_of(progress_.begin(), progress_.end(), [&](const db::VisitProgress& p) { return p.gridId == gridId_; })) {
    // A grid to start from: the first with someone left to visit.
    auto open = std::find_if(progress_.begin(), progress_.end(), [](const db::VisitProgress& p) { return p.visited < p.households; });
    gridId_ = open != progress_.end() ? open->gridId : progress_.empty() ? std::string() : progress_.front().gridId;
  }
  progressList_->Freeze();
  progressList_->DeleteAllItems();
  int selectRow = -1;
  for (std::size_t i = 0; i < progress_.size(); ++i) {
    const auto& p = progress_[i];
    int percent = p.households > 0 ? static_cast<int>(p.visited * 100 / p.households) : 0;
    wxVector<wxVariant> values;
    values.push_back(wxVariant(toWx(p.gridName.empty() ? p.gridCode : p.gridName)));
    values.push_back(wxVariant(p.building.empty() ? _("(no building)") : toWx(p.building)));
    values.push_back(wxVariant(wxString::Format("%lld / %lld", static_cast<long long>(p.visited),
                                                static_cast<long long>(p.households))));
    values.push_back(wxVariant(static_cast<long>(percent)));
    values.push_back(wxVariant(wxString::Format("%d%%", percent)));
    progressList_->AppendItem(values, static_cast<wxUIntPtr>(i));
    if (selectRow < 0 && p.gridId == gridId_) selectRow = static_cast<int>(i);
  }
  if (selectRow >= 0) {
    progressList_->SelectRow(static_cast<unsigned>(selectRow));
    progressList_->EnsureVisible(progressList_->RowToItem(selectRow));
  }
  progressList_->Thaw();
  newCampaign_->Enable();
  Layout();
  loadToVisit();
}

void VisitsPanel::onProgressSelected() {
  int row = progressList_->GetSelectedRow();
  if (row < 0 || static_cast<std::size_t>(row) >= progress_.size()) return;
  const auto& p = progress_[static_cast<std::size_t>(row)];
  if (p.gridId != gridId_) {
    gridId_ = p.gridId;
    loadToVisit();
  }
  // Start from the chosen building's first household still to visit.
  for (std::size_t i = 0; i < toVisit_.size(); ++i)
    if (toVisit_[i][col::household::building].value_or("") == p.building) {
      selectHousehold(toVisit_[i].id);
      break;
    }
}

void VisitsPanel::loadToVisit() {
  std::string keep = selectedHousehold();
  long keepIndex = toVisitList_->GetFirstSelected();
  const std::string campaign = campaignId();
  toVisit_ = campaign.empty() || gridId_.empty() ? std::vector<db::Row>() : query<db::VisitQueries>().householdsToVisit(campaign, gridId_);
  wxString gridName;
  for (const auto& p : progress_)
    if (p.gridId == gridId_) gridName = toWx(p.gridName.empty() ? p.gridCode : p.gridName);
  if (gridName.empty())
    toVisitTitle_->SetLabel(_("&Still to visit:"));
  else
    // TRANSLATORS: above the list of a grid's households not yet visited; %1$s is the grid, %2$lld their number.
    toVisitTitle_->SetLabel(wxString::Format(_("&Still to visit in %1$s (%2$lld):"), gridName,
                                             static_cast<long long>(toVisit_.size())));
  toVisitList_->Freeze();
  toVisitList_->DeleteAllItems();
  long select = -1;
  for (std::size_t i = 0; i < toVisit_.size(); ++i) {
    const auto& h = toVisit_[i];
    long row = toVisitList_->InsertItem(static_cast<long>(i), toWx(h[col::household::building].value_or("")));
    toVisitList_->SetItem(row, 1, toWx(h[col::household::unit].value_or("")));
    toVisitList_->SetItem(row, 2, toWx(h[col::household::room].value_or("")));
    toVisitList_->SetItem(row, 3, toWx(h[col::household::householdNo].value_or("")));
    toVisitList_->SetItem(row, 4, toWx(h[col::household::address].value_or("")));
    if (h.id == keep) select = row;
  }
  // The household just visited has left the list: the one after it takes its place.
  if (select < 0 && keepIndex >= 0 && !toVisit_.empty()) select = std::min<long>(keepIndex, static_cast<long>(toVisit_.size()) - 1);
  if (select >= 0) {
    toVisitList_->Select(select);
    toVisitList_->Focus(select);
    toVisitList_->EnsureVisible(select);
  }
  toVisitList_->Thaw();
  record_->Enable(!campaign.empty());
  Layout();
}

std::vector<std::string> VisitsPanel::toVisit() const {
  std::vector<std::string> out;
  for (const auto& h : toVisit_) out.push_back(h.id);
  return out;
}

std::string VisitsPanel::selectedHousehold() const {
  long i = toVisitList_->GetFirstSelected();
  return i >= 0 && static_cast<std::size_t>(i) < toVisit_.size() ? toVisit_[static_cast<std::size_t>(i)].id : std::string();
}

void VisitsPanel::selectHousehold(const std::string& householdId) {
  for (std::size_t i = 0; i < toVisit_.size(); ++i)
    if (toVisit_[i].id == householdId) {
      toVisitList_->Select(static_cast<long>(i));
      toVisitList_->Focus(static_cast<long>(i));
      toVisitList_->EnsureVisible(static_cast<long>(i));
      return;
    }
}

void VisitsPanel::selectGrid(const std::string& gridId) {
  gridId_ = gridId;
  for (std::size_t i = 0; i < progress_.size(); ++i)
    if (progress_[i].gridId == gridId) {
      progressList_->SelectRow(static_cast<unsigned>(i));
      break;
    }
  loadToVisit();
}

wxString VisitsPanel::message() const { return message_->GetLabel(); }

void VisitsPanel::say(const wxString& text) {
  message_->SetLabel(text);
  message_->Wrap(std::max(FromDIP(200), toVisitList_->GetSize().x));
  Layout();
}

void VisitsPanel::newVisit(const std::string& householdId) {
  std::string id = householdId.empty() ? selectedHousehold() : householdId;
  if (id.empty()) {
    say(_("Choose a household in the list of households still to visit (or find one with the search box) first."));
    toVisitList_->SetFocus();
    return;
  }
  say({});
  VisitDialog dialog(this, ledger(), id, campaignId(), [this] { notifyChanged(); });
  dialog.ShowModal();
  if (dialog.savedCount() > 0) reload();
  if (dialog.roundFinished())
    say(_("Every household of this grid has been visited in this campaign."));
  else if (dialog.savedCount() > 0)
    selectHousehold(dialog.householdId());
  toVisitList_->SetFocus();
}

void VisitsPanel::newCampaign() {
  CampaignDialog dialog(this, ledger());
  if (dialog.ShowModal() != wxID_OK || dialog.savedId().empty()) return;
  loadCampaigns(dialog.savedId());
  gridId_.clear();
  loadProgress();
  notifyChanged();
}

}  // namespace gl::app
