// The Households tab (住户): a virtual list of households with filters, and the selected household's
// members in a detail pane.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/household_list_model.h"
#include "app/ledger_panel.h"

class wxButton;
class wxChoice;
class wxDataViewCtrl;
class wxDataViewEvent;
class wxFocusEvent;
class wxListView;
class wxSplitterWindow;
class wxStaticText;

namespace gl::app {

class HouseholdsPanel : public LedgerPanel {
 public:
  HouseholdsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed);
  ~HouseholdsPanel() override;

  // Shows the households of a grid or building (the grid tree) — the kind filter stays.
  void setFilter(const db::HouseholdFilter& filter);
  // Selects a household in the list (narrowing the list to its grid when that is how to find it)
  // and one of its members.
  void showHousehold(const std::string& householdId, const std::string& residentId = {});
  // The forms: a new household (in the grid and building of the filter), a new member of the
  // selected household, and editing what is selected (a member when the member list was used last).
  void newHousehold();
  void newResident();  // in the selected household
  void editSelected();
  // Deletes (tombstones) the selected member, or the selected household with its members, after asking.
  void deleteSelected();
  std::string selectedHousehold() const;
  std::string selectedResident() const;

  // The filter bar's other choices, as if picked there.
  void setKindFilter(const std::string& kindCode);                 // "" = any kind
  void setBuildingFilter(const std::optional<std::string>& building);  // nullopt = every building
  // The households no grid has yet (imported rosters): the township officer's "to dispatch" list.
  void showUnassigned();
  const db::HouseholdFilter& filter() const { return filter_; }

  // For tests: the list, its model, the member list and what the member pane shows.
  wxDataViewCtrl* list() const { return list_; }
  HouseholdListModel* model() const { return model_.get(); }
  wxListView* memberList() const { return members_; }
  const std::vector<db::Row>& members() const { return memberRows_; }
  // Selects a row of the list (and shows its members), as a click would.
  void selectRow(std::size_t row);
  // Selects a member in the member list, as a click would.
  void selectMember(std::size_t index);

 protected:
  void load() override;  // the filter's households and the selected one's members, keeping the selection

 private:
  void buildControls();
  wxWindow* buildMemberPane(int gap);  // households_members.cpp
  void bindEvents();
  void refreshKeys();
  void updateFilterBar();
  void updateCount();
  void onListSelection(wxDataViewEvent& e);
  void onMembersFocus(wxFocusEvent& e);
  void onHouseholdSelected();
  void loadMembers(const std::string& selectResident);
  void editHousehold();
  void editResident();
  std::optional<std::size_t> selectedRow() const;
  bool focusInside(const wxWindow* window) const;
  wxString gridLabel(const std::string& gridId);

  db::HouseholdFilter filter_;
  std::vector<std::optional<std::string>> buildingValues_;  // by building choice index; [0] = every building
  wxObjectDataPtr<HouseholdListModel> model_;
  std::vector<db::Row> memberRows_;
  std::string shownHousehold_;  // whose members the pane shows
  bool membersActive_ = false;  // the member list was used last: Edit and Delete act on a member

  wxStaticText* gridName_ = nullptr;
  wxButton* clearGrid_ = nullptr;
  wxButton* toDispatch_ = nullptr;
  wxChoice* building_ = nullptr;
  wxChoice* kind_ = nullptr;
  wxStaticText* count_ = nullptr;
  wxButton* editButton_ = nullptr;
  wxButton* deleteButton_ = nullptr;
  wxButton* addResidentButton_ = nullptr;
  wxSplitterWindow* splitter_ = nullptr;
  wxDataViewCtrl* list_ = nullptr;
  wxStaticText* memberTitle_ = nullptr;
  wxStaticText* memberInfo_ = nullptr;
  wxListView* members_ = nullptr;
};

}  // namespace gl::app
