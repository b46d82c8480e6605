#include "app/households_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "app/app.h"
#include "app/form_support.h"
#include "text/labels.h"
#include "db/household_queries.h"
#include "db/tree_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

// Looking for a household among the rows: every page of a list this short, otherwise only the pages
// near where it was (a reload after an edit) — a county-wide list is narrowed to the grid first.
constexpr std::size_t kSearchAllPages = 20;
constexpr std::size_t kSearchNearPages = 3;

bool showsHousehold(const db::HouseholdFilter& filter, const db::Row& household) {
  if (!filter.gridId.empty() && household.text(col::household::grid) != filter.gridId) return false;
  if (filter.gridId.empty() && filter.unassigned && !household.text(col::household::grid).empty()) return false;
  if (filter.building && household.text(col::household::building) != *filter.building) return false;
  return filter.kind.empty() || household.text(col::household::kind) == filter.kind;
}

}  // namespace

HouseholdsPanel::HouseholdsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed)
    : LedgerPanel(parent, ledger, std::move(changed)), model_(new HouseholdListModel(ledger)) {
  buildControls();
  bindEvents();
  updateFilterBar();
}

void HouseholdsPanel::buildControls() {
  const int gap = FromDIP(6);
  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  filters->Add(new wxStaticText(this, wxID_ANY, _("Grid:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
  gridName_ = new wxStaticText(this, wxID_ANY, wxString());
  gridName_->SetFont(gridName_->GetFont().Bold());
  filters->Add(gridName_, wxSizerFlags().CenterVertical());
  clearGrid_ = new wxButton(this, wxID_ANY, _("Show &all grids"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  clearGrid_->SetToolTip(_("Clear the grid chosen in the tree and list the households of every grid"));
  filters->Add(clearGrid_, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
  toDispatch_ = new wxButton(this, wxID_ANY, _("&To dispatch"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  toDispatch_->SetToolTip(_("Households without a grid (from imported rosters): give each one its grid"));
  filters->Add(toDispatch_, wxSizerFlags().CenterVertical().Border(wxLEFT, gap / 2));
  filters->AddSpacer(3 * gap);
  filters->Add(new wxStaticText(this, wxID_ANY, _("&Building:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
  building_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(170), -1));
  filters->Add(building_, wxSizerFlags().CenterVertical());
  filters->AddSpacer(3 * gap);
  filters->Add(new wxStaticText(this, wxID_ANY, _("&Kind:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
  kind_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(150), -1));
  kind_->Append(_("Any kind"));
  for (auto code : core::codes::kHouseholdKind) kind_->Append(toWx(text::codeLabel(code)));
  kind_->SetSelection(0);
  filters->Add(kind_, wxSizerFlags().CenterVertical());
  filters->AddStretchSpacer();
  count_ = new wxStaticText(this, wxID_ANY, wxString());
  filters->Add(count_, wxSizerFlags().CenterVertical().Border(wxLEFT, 3 * gap));

  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  auto* newHousehold = new wxButton(this, wxID_ANY, _("&New household…"));
  newHousehold->SetToolTip(_("Ctrl+N"));
  addResidentButton_ = new wxButton(this, wxID_ANY, _("Add &resident…"));
  addResidentButton_->SetToolTip(_("Add a member to the selected household (Ctrl+R)"));
  editButton_ = new wxButton(this, wxID_ANY, _("Ed&it…"));
  editButton_->SetToolTip(_("Edit the selected household or member (Enter, Ctrl+E)"));
  deleteButton_ = new wxButton(this, wxID_ANY, _("&Delete…"));
  deleteButton_->SetToolTip(_("Delete the selected household or member (Delete)"));
  actions->Add(newHousehold);
  for (auto* b : {addResidentButton_, editButton_, deleteButton_}) actions->Add(b, wxSizerFlags().Border(wxLEFT, gap));
  newHousehold->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->newHousehold(); });
  addResidentButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newResident(); });
  editButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editSelected(); });
  deleteButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deleteSelected(); });

  splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  splitter_->SetMinimumPaneSize(FromDIP(120));
  splitter_->SetSashGravity(0.6);
  list_ = new wxDataViewCtrl(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxBORDER_THEME);
  list_->AssociateModel(model_.get());
  using M = HouseholdListModel;
  // Column titles are the data model's field labels (text/labels), translated once for every screen.
  auto column = [this](std::string_view field, unsigned index, int width) {
    list_->AppendTextColumn(toWx(text::fieldLabel(field)), index, wxDATAVIEW_CELL_INERT, FromDIP(width), wxALIGN_LEFT,
                            wxDATAVIEW_COL_RESIZABLE);
  };
  column(col::household::householdNo, M::kNumber, 90);
  column(col::household::address, M::kAddress, 330);
  column(col::household::building, M::kBuilding, 70);
  column(col::household::unit, M::kUnit, 50);
  column(col::household::room, M::kRoom, 60);
  column(col::household::kind, M::kKind, 130);
  column(col::household::phone, M::kPhone, 120);

  wxWindow* pane = buildMemberPane(gap);
  splitter_->SplitHorizontally(list_, pane, FromDIP(-260));

  auto* root = new wxBoxSizer(wxVERTICAL);
  root->Add(filters, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
  root->Add(actions, wxSizerFlags().Expand().Border(wxALL, gap));
  root->Add(splitter_, wxSizerFlags(1).Expand());
  SetSizer(root);
}

void HouseholdsPanel::bindEvents() {
  clearGrid_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    db::HouseholdFilter all;
    all.kind = filter_.kind;
    setFilter(all);
    list_->SetFocus();
  });
  toDispatch_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showUnassigned(); });
  building_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    int index = building_->GetSelection();
    if (index >= 0 && index < static_cast<int>(buildingValues_.size()))
      setBuildingFilter(buildingValues_[static_cast<std::size_t>(index)]);
  });
  kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    int index = kind_->GetSelection() - 1;
    setKindFilter(index < 0 ? std::string() : std::string(core::codes::kHouseholdKind[static_cast<std::size_t>(index)]));
  });
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &HouseholdsPanel::onListSelection, this);
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
    membersActive_ = false;
    editHousehold();
  });
  members_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { membersActive_ = true; });
  members_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
    membersActive_ = true;
    editResident();
  });
  members_->Bind(wxEVT_SET_FOCUS, &HouseholdsPanel::onMembersFocus, this);
  // Delete in either list deletes what is selected there (after asking); elsewhere it is the key's own.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if ((e.GetKeyCode() == WXK_DELETE || e.GetKeyCode() == WXK_NUMPAD_DELETE) && e.GetModifiers() == wxMOD_NONE) {
      if (focusInside(members_) && members_->GetFirstSelected() >= 0) {
        membersActive_ = true;
        deleteSelected();
        return;
      }
      if (focusInside(list_)) {
        membersActive_ = false;
        deleteSelected();
        return;
      }
    }
    e.Skip();
  });
}

// The lists change their selection and focus while the panel's children are destroyed, after this
// part of it is gone.
HouseholdsPanel::~HouseholdsPanel() {
  list_->Unbind(wxEVT_DATAVIEW_SELECTION_CHANGED, &HouseholdsPanel::onListSelection, this);
  members_->Unbind(wxEVT_SET_FOCUS, &HouseholdsPanel::onMembersFocus, this);
}

void HouseholdsPanel::onListSelection(wxDataViewEvent&) {
  membersActive_ = false;
  onHouseholdSelected();
}

void HouseholdsPanel::onMembersFocus(wxFocusEvent& e) {
  if (members_->GetFirstSelected() >= 0) membersActive_ = true;
  e.Skip();
}

bool HouseholdsPanel::focusInside(const wxWindow* window) const {
  for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
    if (w == window) return true;
  return false;
}

void HouseholdsPanel::load() {
  std::string household = selectedHousehold();
  std::string resident = membersActive_ ? selectedResident() : std::string();
  std::size_t near = selectedRow().value_or(0);
  updateFilterBar();
  refreshKeys();
  std::optional<std::size_t> row;
  if (!household.empty())
    row = model_->findId(household, near, model_->size() <= kSearchAllPages * HouseholdListModel::kPageSize
                                              ? kSearchAllPages
                                              : kSearchNearPages);
  if (row) {
    auto item = model_->GetItem(static_cast<unsigned>(*row));
    list_->Select(item);
    list_->EnsureVisible(item);
    shownHousehold_ = household;
  } else {
    shownHousehold_.clear();
  }
  loadMembers(resident);
}

void HouseholdsPanel::refreshKeys() {
  model_->setKeys(query<db::HouseholdQueries>().keys(filter_));
  updateCount();
}

void HouseholdsPanel::setFilter(const db::HouseholdFilter& filter) {
  filter_ = filter;
  updateFilterBar();
  refreshKeys();
  shownHousehold_.clear();
  loadMembers({});
}

void HouseholdsPanel::showUnassigned() {
  db::HouseholdFilter f;
  f.kind = filter_.kind;
  f.unassigned = true;
  setFilter(f);
  list_->SetFocus();
}

void HouseholdsPanel::setKindFilter(const std::string& kindCode) {
  filter_.kind = kindCode;
  updateFilterBar();
  refreshKeys();
  shownHousehold_.clear();
  loadMembers({});
}

void HouseholdsPanel::setBuildingFilter(const std::optional<std::string>& building) {
  filter_.building = filter_.gridId.empty() ? std::nullopt : building;
  updateFilterBar();
  refreshKeys();
  shownHousehold_.clear();
  loadMembers({});
}

wxString HouseholdsPanel::gridLabel(const std::string& gridId) {
  auto grid = ledger().get(core::Table::Grid, gridId);
  if (!grid) return {};
  std::string label = grid->text(col::grid::name);
  std::string parent = grid->text(col::grid::region);
  // Grid names repeat in every community ("第1网格"): name the community and township too.
  for (int depth = 0; depth < 2 && !parent.empty(); ++depth) {
    auto region = ledger().get(core::Table::Region, parent);
    if (!region || region->text(col::region::level) == "county") break;
    label = region->text(col::region::name) + " " + label;
    parent = region->text(col::region::parent);
  }
  return toWx(label);
}

void HouseholdsPanel::updateFilterBar() {
  gridName_->SetLabel(!filter_.gridId.empty() ? gridLabel(filter_.gridId)
                      : filter_.unassigned   ? _("No grid yet (to dispatch)")
                                             : _("All grids"));
  clearGrid_->Enable(!filter_.gridId.empty() || filter_.unassigned);
  toDispatch_->Enable(!filter_.unassigned || !filter_.gridId.empty());
  building_->Clear();
  buildingValues_.clear();
  building_->Append(_("All buildings"));
  buildingValues_.push_back(std::nullopt);
  if (!filter_.gridId.empty())
    for (const auto& b : query<db::TreeQueries>().buildingsOf(filter_.gridId)) {
      // TRANSLATORS: a building in the grid tree; %s is its number, %lld its households
      building_->Append(b.building.empty()
                            ? wxString::Format(_("Houses without a building (%lld)"), static_cast<long long>(b.households))
                            : wxString::Format(_("Building %s (%lld)"), toWx(b.building),
                                               static_cast<long long>(b.households)));
      buildingValues_.push_back(b.building);
    }
  building_->SetSelection(0);
  for (std::size_t i = 1; i < buildingValues_.size(); ++i)
    if (filter_.building && buildingValues_[i] == filter_.building) building_->SetSelection(static_cast<int>(i));
  building_->Enable(!filter_.gridId.empty());
  kind_->SetSelection(0);
  for (std::size_t i = 0; i < std::size(core::codes::kHouseholdKind); ++i)
    if (core::codes::kHouseholdKind[i] == filter_.kind) kind_->SetSelection(static_cast<int>(i) + 1);
  Layout();
}

void HouseholdsPanel::updateCount() {
  int n = static_cast<int>(model_->size());
  // TRANSLATORS: how many households the list shows
  count_->SetLabel(wxString::Format(wxPLURAL("%d household", "%d households", n), n));
  Layout();
}

std::optional<std::size_t> HouseholdsPanel::selectedRow() const {
  wxDataViewItem item = list_->GetSelection();
  if (!item.IsOk()) return std::nullopt;
  unsigned row = model_->GetRow(item);
  if (row >= model_->size()) return std::nullopt;
  return row;
}

std::string HouseholdsPanel::selectedHousehold() const {
  auto row = selectedRow();
  if (!row) return {};
  const db::Row* household = model_->rowAt(*row);
  return household ? household->id : std::string();
}

void HouseholdsPanel::selectRow(std::size_t row) {
  if (row >= model_->size()) return;
  auto item = model_->GetItem(static_cast<unsigned>(row));
  list_->Select(item);
  list_->EnsureVisible(item);
  membersActive_ = false;
  onHouseholdSelected();
}

void HouseholdsPanel::onHouseholdSelected() {
  std::string household = selectedHousehold();
  if (household == shownHousehold_) return;
  shownHousehold_ = household;
  loadMembers({});
}

void HouseholdsPanel::showHousehold(const std::string& householdId, const std::string& residentId) {
  auto household = ledger().get(core::Table::Household, householdId);
  if (!household || household->deleted) return;
  std::string grid = household->text(col::household::grid);
  // Finding a row among 300,000 keys means reading their rows: narrow the list to the grid first.
  bool big = model_->size() > kSearchAllPages * HouseholdListModel::kPageSize;
  if (!showsHousehold(filter_, *household) || (big && filter_.gridId.empty() && !grid.empty())) {
    db::HouseholdFilter f;
    f.gridId = grid;
    setFilter(f);
  }
  auto row = model_->findId(householdId);
  if (!row) {
    refreshKeys();  // added since the list was read
    row = model_->findId(householdId);
  }
  if (!row) return;
  auto item = model_->GetItem(static_cast<unsigned>(*row));
  list_->Select(item);
  list_->EnsureVisible(item);
  shownHousehold_ = householdId;
  loadMembers(residentId);
  if (membersActive_)
    members_->SetFocus();
  else
    list_->SetFocus();
}

}  // namespace gl::app
