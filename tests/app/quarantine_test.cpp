// The Quarantine tab on a demo ledger (today fixed to 2022-11-20): the active list, typing
// temperatures into the check sheet, the quarantine form, the case actions and the check dialog.
#include <doctest/doctest.h>

#include <set>

#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/app_settings.h"
#include "app/case_action_dialog.h"
#include "app/check_sheet.h"
#include "app/commands.h"
#include "app/health_check_dialog.h"
#include "app/main_frame.h"
#include "app/quarantine_dialog.h"
#include "app/quarantine_panel.h"
#include "app/local_clock.h"
#include "gui_support.h"
#include "db/quarantine_queries.h"

using gl::app::CaseAction;
using gl::app::CaseActionDialog;
using gl::app::CheckSheet;
using gl::app::QuarantinePanel;
using gl::core::Date;

namespace {

constexpr Date kToday{2022, 11, 20};

// The tab alone in a frame of the main window's size, on a 300-household demo ledger.
struct Tab : gl::test::PanelInFrame<QuarantinePanel> {
  Tab() : PanelInFrame("Quarantine", wxSize(1260, 860)) {}

  wxListView* list() const {
    for (auto* child : panel->GetChildren())
      if (auto* l = dynamic_cast<wxListView*>(child)) return l;
    return nullptr;
  }

  // A resident with no active case (to start one for).
  std::string freeResident() const {
    std::set<std::string> busy;
    for (const auto& q : gl::db::QuarantineQueries(*g.ledger, g.ledger->readerScope()).active(Date{2100, 1, 1})) busy.insert(q.residentId);
    std::string found;
    g.ledger->forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
      if (found.empty() && !busy.count(r.id)) found = r.id;
    });
    return found;
  }

  std::optional<int> tenths(const std::string& quarantineId, int slot) const {
    for (const auto& r : gl::db::QuarantineQueries(*g.ledger, g.ledger->readerScope()).checkSheet(kToday))
      if (r.quarantineId == quarantineId) return r.tenths[static_cast<std::size_t>(slot)];
    return std::nullopt;
  }
};

// Releases (or otherwise acts on) the case with the date typed in, as a user would press OK.
class ActOn : public wxExpectModalBase<CaseActionDialog, ActOn> {
 public:
  explicit ActOn(wxString date) : date_(std::move(date)) {}

 protected:
  int OnInvoked(CaseActionDialog* dialog) const override {
    dialog->dateField()->SetValue(date_);
    return dialog->save() ? wxID_OK : wxID_CANCEL;
  }

 private:
  wxString date_;
};

}  // namespace

TEST_CASE("the Quarantine tab lists the ledger's active cases with day N of M and flags those to decide") {
  Tab t;
  auto expected = gl::db::QuarantineQueries(*t.g.ledger, t.g.ledger->readerScope()).active(kToday);
  REQUIRE_FALSE(expected.empty());
  REQUIRE(t.panel->cases().size() == expected.size());
  CHECK(t.panel->date() == kToday);
  auto* list = t.list();
  REQUIRE(list);
  CHECK(list->GetItemCount() == static_cast<int>(expected.size()));
  // One case's "day N of M", counted here from its own dates: the start is day 1.
  const auto& first = expected.front();
  auto row = t.g.ledger->get(gl::core::Table::Quarantine, first.id);
  REQUIRE(row);
  Date start = *Date::fromIso(*(*row)["start_on"]);
  Date end = *Date::fromIso(*(*row)["planned_end_on"]);
  int day = static_cast<int>(start.daysUntil(kToday)) + 1, of = static_cast<int>(start.daysUntil(end)) + 1;
  CHECK(list->GetItemText(0, 0) == wxString::FromUTF8(first.name));
  CHECK(list->GetItemText(0, 5) == QuarantinePanel::dayText(day, of));
  CHECK(list->GetItemText(0, 5).Contains(wxString::Format("%d", of)));
  // Ids are masked in the list.
  CHECK(list->GetItemText(0, 1).Contains("*"));
  // Every case the lifecycle flags has a status text, and cases before their end have none.
  for (const auto& review : gl::db::QuarantineQueries(*t.g.ledger, t.g.ledger->readerScope()).reviewDue(kToday))
    if (review.proposal != gl::core::Proposal::None) CHECK_FALSE(t.panel->statusText(review.quarantineId).empty());
  for (const auto& q : expected)
    if (q.plannedEnd > kToday) CHECK(t.panel->statusText(q.id).empty());

  // Ctrl+Right shows the next day (and the list of that day).
  REQUIRE(gl::test::focus(t.list()));
  wxUIActionSimulator sim;
  sim.KeyDown(WXK_RIGHT, wxMOD_CONTROL);
  sim.KeyUp(WXK_RIGHT, wxMOD_CONTROL);
  CHECK(gl::test::pumpUntil([&] { return t.panel->date() != kToday; }));
  CHECK(t.panel->date() == kToday.addDays(1));
  t.panel->setDate(kToday);
}

TEST_CASE("typing temperatures into the check sheet records them and Enter moves to the next person") {
  Tab t;
  CheckSheet* sheet = t.panel->checkSheet();
  REQUIRE(sheet->rows().size() >= 3);
  t.panel->focusCheckSheet();
  // The ledger's today (2022-11-20) is not the clock's, so the morning column is chosen.
  CHECK(sheet->GetGridCursorCol() == CheckSheet::kFirstSlotColumn);
  int row = sheet->GetGridCursorRow();
  REQUIRE(row + 1 < static_cast<int>(sheet->rows().size()));
  std::string person = sheet->rows()[static_cast<std::size_t>(row)].quarantineId;
  std::string next = sheet->rows()[static_cast<std::size_t>(row + 1)].quarantineId;
  REQUIRE_FALSE(sheet->rows()[static_cast<std::size_t>(row)].tenths[0]);

  // The pointer over the sheet: without a window manager the keyboard follows it.
  REQUIRE(gl::test::focus(sheet, sheet->GetGridWindow()->GetPosition() + wxPoint(5, 5)));
  // A key opens the cell editor; Enter in it writes the reading (or refuses it) and closes it.
  auto typed = [&] { return gl::test::pumpUntil([&] { return sheet->IsCellEditControlShown(); }); };
  wxUIActionSimulator sim;
  sim.Text("36.5");
  REQUIRE(typed());
  sim.Char(WXK_RETURN);
  CHECK(gl::test::pumpUntil([&] { return t.tenths(person, 0).has_value(); }));
  CHECK(t.tenths(person, 0) == std::optional<int>(365));
  // The cursor moves on, and the other tabs are told (after the edit).
  CHECK(gl::test::pumpUntil([&] { return sheet->GetGridCursorRow() == row + 1 && t.changes >= 1; }));
  CHECK(sheet->GetGridCursorRow() == row + 1);
  CHECK(sheet->GetGridCursorCol() == CheckSheet::kFirstSlotColumn);
  CHECK(sheet->GetCellValue(row, CheckSheet::kFirstSlotColumn) == "36.5");
  CHECK(t.changes >= 1);  // the other tabs were told

  // 45 ℃ is refused: nothing written, the reason under the sheet, the cursor stays on that person.
  auto before = t.tenths(next, 0);
  sim.Text("45");
  REQUIRE(typed());
  sim.Char(WXK_RETURN);
  // The refusal is said at once; the cursor, moved on by Enter, comes back a moment later.
  CHECK(gl::test::pumpUntil([&] { return t.panel->message().Contains("45") && sheet->GetGridCursorRow() == row + 1; }));
  CHECK(t.tenths(next, 0) == before);
  CHECK(t.panel->message().Contains("45"));
  CHECK(sheet->lastMessage() == t.panel->message());
  CHECK(sheet->GetGridCursorRow() == row + 1);

  // A fever is recorded (and shown in red); the message says so.
  sim.Text("38.2");
  REQUIRE(typed());
  sim.Char(WXK_RETURN);
  CHECK(gl::test::pumpUntil([&] { return t.tenths(next, 0) == std::optional<int>(382); }));
  CHECK(t.tenths(next, 0) == std::optional<int>(382));
  wxGridCellAttr* attr = sheet->GetTable()->GetAttr(row + 1, CheckSheet::kFirstSlotColumn, wxGridCellAttr::Any);
  REQUIRE(attr);
  CHECK(attr->GetTextColour().Red() > 150);
  attr->DecRef();
  gl::test::screenshot("quarantine-tab-check-sheet");

  // The same commit path without the keyboard: "36.5℃" is accepted, "abc" is not.
  CHECK(sheet->commit(row, CheckSheet::kFirstSlotColumn, wxString::FromUTF8("36.8℃")));
  CHECK(t.tenths(person, 0) == std::optional<int>(368));
  CHECK_FALSE(sheet->commit(row, CheckSheet::kFirstSlotColumn, "abc"));
  CHECK(t.tenths(person, 0) == std::optional<int>(368));
}

TEST_CASE("the quarantine dialog fills the planned end from the policy and saving starts an active case") {
  gl::test::GuiLedger g(300);
  std::set<std::string> busy;
  for (const auto& q : gl::db::QuarantineQueries(*g.ledger, g.ledger->readerScope()).active(Date{2100, 1, 1})) busy.insert(q.residentId);
  std::string resident;
  g.ledger->forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
    if (resident.empty() && !busy.count(r.id)) resident = r.id;
  });
  REQUIRE_FALSE(resident.empty());

  gl::app::QuarantineDialog dialog(nullptr, *g.ledger, resident);
  CHECK(dialog.startField()->GetValue() == "2022-11-20");
  CHECK(dialog.policyCode().empty());
  CHECK_FALSE(dialog.isDirty());
  // Choosing a policy in the list (the choice's own event) fills the kind and the planned end.
  auto* choice = dialog.policyChoice();
  int index = wxNOT_FOUND;
  auto policies = g.ledger->policies();
  for (std::size_t i = 0; i < policies.size(); ++i)
    if (policies[i].code == "central5_home3_2022") index = static_cast<int>(i) + 1;
  REQUIRE(index != wxNOT_FOUND);
  choice->SetSelection(index);
  wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
  chosen.SetInt(index);
  chosen.SetEventObject(choice);
  choice->ProcessWindowEvent(chosen);
  CHECK(dialog.policyCode() == "central5_home3_2022");
  CHECK(dialog.kindCode() == "central");
  CHECK(dialog.plannedEndField()->GetValue() == "2022-11-24");
  CHECK(dialog.placeField()->IsEnabled());
  CHECK(dialog.isDirty());
  // Changing the start date moves the planned end with it.
  dialog.startField()->SetValue("2022.11.18");
  CHECK(dialog.plannedEndField()->GetValue() == "2022-11-22");
  dialog.selectPolicy("home7_2022");
  CHECK(dialog.kindCode() == "home");
  CHECK(dialog.plannedEndField()->GetValue() == "2022-11-24");
  CHECK_FALSE(dialog.placeField()->IsEnabled());
  // An end before the start is shown beside the field as it is typed.
  dialog.plannedEndField()->SetValue("2022-11-10");
  CHECK_FALSE(dialog.message("planned_end_on").empty());
  dialog.startField()->SetValue("2022-11-20");
  CHECK(dialog.message("planned_end_on").empty());
  dialog.sourceField()->ChangeValue(wxString::FromUTF8("上海市浦东新区"));
  REQUIRE(gl::test::show(&dialog));
  gl::test::screenshot("quarantine-dialog");

  // A start date that is not a date is refused beside its field, nothing is written.
  dialog.startField()->ChangeValue("20xx");
  CHECK_FALSE(dialog.save());
  CHECK_FALSE(dialog.message("start_on").empty());
  dialog.startField()->SetValue("2022-11-20");
  REQUIRE(dialog.save());
  auto saved = g.ledger->get(gl::core::Table::Quarantine, dialog.savedId());
  REQUIRE(saved);
  CHECK((*saved)["status"] == std::optional<std::string>("active"));
  CHECK((*saved)["planned_end_on"] == std::optional<std::string>("2022-11-26"));
  CHECK((*saved)["source_place"] == std::optional<std::string>("上海市浦东新区"));
  bool listed = false;
  for (const auto& q : gl::db::QuarantineQueries(*g.ledger, g.ledger->readerScope()).active(kToday)) listed |= q.id == dialog.savedId();
  CHECK(listed);
  dialog.Hide();
}

TEST_CASE("releasing a chained case from the tab ends it and opens the follow-on period") {
  Tab t;
  std::string resident = t.freeResident();
  REQUIRE_FALSE(resident.empty());
  // 5 days centralized from 2022-11-16 end today; the policy chains 3 days at home.
  std::string id = t.g.ledger->insert(gl::core::Table::Quarantine, {{"resident", resident},
                                                                     {"policy", std::string("central5_home3_2022")},
                                                                     {"start_on", std::string("2022-11-16")}});
  for (int slot = 0; slot < 2; ++slot) t.g.ledger->recordCheck(id, kToday, slot, 364);
  t.panel->reload();
  REQUIRE(t.panel->selectCase(id));
  CHECK(t.panel->statusText(id).Length() > 0);

  // The dialog on its own first: what it says and the screenshot.
  {
    const gl::db::QuarantineItem* item = nullptr;
    for (const auto& q : t.panel->cases())
      if (q.id == id) item = &q;
    REQUIRE(item);
    CaseActionDialog dialog(t.frame, *t.g.ledger, *item, CaseAction::Release, kToday, nullptr);
    CHECK(dialog.note().Contains("2022-11-21"));
    CHECK(dialog.note().Contains("2022-11-23"));
    REQUIRE(gl::test::show(&dialog));
    gl::test::screenshot("case-action-dialog");
    // A release before the start is refused beside the date.
    dialog.dateField()->SetValue("2022-11-01");
    CHECK_FALSE(dialog.save());
    CHECK_FALSE(dialog.message("ended_on").empty());
    dialog.Hide();
  }
  CHECK((*t.g.ledger->get(gl::core::Table::Quarantine, id))["status"] == std::optional<std::string>("active"));

  wxTEST_DIALOG(t.panel->releaseSelected(), ActOn("2022-11-20"));
  auto released = t.g.ledger->get(gl::core::Table::Quarantine, id);
  CHECK((*released)["status"] == std::optional<std::string>("released"));
  CHECK((*released)["ended_on"] == std::optional<std::string>("2022-11-20"));
  std::string followOn;
  t.g.ledger->forEachRow(gl::core::Table::Quarantine, [&](const gl::db::Row& r) {
    if (r["resident"] == std::optional<std::string>(resident) && r.id != id) followOn = r.id;
  });
  REQUIRE_FALSE(followOn.empty());
  auto next = t.g.ledger->get(gl::core::Table::Quarantine, followOn);
  CHECK((*next)["policy"] == std::optional<std::string>("home3_2022"));
  CHECK((*next)["status"] == std::optional<std::string>("active"));
  CHECK((*next)["start_on"] == std::optional<std::string>("2022-11-21"));
  CHECK((*next)["planned_end_on"] == std::optional<std::string>("2022-11-23"));
  CHECK(t.changes >= 1);
  CHECK(t.panel->message().Contains(wxString::FromUTF8("2022-11-23")));  // the follow-on's end
  for (const auto& q : t.panel->cases()) CHECK(q.id != id);  // no longer active
}

TEST_CASE("transfer and extension go through the same dialog, and a check is edited in detail") {
  Tab t;
  const auto& cases = t.panel->cases();
  REQUIRE(cases.size() >= 2);
  gl::db::QuarantineItem first = cases[0], second = cases[1];

  CaseActionDialog extend(t.frame, *t.g.ledger, first, CaseAction::Extend, kToday, nullptr);
  CHECK(extend.dateField()->GetValue() == wxString::FromUTF8(first.plannedEnd.addDays(1).iso()));
  CHECK_FALSE(extend.placeField()->IsShown());
  REQUIRE(extend.save());
  CHECK((*t.g.ledger->get(gl::core::Table::Quarantine, first.id))["planned_end_on"] ==
        std::optional<std::string>(first.plannedEnd.addDays(1).iso()));

  CaseActionDialog transfer(t.frame, *t.g.ledger, second, CaseAction::Transfer, kToday, nullptr);
  CHECK(transfer.placeField()->IsShown());
  transfer.setAction(CaseAction::Hospitalize);
  transfer.placeField()->ChangeValue(wxString::FromUTF8("县人民医院"));
  REQUIRE(transfer.save());
  auto moved = t.g.ledger->get(gl::core::Table::Quarantine, second.id);
  CHECK((*moved)["status"] == std::optional<std::string>("hospitalized"));
  CHECK((*moved)["place"] == std::optional<std::string>("县人民医院"));
  CHECK((*moved)["ended_on"] == std::optional<std::string>("2022-11-20"));

  // The check dialog: the evening check of someone on today's sheet, with symptoms and a test result.
  t.panel->reload();
  auto sheet = gl::db::QuarantineQueries(*t.g.ledger, t.g.ledger->readerScope()).checkSheet(kToday);
  REQUIRE_FALSE(sheet.empty());
  gl::app::HealthCheckDialog check(t.frame, *t.g.ledger, sheet.front(), kToday, 1);
  CHECK(check.slotChoice()->GetSelection() == 1);
  check.temperatureField()->SetValue("44");
  CHECK_FALSE(check.message("temperature").empty());
  check.temperatureField()->SetValue("37.6");
  check.symptomsField()->ChangeValue(wxString::FromUTF8("咳嗽"));
  check.testResultChoice()->SetSelection(1);  // negative
  REQUIRE(gl::test::show(&check));
  gl::test::screenshot("health-check-dialog");
  REQUIRE(check.save());
  auto saved = t.g.ledger->get(gl::core::Table::HealthCheck, check.savedId());
  REQUIRE(saved);
  CHECK((*saved)["temperature"] == std::optional<std::string>("37.6"));
  CHECK((*saved)["symptoms"] == std::optional<std::string>("咳嗽"));
  CHECK((*saved)["test_result"] == std::optional<std::string>("negative"));
  CHECK((*saved)["slot"] == std::optional<std::string>("pm"));
  check.Hide();
}

TEST_CASE("the main window's Record checks command opens the tab with the cursor in the check sheet") {
  gl::test::GuiLedger g(300);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  frame->SetSize(wxSize(1280, 860));
  REQUIRE(gl::test::show(frame));
  wxCommandEvent record(wxEVT_MENU, gl::app::cmd::kRecordChecks);
  frame->ProcessWindowEvent(record);
  CHECK(frame->currentTab() == gl::app::Tab::Quarantine);
  CheckSheet* sheet = frame->quarantinePanel()->checkSheet();
  REQUIRE(sheet->GetGridCursorRow() >= 0);
  CHECK(sheet->GetGridCursorCol() == CheckSheet::kFirstSlotColumn);
  const auto& row = sheet->rows()[static_cast<std::size_t>(sheet->GetGridCursorRow())];
  CHECK_FALSE(row.tenths[0].has_value());
  auto inSheet = [&] {
    wxWindow* focus = wxWindow::FindFocus();
    return focus == sheet || (focus && sheet->IsDescendant(focus));
  };
  CHECK(gl::test::pumpUntil(inSheet));
  gl::test::screenshot("quarantine-tab-in-window");
  // In the afternoon the same command starts on the evening column.
  gl::app::fixLocalHour(15);
  frame->ProcessWindowEvent(record);
  CHECK(sheet->GetGridCursorCol() == CheckSheet::kFirstSlotColumn + sheet->slotColumns() - 1);
  gl::app::fixLocalHour(9);
  CHECK(gl::test::destroyAndWait(frame));
}
