// A grid worker's morning in the real main window: a new household, a resident added by typing an
// identity number, a quarantine started, the morning and evening temperatures typed into the check
// sheet — and Today's figures and the lists follow. Then the same person found by pinyin initials.
#include <doctest/doctest.h>

#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/app_settings.h"
#include "app/check_sheet.h"
#include "app/household_dialog.h"
#include "app/main_frame.h"
#include "app/quarantine_dialog.h"
#include "app/quarantine_panel.h"
#include "app/resident_dialog.h"
#include "app/search_pane.h"
#include "app/today_panel.h"
#include "gui_support.h"
#include "db/quarantine_queries.h"
#include "db/tree_queries.h"

using gl::app::CheckSheet;
using gl::app::TodayPanel;
using Figure = gl::app::TodayPanel::Figure;

namespace {

// Types `text` into the sheet's cursor cell and presses Enter; returns once the cell editor, opened by
// the first key, has closed again (the reading committed or refused).
void typeAndEnter(CheckSheet* sheet, const char* text) {
  REQUIRE(gl::test::focus(sheet, sheet->GetGridWindow()->GetPosition() + wxPoint(5, 5)));
  wxUIActionSimulator sim;
  sim.Text(text);
  REQUIRE(gl::test::pumpUntil([&] { return sheet->IsCellEditControlShown(); }));
  sim.Char(WXK_RETURN);
  REQUIRE(gl::test::pumpUntil([&] { return !sheet->IsCellEditControlShown(); }));
}

}  // namespace

TEST_CASE("a grid worker's morning: household, resident by id number, quarantine, two temperatures, figures follow") {
  gl::test::GuiLedger g(60);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  auto& ledger = frame->ledger();
  TodayPanel* today = frame->todayPanel();
  auto underBefore = today->figure(Figure::UnderQuarantine);
  auto doneBefore = today->figure(Figure::ChecksDone);
  auto feversBefore = today->figure(Figure::Fevers);

  // 1. A household in the first grid.
  std::string grid = gl::db::TreeQueries(ledger, ledger.readerScope()).gridsOf(gl::db::TreeQueries(ledger, ledger.readerScope()).childRegions(gl::db::TreeQueries(ledger, ledger.readerScope()).childRegions(gl::db::TreeQueries(ledger, ledger.readerScope()).childRegions("")[0].id)[0].id)[0].id)[0].id;
  auto* household = new gl::app::HouseholdDialog(frame, ledger, grid);
  household->addressField()->ChangeValue(wxString::FromUTF8("高青县田镇街道幸福社区99号楼1单元101室"));
  household->buildingField()->ChangeValue("99");
  household->unitField()->ChangeValue("1");
  household->roomField()->ChangeValue("101");
  REQUIRE(household->save());
  std::string householdId = household->savedId();
  household->Destroy();

  // 2. A resident: the identity number is typed; birth date and sex fill themselves in.
  auto* resident = new gl::app::ResidentDialog(frame, ledger, householdId);
  resident->Show();
  resident->nameField()->ChangeValue(wxString::FromUTF8("柏青松"));
  REQUIRE(gl::test::focus(resident->idNumberField()));
  wxUIActionSimulator sim;
  sim.Text("11010119600101002x");
  CHECK(gl::test::pumpUntil([&] { return resident->birthDateField()->GetValue() == "1960-01-01"; }));
  CHECK(resident->birthDateField()->GetValue() == "1960-01-01");
  CHECK(resident->sexCode() == "female");
  gl::test::screenshot("morning-resident-typed");
  REQUIRE(resident->save());
  std::string residentId = resident->savedId();
  resident->Destroy();
  CHECK((*ledger.get(gl::core::Table::Resident, residentId))["id_number"] == gl::core::Value("11010119600101002X"));

  // 3. A quarantine from today: the policy fills the planned end.
  auto* quarantine = new gl::app::QuarantineDialog(frame, ledger, residentId);
  quarantine->selectPolicy("home7_2022");
  quarantine->startField()->SetValue("2022-11-20");
  CHECK(gl::test::pumpUntil([&] { return quarantine->plannedEndField()->GetValue() == "2022-11-26"; }));
  REQUIRE(quarantine->save());
  std::string caseId = quarantine->savedId();
  quarantine->Destroy();
  frame->reloadAll();
  REQUIRE(gl::test::pumpUntil([&] { return !today->stale(); }));
  CHECK(today->figure(Figure::UnderQuarantine) == underBefore + 1);

  // 4. Morning and evening temperatures, typed into the check sheet.
  frame->showTab(gl::app::Tab::Quarantine);  // read when shown (it was hidden when the case was saved)
  CheckSheet* sheet = frame->quarantinePanel()->checkSheet();
  REQUIRE(sheet->goToCase(caseId));
  int row = sheet->GetGridCursorRow();
  sheet->SetGridCursor(row, CheckSheet::kFirstSlotColumn);
  typeAndEnter(sheet, "36.6");
  auto pm = sheet->columnOfSlot(row, 1);
  REQUIRE(pm);
  sheet->SetGridCursor(row, *pm);
  typeAndEnter(sheet, "37.6");
  auto recorded = [&] {
    for (const auto& r : gl::db::QuarantineQueries(ledger, ledger.readerScope()).checkSheet(gl::core::Date{2022, 11, 20}))
      if (r.quarantineId == caseId) return r.tenths;
    return std::vector<std::optional<int>>{};
  };
  CHECK(gl::test::pumpUntil([&] { auto t = recorded(); return t.size() == 2 && t[1].has_value(); }));
  auto tenths = recorded();
  REQUIRE(tenths.size() == 2);
  CHECK(tenths[0] == std::optional<int>(366));
  CHECK(tenths[1] == std::optional<int>(376));
  gl::test::screenshot("morning-check-sheet");

  // 5. Today's figures and the lists changed.
  frame->showTab(gl::app::Tab::Today);
  REQUIRE(gl::test::pumpUntil([&] { return !today->stale(); }));
  CHECK(today->figure(Figure::ChecksDone) == doneBefore + 2);
  CHECK(today->figure(Figure::Fevers) == feversBefore + 1);
  bool listed = false;
  for (const auto& item : gl::db::QuarantineQueries(ledger, ledger.readerScope()).active(gl::core::Date{2022, 11, 20})) listed |= item.id == caseId;
  CHECK(listed);
  gl::test::screenshot("morning-today");

  // 6. The same person, found by pinyin initials in the search box (柏青松 → bqs).
  frame->searchPane()->setQuery("bqs");
  REQUIRE(gl::test::pumpUntil([&] { return !frame->searchPane()->searching(); }));
  bool found = false;
  for (const auto& hit : frame->searchPane()->results()) found |= hit.id == residentId;
  CHECK(found);
  CHECK(gl::test::destroyAndWait(frame));
}
