// A grid worker's whole morning with the keyboard alone, in the real main window: find a household
// by pinyin initials (Ctrl+F, Enter), add a person (Ctrl+R, typing the identity number, Enter),
// start a quarantine (Ctrl+Shift+Q, Enter), type the morning temperatures for everyone due
// (Ctrl+T, a reading and Enter per person), record a visit (Ctrl+Shift+V, Enter), and see Today's
// figures follow (Ctrl+1). Keys are pressed through wxUIActionSimulator (XTest): no control is
// set from code, with two stand-ins for what Xvfb lacks — the pointer is moved over the window that
// should have the keyboard (a window manager's job), and the Chinese name is committed into the
// focused field as an input method would.
#include <doctest/doctest.h>

#include <map>

#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>

#include "app/app_settings.h"
#include "app/check_sheet.h"
#include "app/main_frame.h"
#include "app/panels.h"
#include "app/quarantine_dialog.h"
#include "app/resident_dialog.h"
#include "app/search_pane.h"
#include "app/visit_dialog.h"
#include "core/pinyin.h"
#include "gui_support.h"
#include "db/figure_queries.h"

using gl::app::CheckSheet;
using gl::app::QuarantineDialog;
using gl::app::ResidentDialog;
using gl::app::VisitDialog;
using gl::core::Table;
using Figure = gl::app::TodayPanel::Figure;

namespace {

// A head of household whose pinyin initials nobody else in the ledger shares.
gl::db::Row uniqueByInitials(const gl::db::Ledger& ledger) {
  std::map<std::string, std::vector<gl::db::Row>> byInitials;
  ledger.forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    byInitials[gl::core::pinyin::initials(r.text("name"))].push_back(r);
  });
  for (auto& [initials, people] : byInitials)
    if (people.size() == 1 && initials.size() >= 3 && people.front().text("relation") == "户主") return people.front();
  return {};
}

using gl::test::press;
void type(const char* text) { gl::test::typeText(text); }

}  // namespace

TEST_CASE("a grid worker's whole morning with the keyboard alone") {
  gl::test::GuiLedger g(60);
  gl::db::Row head = uniqueByInitials(*g.ledger);
  REQUIRE_FALSE(head.id.empty());
  const std::string initials = gl::core::pinyin::initials(head.text("name"));
  const std::string household = head.text("household");
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  auto& ledger = frame->ledger();
  const auto residentsBefore = gl::test::liveRows(ledger, Table::Resident);
  const auto quarantinesBefore = gl::test::liveRows(ledger, Table::Quarantine);
  const auto visitsBefore = gl::test::liveRows(ledger, Table::Visit);
  const auto activeBefore = frame->todayPanel()->figure(Figure::UnderQuarantine);
  const std::string newId = gl::test::residentId("19600101", "002");

  gl::test::KeyScript morning;
  morning
      // Find the household: Ctrl+F, the initials, Enter opens the best match in the Households tab.
      .step("pointer over the window", [&] { gl::test::pointAt(frame); })
      .step("Ctrl+F", [&] { return gl::test::hasKeyboard(frame); }, [] { press('F', wxMOD_CONTROL); })
      .step("type the initials", [&] { type(initials.c_str()); })
      .step("results listed", [&] { return !frame->searchPane()->results().empty(); }, [] { press(WXK_RETURN); })
      .step("household shown",
            [&] { return frame->currentTab() == gl::app::Tab::Households &&
                         frame->householdsPanel()->selectedHousehold() == household; },
            [] { press('R', wxMOD_CONTROL); })
      // Add a person to it: the name (as an input method commits it), Tab to the number, Enter.
      .step("resident form up", [] { return gl::test::shownWindow<ResidentDialog>() != nullptr; },
            [] { gl::test::pointAt(gl::test::shownWindow<ResidentDialog>()); })
      .step("name field focused",
            [] {
              auto* form = gl::test::shownWindow<ResidentDialog>();
              return form && gl::test::hasKeyboard(form) && wxWindow::FindFocus() == form->nameField();
            },
            [] { gl::test::shownWindow<ResidentDialog>()->nameField()->WriteText(wxString::FromUTF8("柏青松")); });
  // Tab until the identity number has the keyboard (the form's tab order decides how many).
  for (int i = 0; i < 8; ++i)
    morning.step("Tab towards the identity number", [] {
      auto* form = gl::test::shownWindow<ResidentDialog>();
      if (form && wxWindow::FindFocus() != form->idNumberField()) press(WXK_TAB);
    });
  morning
      .step("identity number focused",
            [] {
              auto* form = gl::test::shownWindow<ResidentDialog>();
              return form && wxWindow::FindFocus() == form->idNumberField();
            },
            [&] { type(newId.c_str()); })
      .step("birth date filled from the number",
            [] {
              auto* form = gl::test::shownWindow<ResidentDialog>();
              return form && form->birthDateField()->GetValue() == "1960-01-01";
            },
            [] { press(WXK_RETURN); })
      .step("resident saved, form closed",
            [&] { return !gl::test::shownWindow<ResidentDialog>() &&
                         gl::test::liveRows(ledger, Table::Resident) == residentsBefore + 1; },
            [] { press('Q', wxMOD_CONTROL | wxMOD_SHIFT); })
      // Start a quarantine for the new person: the form opens on today with a policy; Enter saves.
      .step("quarantine form up", [] { return gl::test::shownWindow<QuarantineDialog>() != nullptr; },
            [] { gl::test::pointAt(gl::test::shownWindow<QuarantineDialog>()); })
      // The policy list: Down opens it on the current entry, Down moves to the first policy, Enter takes it.
      .step("policy list opened", [] { return gl::test::hasKeyboard(gl::test::shownWindow<QuarantineDialog>()); },
            [] { press(WXK_DOWN); })
      .step("first policy highlighted", [] { press(WXK_DOWN); })
      .step("policy chosen", [] { press(WXK_RETURN); })
      .step("planned end filled",
            [] {
              auto* form = gl::test::shownWindow<QuarantineDialog>();
              return form && !form->plannedEndField()->GetValue().empty();
            },
            [] { press(WXK_RETURN); })
      .step("quarantine saved",
            [&] { return !gl::test::shownWindow<QuarantineDialog>() &&
                         gl::test::liveRows(ledger, Table::Quarantine) == quarantinesBefore + 1; },
            [] { press('T', wxMOD_CONTROL); })
      // The check sheet: the cursor waits on the first person without a reading.
      .step("check sheet has the keyboard", [&] {
        auto* sheet = frame->quarantinePanel()->checkSheet();
        wxWindow* focus = wxWindow::FindFocus();
        return frame->currentTab() == gl::app::Tab::Quarantine && focus &&
               (focus == sheet || focus->GetParent() == sheet);
      }, [&] { gl::test::pointAt(frame); });
  std::string failed = morning.run();
  REQUIRE_MESSAGE(failed.empty(), "the keyboard morning stopped at: " << failed);
  CHECK(frame->householdsPanel()->selectedHousehold() == household);
  CHECK_FALSE(frame->searchPane()->resultsShown());  // the list made way for the household it opened

  // Every person from the cursor down: a reading and Enter where the slot is empty, Down where a
  // reading was taken already. (The cursor's column is the morning's before noon, else the evening's.)
  CheckSheet* sheet = frame->quarantinePanel()->checkSheet();
  const int column = sheet->GetGridCursorCol();
  const int firstRow = sheet->GetGridCursorRow();
  const int rows = static_cast<int>(sheet->rows().size());
  REQUIRE(rows > 0);
  auto slotAt = [&](int row) { return sheet->slotOfColumn(row, column); };
  auto emptyAt = [&](int row) {
    auto slot = slotAt(row);
    return slot && !sheet->rows()[static_cast<std::size_t>(row)].tenths[static_cast<std::size_t>(*slot)];
  };
  gl::test::KeyScript sheetRound;
  int typed = 0;
  for (int row = firstRow; row < rows; ++row) {
    sheetRound.step("on the next person", [sheet, row] { return sheet->GetGridCursorRow() == row; }, [&, row] {
      if (emptyAt(row)) {
        type(row % 5 == 0 ? "37.5" : "36.5");
        ++typed;
      }
    });
    sheetRound.step("reading in the cell editor or nothing to type",
                    [&, row] { return !emptyAt(row) || sheet->IsCellEditControlShown(); },
                    [&, row] { press(sheet->IsCellEditControlShown() ? WXK_RETURN : WXK_DOWN); });
  }
  // The worker is done with the sheet; the visit is for the household found at the start.
  sheetRound.step("last reading written", [&] { return !sheet->IsCellEditControlShown(); },
                  [] { press('V', wxMOD_CONTROL | wxMOD_SHIFT); })
      .step("visit form up", [] { return gl::test::shownWindow<VisitDialog>() != nullptr; },
            [] { gl::test::pointAt(gl::test::shownWindow<VisitDialog>()); })
      .step("visit form has the keyboard",
            [] {
              auto* form = gl::test::shownWindow<VisitDialog>();
              wxWindow* focus = wxWindow::FindFocus();
              return form && gl::test::hasKeyboard(form) && focus && wxGetTopLevelParent(focus) == form;
            },
            [] { press(WXK_RETURN); })
      // Enter saved the visit and brought up the grid's next door still to visit: Escape ends the round.
      .step("visit saved, next door shown",
            [&] {
              auto* form = gl::test::shownWindow<VisitDialog>();
              return form && form->householdId() != household &&
                     gl::test::liveRows(ledger, Table::Visit) == visitsBefore + 1;
            },
            [] { press(WXK_ESCAPE); })
      .step("visit form closed", [] { return !gl::test::shownWindow<VisitDialog>(); },
            [] { press('1', wxMOD_CONTROL); })
      .step("Today shown", [&] { return frame->currentTab() == gl::app::Tab::Today; }, {});
  failed = sheetRound.run();
  REQUIRE_MESSAGE(failed.empty(), "the keyboard morning stopped at: " << failed);

  // What the keyboard did is in the ledger, and Today's figures follow.
  CHECK(typed > 0);
  for (int row = 0; row < rows; ++row) CHECK_MESSAGE((!emptyAt(row) || !slotAt(row)), "row " << row);
  auto figures = gl::db::FigureQueries(ledger, ledger.readerScope()).today(ledger.today());
  if (column == CheckSheet::kFirstSlotColumn)
    CHECK(figures.morningChecksDone == figures.morningChecksDue);
  CHECK(frame->todayPanel()->figure(Figure::UnderQuarantine) == activeBefore + 1);
  CHECK(frame->todayPanel()->figure(Figure::ChecksDone) == figures.checksDoneToday);
  gl::db::Row added;
  ledger.forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    if (r.text("id_number") == newId) added = r;
  });
  CHECK(added.text("name") == "柏青松");
  CHECK(added.text("household") == household);
  CHECK(added.text("birth_date") == "1960-01-01");
  CHECK(added.text("sex") == "female");
  bool visited = false;
  ledger.forEachRow(Table::Visit, [&](const gl::db::Row& r) { visited |= r.text("household") == household; });
  CHECK(visited);
  gl::test::screenshot("keyboard-morning");
  CHECK(gl::test::destroyAndWait(frame));
}
