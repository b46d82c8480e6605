// The Quarantine tab (隔离): active cases with day N of M, the check sheet for a date (days × slots,
// Enter moves to the next person), and the release and transfer actions.
//
// Top: the date (Ctrl+Left / Ctrl+Right for the day before / after) and a grid filter. Then the
// active cases of that date, those the lifecycle flags (ready for release, extension proposed,
// overdue) highlighted with what to decide; then the check sheet of that date with a message line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/case_action_dialog.h"
#include "app/ledger_panel.h"
#include "core/date.h"

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxSizer;
class wxStaticText;

namespace gl::app {

class CaseList;
class CheckSheet;

class QuarantinePanel : public LedgerPanel {
 public:
  QuarantinePanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed);

  // Opens the quarantine form for a person; a saved case is selected in the list.
  void startQuarantine(const std::string& residentId);
  // Puts the cursor in the check sheet's first empty cell of the morning column — or, when the date
  // shown is today and it is past noon, of the evening (last) column — ready for typing.
  void focusCheckSheet();
  // The case actions (menu and buttons) on the case selected in the list.
  void releaseSelected();
  void transferSelected();
  void extendSelected();
  // The health check dialog for the check sheet cell under the cursor.
  void openCheckDetails();

  // The date the list and the sheet show (the ledger's today at first).
  void setDate(core::Date on);
  core::Date date() const { return date_; }
  // Only one grid's cases and sheet ("" = every grid).
  void setGridFilter(const std::string& gridId);
  const std::string& gridFilter() const { return gridId_; }

  // What the list shows, for the window's other parts and tests.
  const std::vector<db::QuarantineItem>& cases() const { return cases_; }
  // The status column of a case: what the lifecycle proposes ("" when nothing to decide).
  wxString statusText(const std::string& quarantineId) const;
  // The "day N of M" column of a case.
  static wxString dayText(int day, int totalDays);
  bool selectCase(const std::string& quarantineId);
  std::string selectedCase() const;
  CheckSheet* checkSheet() const { return sheet_; }
  // The message line under the check sheet ("" while it shows the typing hint).
  wxString message() const;

 protected:
  void load() override;  // the cases and the check sheet of the date, keeping the selection

 private:
  friend class CaseList;
  // The tab's controls, created in tab order: the date bar, the cases' bar and list, the sheet's bar,
  // the sheet and the message line; each bar binds its own buttons.
  void buildControls();
  wxSizer* buildDateBar();
  wxSizer* buildCaseBar();
  wxSizer* buildSheetBar();
  void bindListAndSheet();
  void fillGrids();
  void reloadCases();
  void reloadSheet();
  void shiftDate(int days);
  void runCaseAction(CaseAction action);
  const db::QuarantineItem* selectedItem() const;
  void say(const wxString& text, bool alert);
  // notifyChanged() for a change made in this tab (the other tabs reload; this one skips the grid list).
  void notifyOwnChange();

  core::Date date_;
  std::string gridId_;
  bool ownChange_ = false;
  std::vector<std::string> gridIds_;  // by grid choice index; [0] = "" (every grid)
  std::vector<db::QuarantineItem> cases_;
  std::map<std::string, db::CaseReview> reviews_;
  std::vector<core::Policy> policies_;

  wxDatePickerCtrl* datePicker_ = nullptr;
  wxChoice* grid_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxStaticText* casesTitle_ = nullptr;
  CaseList* list_ = nullptr;
  wxStaticText* sheetTitle_ = nullptr;
  CheckSheet* sheet_ = nullptr;
  wxStaticText* message_ = nullptr;
  wxString lastMessage_;
};

}  // namespace gl::app
