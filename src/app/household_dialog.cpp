#include "app/household_dialog.h"

#include <algorithm>
#include <map>

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "text/describe.h"
#include "text/labels.h"

namespace gl::app {

namespace col = core::col;

namespace {

constexpr int kMessageWrapDialogUnits = 240;

std::string cellText(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return c.value.value_or("");
  return {};
}

}  // namespace

std::vector<GridChoice> gridChoices(const db::Ledger& ledger) {
  struct Region {
    std::string name, parent, level;
  };
  std::map<std::string, Region> regions;
  ledger.forEachRow(core::Table::Region, [&](const db::Row& r) {
    regions[r.id] = {r[col::region::name].value_or(""), r[col::region::parent].value_or(""),
                     r[col::region::level].value_or("")};
  });
  std::vector<std::pair<std::string, GridChoice>> grids;  // code, choice
  ledger.forEachRow(core::Table::Grid, [&](const db::Row& g) {
    // township and community above the grid: the county is the same for every grid of the ledger.
    std::string label = g[col::grid::name].value_or("");
    std::string parent = g[col::grid::region].value_or("");
    for (int depth = 0; depth < 3 && !parent.empty(); ++depth) {
      auto found = regions.find(parent);
      if (found == regions.end() || found->second.level == "county") break;
      label = found->second.name + " " + label;
      parent = found->second.parent;
    }
    grids.push_back({g[col::grid::code].value_or(""), {g.id, toWx(label)}});
  });
  std::sort(grids.begin(), grids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GridChoice> out;
  out.reserve(grids.size());
  for (auto& g : grids) out.push_back(std::move(g.second));
  return out;
}

HouseholdDialog::HouseholdDialog(wxWindow* parent, db::Ledger& ledger, const std::string& gridId)
    : ledger_(ledger), grids_(gridChoices(ledger)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "HouseholdDialog");
  grid_ = XRCCTRL(*this, "grid", wxChoice);
  number_ = XRCCTRL(*this, "number", wxTextCtrl);
  building_ = XRCCTRL(*this, "building", wxTextCtrl);
  unit_ = XRCCTRL(*this, "unit", wxTextCtrl);
  room_ = XRCCTRL(*this, "room", wxTextCtrl);
  address_ = XRCCTRL(*this, "address", wxTextCtrl);
  kind_ = XRCCTRL(*this, "kind", wxChoice);
  phone_ = XRCCTRL(*this, "phone", wxTextCtrl);
  notes_ = XRCCTRL(*this, "notes", wxTextCtrl);
  phoneMessage_ = XRCCTRL(*this, "phoneMessage", wxStaticText);

  auto* placeMessage = XRCCTRL(*this, "placeMessage", wxStaticText);
  messages_.add(col::household::grid, grid_, XRCCTRL(*this, "gridMessage", wxStaticText));
  messages_.add(col::household::householdNo, number_, XRCCTRL(*this, "numberMessage", wxStaticText));
  messages_.add(col::household::building, building_, placeMessage);
  messages_.add(col::household::unit, unit_, placeMessage);
  messages_.add(col::household::room, room_, placeMessage);
  messages_.add(col::household::address, address_, XRCCTRL(*this, "addressMessage", wxStaticText));
  messages_.add(col::household::kind, kind_, XRCCTRL(*this, "kindMessage", wxStaticText));
  messages_.add(col::household::phone, phone_, phoneMessage_);
  messages_.add(col::household::notes, notes_, XRCCTRL(*this, "notesMessage", wxStaticText));
  messages_.add("", address_, XRCCTRL(*this, "general", wxStaticText));
  for (const char* name : {"gridMessage", "numberMessage", "placeMessage", "addressMessage", "kindMessage",
                           "phoneMessage", "notesMessage", "general"})
    messageLabels_.push_back(XRCCTRL(*this, name, wxStaticText));

  grid_->Append(_("(no grid)"));
  for (const auto& g : grids_) grid_->Append(g.label);
  kind_->Append(wxString());
  for (auto code : core::codes::kHouseholdKind) kind_->Append(toWx(text::codeLabel(code)));

  auto changed = [this](wxCommandEvent&) { dirty_ = true; };
  for (auto* field : {number_, building_, unit_, room_, address_, phone_, notes_}) field->Bind(wxEVT_TEXT, changed);
  grid_->Bind(wxEVT_CHOICE, changed);
  kind_->Bind(wxEVT_CHOICE, changed);
  phone_->Bind(wxEVT_KILL_FOCUS, &HouseholdDialog::onLeavePhone, this);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (save()) e.Skip();
  }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { onCancel(); });

  db::Row fresh;
  if (!gridId.empty()) fresh.cells.push_back({col::household::grid, gridId});
  show(fresh);
  GetSizer()->SetSizeHints(this);
  (gridId.empty() ? static_cast<wxWindow*>(grid_) : number_)->SetFocus();
}

// GTK moves the focus out of the fields while the dialog is destroyed, after this part of it is gone.
HouseholdDialog::~HouseholdDialog() { phone_->Unbind(wxEVT_KILL_FOCUS, &HouseholdDialog::onLeavePhone, this); }

void HouseholdDialog::onLeavePhone(wxFocusEvent& e) {
  checkPhone();
  e.Skip();
}

void HouseholdDialog::show(const db::Row& household) {
  id_ = household.id;
  SetTitle(id_.empty() ? _("New household") : _("Edit household"));
  auto cell = [&](std::string_view column) { return toWx(cellText(household.cells, column)); };
  selectGrid(cellText(household.cells, col::household::grid));
  number_->ChangeValue(cell(col::household::householdNo));
  building_->ChangeValue(cell(col::household::building));
  unit_->ChangeValue(cell(col::household::unit));
  room_->ChangeValue(cell(col::household::room));
  address_->ChangeValue(cell(col::household::address));
  selectKind(cellText(household.cells, col::household::kind));
  phone_->ChangeValue(cell(col::household::phone));
  notes_->ChangeValue(cell(col::household::notes));
  messages_.clear();
  original_ = collect();
  dirty_ = false;
}

core::Cells HouseholdDialog::collect() const {
  auto code = [](const std::string& c) { return c.empty() ? core::Value() : core::Value(c); };
  return {
      {col::household::grid, code(gridId())},
      {col::household::householdNo, cellFrom(number_->GetValue())},
      {col::household::building, cellFrom(building_->GetValue())},
      {col::household::unit, cellFrom(unit_->GetValue())},
      {col::household::room, cellFrom(room_->GetValue())},
      {col::household::address, cellFrom(address_->GetValue())},
      {col::household::kind, code(kindCode())},
      {col::household::phone, cellFrom(phone_->GetValue())},
      {col::household::notes, cellFrom(notes_->GetValue())},
  };
}

bool HouseholdDialog::save() {
  std::string saved = saveRecord(ledger_, core::Table::Household, id_, collect(), original_, messages_, this);
  if (!saved.empty()) {
    savedId_ = saved;
    dirty_ = false;
  }
  relayout();
  return !saved.empty();
}

void HouseholdDialog::selectGrid(const std::string& gridId) {
  grid_->SetSelection(0);
  for (std::size_t i = 0; i < grids_.size(); ++i)
    if (grids_[i].id == gridId) grid_->SetSelection(static_cast<int>(i) + 1);
}

std::string HouseholdDialog::gridId() const {
  int index = grid_->GetSelection() - 1;
  if (index < 0 || index >= static_cast<int>(grids_.size())) return {};
  return grids_[static_cast<std::size_t>(index)].id;
}

void HouseholdDialog::selectKind(const std::string& code) {
  kind_->SetSelection(0);
  for (std::size_t i = 0; i < std::size(core::codes::kHouseholdKind); ++i)
    if (core::codes::kHouseholdKind[i] == code) kind_->SetSelection(static_cast<int>(i) + 1);
}

std::string HouseholdDialog::kindCode() const {
  int index = kind_->GetSelection() - 1;
  if (index < 0 || index >= static_cast<int>(std::size(core::codes::kHouseholdKind))) return {};
  return std::string(core::codes::kHouseholdKind[static_cast<std::size_t>(index)]);
}

void HouseholdDialog::checkPhone() {
  core::Cells cells = {{col::household::phone, cellFrom(phone_->GetValue())}};
  showFieldIssues(phoneMessage_, checkCells(core::Table::Household, cells, ledger_.today(), false));
  relayout();
}

// Long messages wrap under their field, and the form is as tall as its messages need.
void HouseholdDialog::relayout() {
  fitMessages(this, messageLabels_, kMessageWrapDialogUnits);
}

void HouseholdDialog::onCancel() { closeForm(this, dirty_, wxID_CANCEL); }

}  // namespace gl::app
