// The Visits tab on a demo ledger (today fixed to 2022-11-20): campaign progress per grid and
// building, the visit form with its "save and next household" round, and the campaign form.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/campaign_dialog.h"
#include "app/visit_dialog.h"
#include "app/visits_panel.h"
#include "db/figure_queries.h"
#include "db/visit_queries.h"
#include "demo_tab.h"
#include "gui_support.h"

using gl::app::CampaignDialog;
using gl::app::VisitDialog;
using gl::app::VisitsPanel;
using gl::core::Date;
using gl::core::Table;
using gl::test::demoCampaign;
using gl::test::householdsLeft;
template <typename Panel>
using Host = gl::test::DemoTab<Panel>;

namespace {

constexpr Date kToday{2022, 11, 20};

std::int64_t visitedIn(const gl::db::Ledger& ledger, const std::string& campaign, const std::string& grid) {
  std::int64_t visited = 0;
  for (const auto& p : gl::db::VisitQueries(ledger, ledger.readerScope()).progress(campaign))
    if (p.gridId == grid) visited += p.visited;
  return visited;
}

// Fills the visit form as a worker would and presses Save.
class RecordVisit : public wxExpectModalBase<VisitDialog, RecordVisit> {
 protected:
  int OnInvoked(VisitDialog* dialog) const override {
    dialog->temperatureField()->SetValue("36.6");
    return dialog->save() ? wxID_OK : wxID_CANCEL;
  }
};

}  // namespace

TEST_CASE("the Visits tab shows the demo campaign's progress per grid and building and the households left") {
  Host<VisitsPanel> t;
  auto& ledger = *t.g.ledger;
  const std::string campaign = demoCampaign(ledger);
  REQUIRE_FALSE(campaign.empty());
  CHECK(t.panel->campaignId() == campaign);
  auto expected = gl::db::VisitQueries(ledger, ledger.readerScope()).progress(campaign);
  const auto& shown = t.panel->progress();
  REQUIRE_FALSE(shown.empty());
  REQUIRE(shown.size() == expected.size());
  std::int64_t households = 0, visited = 0, expectedVisited = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    CHECK(shown[i].visited <= shown[i].households);
    CHECK(shown[i].gridId == expected[i].gridId);
    households += shown[i].households;
    visited += shown[i].visited;
    expectedVisited += expected[i].visited;
  }
  CHECK(visited == expectedVisited);
  CHECK(visited > 0);
  CHECK(visited < households);

  // A grid's households still to visit, in the ledger's walking order.
  const std::string grid = t.panel->gridId();
  REQUIRE_FALSE(grid.empty());
  std::vector<std::string> left;
  for (const auto& h : gl::db::VisitQueries(ledger, ledger.readerScope()).householdsToVisit(campaign, grid)) left.push_back(h.id);
  CHECK(t.panel->toVisit() == left);

  // Recording without a household chosen says so in the panel, not in a message box.
  CHECK(t.panel->selectedHousehold().empty());
  t.panel->newVisit({});
  CHECK_FALSE(t.panel->message().empty());

  // Enter on a household would open the form; here the form is filled and saved by the expectation.
  REQUIRE_FALSE(left.empty());
  t.panel->selectHousehold(left.front());
  std::int64_t visitedBefore = visitedIn(ledger, campaign, grid);
  wxTEST_DIALOG(t.panel->newVisit({}), RecordVisit());
  CHECK(visitedIn(ledger, campaign, grid) == visitedBefore + 1);
  CHECK(t.panel->toVisit().size() == left.size() - 1);
  // The household after it is selected next.
  if (left.size() > 1) CHECK(t.panel->selectedHousehold() == left[1]);
  gl::test::screenshot("visits-tab");
}

TEST_CASE("the visit form saves a visit for its grid, flags fevers as typed and walks the grid with save and next") {
  Host<VisitsPanel> t;
  auto& ledger = *t.g.ledger;
  const std::string campaign = demoCampaign(ledger);
  const std::string grid = t.panel->gridId();
  auto left = gl::db::VisitQueries(ledger, ledger.readerScope()).householdsToVisit(campaign, grid);
  REQUIRE(left.size() >= 2);

  auto* dialog = new VisitDialog(t.frame, ledger, left[0].id, campaign);
  REQUIRE(gl::test::show(dialog));
  CHECK(dialog->householdField()->GetValue() == wxString::FromUTF8(*left[0]["address"]));
  CHECK(dialog->dateField()->GetValue() == "2022-11-20");
  CHECK(dialog->outcome() == "seen");
  CHECK_FALSE(dialog->dirty());

  // Typing a temperature: 37.6 is a fever, shown beside the field.
  REQUIRE(gl::test::focus(dialog->temperatureField()));
  wxUIActionSimulator sim;
  sim.Text("37.6");
  CHECK(gl::test::pumpUntil([&] { return dialog->temperatureField()->GetValue() == "37.6"; }));
  REQUIRE(dialog->temperatureField()->GetValue() == "37.6");
  CHECK(dialog->dirty());
  CHECK_FALSE(dialog->feverText().empty());
  gl::test::screenshot("visit-dialog");

  // A mistyped temperature keeps the form open with the problem beside the field.
  dialog->temperatureField()->SetValue("3765");
  CHECK_FALSE(dialog->message("temperature").empty());
  CHECK_FALSE(dialog->save());
  CHECK(dialog->savedCount() == 0);
  gl::test::screenshot("visit-dialog-problem");
  dialog->temperatureField()->SetValue("37.6");
  CHECK(dialog->message("temperature").empty());
  CHECK(dialog->feverText() != wxString());

  std::int64_t visitedBefore = visitedIn(ledger, campaign, grid);
  REQUIRE(dialog->save());
  CHECK(visitedIn(ledger, campaign, grid) == visitedBefore + 1);
  auto saved = ledger.get(Table::Visit, dialog->lastSavedId());
  REQUIRE(saved);
  CHECK((*saved)["household"] == gl::core::Value(left[0].id));
  CHECK((*saved)["campaign"] == gl::core::Value(campaign));
  CHECK((*saved)["temperature"] == gl::core::Value("37.6"));
  CHECK((*saved)["outcome"] == gl::core::Value("seen"));
  CHECK((*saved)["visited_on"] == gl::core::Value("2022-11-20"));

  // Unsaved input is not lost without asking: Cancel (and Escape, and closing) asks first.
  dialog->notesField()->SetValue(wxString::FromUTF8("下午再来"));
  CHECK(dialog->dirty());
  wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
  wxTEST_DIALOG(dialog->ProcessWindowEvent(cancel), wxExpectModal<wxMessageDialog>(wxNO));
  CHECK(dialog->IsShown());
  wxTEST_DIALOG(dialog->ProcessWindowEvent(cancel), wxExpectModal<wxMessageDialog>(wxYES));
  CHECK_FALSE(dialog->IsShown());
  dialog->Destroy();

  // Save and next: an absent household is recorded and the form moves to the next door.
  auto* round = new VisitDialog(t.frame, ledger, left[1].id, campaign);
  round->Show();
  round->setOutcome("absent");
  REQUIRE(round->saveAndNext());
  CHECK(round->savedCount() == 1);
  CHECK(round->householdId() != left[1].id);
  CHECK_FALSE(round->dirty());
  CHECK(round->outcome() == "seen");
  auto now = gl::db::VisitQueries(ledger, ledger.readerScope()).householdsToVisit(campaign, grid);
  CHECK(std::any_of(now.begin(), now.end(), [&](const gl::db::Row& r) { return r.id == round->householdId(); }));
  CHECK(std::none_of(now.begin(), now.end(), [&](const gl::db::Row& r) { return r.id == left[1].id; }));
  // Walking order: the next door is the one after it in the list.
  if (left.size() > 2) CHECK(round->householdId() == left[2].id);
  auto absent = ledger.get(Table::Visit, round->lastSavedId());
  REQUIRE(absent);
  CHECK((*absent)["outcome"] == gl::core::Value("absent"));

  // The rest of the grid, door after door, until the round is finished.
  std::size_t guard = now.size() + 1;
  while (!round->roundFinished() && guard-- > 0) REQUIRE(round->saveAndNext());
  CHECK(round->roundFinished());
  CHECK(gl::db::VisitQueries(ledger, ledger.readerScope()).householdsToVisit(campaign, grid).empty());
  CHECK(householdsLeft(ledger, campaign, grid) == 0);
  CHECK(gl::test::destroyAndWait(round));
}

TEST_CASE("a new campaign defaults to the whole county, refuses a period that ends before it starts, and covers every grid") {
  Host<VisitsPanel> t;
  auto& ledger = *t.g.ledger;
  auto* dialog = new CampaignDialog(t.frame, ledger);
  REQUIRE(gl::test::show(dialog));
  CHECK(dialog->scopeField()->GetValue() == "370322");
  CHECK(dialog->startField()->GetValue() == "2022-11-20");
  CHECK_FALSE(dialog->save());  // no name
  CHECK_FALSE(dialog->message("name").empty());
  gl::test::screenshot("campaign-dialog");
  dialog->nameField()->SetValue(wxString::FromUTF8("春节返乡排查"));
  dialog->endField()->SetValue("2022-11-01");
  CHECK_FALSE(dialog->save());
  CHECK(dialog->savedId().empty());
  CHECK_FALSE(dialog->message("end_on").empty());
  CHECK(dialog->message("name").empty());
  dialog->endField()->SetValue("2022-12-04");
  REQUIRE(dialog->save());
  auto row = ledger.get(Table::Campaign, dialog->savedId());
  REQUIRE(row);
  CHECK((*row)["name"] == gl::core::Value("春节返乡排查"));
  CHECK((*row)["end_on"] == gl::core::Value("2022-12-04"));
  std::string id = dialog->savedId();
  dialog->Destroy();

  t.panel->reload();
  t.panel->selectCampaign(id);
  CHECK(t.panel->campaignId() == id);
  std::int64_t households = 0, visited = 0;
  for (const auto& p : t.panel->progress()) {
    households += p.households;
    visited += p.visited;
  }
  std::int64_t all = 0;
  for (const auto& table : gl::db::FigureQueries(ledger, ledger.readerScope()).today(kToday).tables)
    if (table.name == "household") all = table.rows;
  CHECK(households == all);
  CHECK(visited == 0);
}
