// The Today tab and the Visits tab on a demo ledger (today fixed to 2022-11-20): the figure tiles
// against the ledger's figures, the 30-day chart, campaign progress, the visit form with its
// "save and next household" round, and the campaign form.
#include <doctest/doctest.h>

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

#include "app/app_settings.h"
#include "app/campaign_dialog.h"
#include "app/main_frame.h"
#include "app/today_panel.h"
#include "app/trend_chart.h"
#include "app/visit_dialog.h"
#include "app/visits_panel.h"
#include "gui_support.h"
#include "db/figure_queries.h"
#include "db/quarantine_queries.h"
#include "db/visit_queries.h"

using gl::app::CampaignDialog;
using gl::app::TodayPanel;
using gl::app::VisitDialog;
using gl::app::VisitsPanel;
using gl::core::Date;
using gl::core::Table;
using Figure = gl::app::TodayPanel::Figure;

namespace {

constexpr Date kToday{2022, 11, 20};

// A panel alone in a frame of the main window's size, on a 300-household demo ledger.
template <typename Panel>
struct Host {
  gl::test::GuiLedger g{300};
  wxFrame* frame = nullptr;
  Panel* panel = nullptr;

  template <typename... Extra>
  explicit Host(Extra&&... extra) {
    frame = new wxFrame(nullptr, wxID_ANY, "GridLedger", wxPoint(0, 0), wxSize(1000, 760));
    panel = new Panel(frame, *g.ledger, [this] { panel->reload(); }, std::forward<Extra>(extra)...);
    panel->reload();  // as the main window does when the tab is first shown
    frame->Show();
    frame->Raise();
    gl::test::pump(300);
  }
  ~Host() {
    frame->Destroy();
    gl::test::pump(100);
  }
};

std::string demoCampaign(const gl::db::Ledger& ledger) {
  std::string id;
  ledger.forEachRow(Table::Campaign, [&](const gl::db::Row& r) { id = r.id; });
  return id;
}

std::int64_t householdsLeft(const gl::db::Ledger& ledger, const std::string& campaign, const std::string& grid = {}) {
  std::int64_t left = 0;
  for (const auto& p : gl::db::VisitQueries(ledger, ledger.readerScope()).progress(campaign))
    if (grid.empty() || p.gridId == grid) left += p.households - p.visited;
  return left;
}

std::int64_t visitedIn(const gl::db::Ledger& ledger, const std::string& campaign, const std::string& grid) {
  std::int64_t visited = 0;
  for (const auto& p : gl::db::VisitQueries(ledger, ledger.readerScope()).progress(campaign))
    if (p.gridId == grid) visited += p.visited;
  return visited;
}

// Morning (first slot) and later checks still to take today, counted from the check sheet.
std::pair<std::int64_t, std::int64_t> checksToDo(const gl::db::Ledger& ledger) {
  std::int64_t morning = 0, later = 0;
  for (const auto& r : gl::db::QuarantineQueries(ledger, ledger.readerScope()).checkSheet(kToday))
    for (std::size_t s = 0; s < r.tenths.size(); ++s)
      if (!r.tenths[s]) (s == 0 ? morning : later) += 1;
  return {morning, later};
}

std::string freeResident(const gl::db::Ledger& ledger) {
  std::set<std::string> busy;
  for (const auto& q : gl::db::QuarantineQueries(ledger, ledger.readerScope()).active(Date{2100, 1, 1})) busy.insert(q.residentId);
  std::string found;
  ledger.forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    if (found.empty() && !busy.count(r.id)) found = r.id;
  });
  return found;
}

void checkTilesMatch(const TodayPanel& panel, const gl::db::Ledger& ledger) {
  auto f = gl::db::FigureQueries(ledger, ledger.readerScope()).today(kToday);
  CHECK(panel.figure(Figure::UnderQuarantine) == f.activeQuarantines);
  CHECK(panel.figure(Figure::ChecksDone) == f.checksDoneToday);
  CHECK(panel.figure(Figure::Fevers) == f.feversToday);
  CHECK(panel.figure(Figure::ReleasesDue) == f.releasesDueToday);
  CHECK(panel.figure(Figure::Overdue) == f.overdueReleases);
  auto [morning, later] = checksToDo(ledger);
  CHECK(panel.figure(Figure::MorningChecksToDo) == morning);
  CHECK(panel.figure(Figure::EveningChecksToDo) == later);
  CHECK(panel.figure(Figure::HouseholdsToVisit) == householdsLeft(ledger, demoCampaign(ledger)));
  CHECK(panel.figureDetail(Figure::ChecksDone).Contains(wxString::Format("%lld", static_cast<long long>(f.checksDueToday))));
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

TEST_CASE("the Today tiles show the ledger's figures, follow a recorded check and a new case, and open their lists") {
  std::vector<gl::app::Tab> opened;
  Host<TodayPanel> t(TodayPanel::OpenTab([&](gl::app::Tab tab) { opened.push_back(tab); }));
  auto& ledger = *t.g.ledger;
  auto before = gl::db::FigureQueries(ledger, ledger.readerScope()).today(kToday);
  REQUIRE(before.activeQuarantines > 0);
  checkTilesMatch(*t.panel, ledger);
  CHECK(t.panel->figure(Figure::HouseholdsToVisit) > 0);

  // A morning temperature of 38.5 is one check done, one fewer to do, and one fever more.
  auto [morning, later] = checksToDo(ledger);
  REQUIRE(morning > 0);
  std::string quarantine;
  for (const auto& r : gl::db::QuarantineQueries(ledger, ledger.readerScope()).checkSheet(kToday))
    if (quarantine.empty() && !r.tenths.empty() && !r.tenths[0]) quarantine = r.quarantineId;
  ledger.recordCheck(quarantine, kToday, 0, 385);
  t.panel->reload();
  CHECK(t.panel->figure(Figure::MorningChecksToDo) == morning - 1);
  CHECK(t.panel->figure(Figure::EveningChecksToDo) == later);
  CHECK(t.panel->figure(Figure::ChecksDone) == before.checksDoneToday + 1);
  CHECK(t.panel->figure(Figure::Fevers) == before.feversToday + 1);
  checkTilesMatch(*t.panel, ledger);

  // A case starting today: one more under quarantine, and the chart's last day has one more arrival.
  auto lastDay = t.panel->chart()->days().back();
  std::string resident = freeResident(ledger);
  REQUIRE_FALSE(resident.empty());
  ledger.insert(Table::Quarantine, {{"resident", resident},
                                    {"kind", std::string("home")},
                                    {"start_on", kToday.iso()},
                                    {"planned_end_on", kToday.addDays(13).iso()},
                                    {"status", std::string("active")}});
  t.panel->reload();
  CHECK(t.panel->figure(Figure::UnderQuarantine) == before.activeQuarantines + 1);
  CHECK(t.panel->chart()->days().back().arrivals == lastDay.arrivals + 1);
  CHECK(t.panel->chart()->days().back().active == lastDay.active + 1);
  checkTilesMatch(*t.panel, ledger);

  // The chart draws the ledger's 30 days, oldest first, ending today.
  auto trend = gl::db::FigureQueries(ledger, ledger.readerScope()).trend(kToday, 30);
  const auto& days = t.panel->chart()->days();
  REQUIRE(days.size() == 30);
  CHECK(days.front().day == kToday.addDays(-29));
  CHECK(days.back().day == kToday);
  for (std::size_t i = 0; i < days.size(); ++i) {
    CHECK(days[i].active == trend[i].active);
    CHECK(days[i].arrivals == trend[i].arrivals);
    CHECK(days[i].fevers == trend[i].fevers);
  }
  CHECK_FALSE(t.panel->chart()->empty());
  CHECK(t.panel->chart()->describeDay(29).Contains("2022-11-20"));

  // Tab goes from tile to tile in reading order.
  wxUIActionSimulator sim;
  t.panel->tile(Figure::UnderQuarantine)->SetFocus();
  gl::test::pump(100);
  sim.Char(WXK_TAB);
  CHECK(gl::test::pumpUntil([&] { return t.panel->tile(Figure::MorningChecksToDo)->HasFocus(); }, 1000));

  // Tiles open their lists: Enter on a focused tile, a mouse click, and the accessor.
  t.panel->tile(Figure::Fevers)->SetFocus();
  gl::test::pump(100);
  REQUIRE(t.panel->tile(Figure::Fevers)->HasFocus());
  sim.Char(WXK_RETURN);
  gl::test::pumpUntil([&] { return !opened.empty(); }, 1000);
  REQUIRE(opened.size() == 1);
  CHECK(opened.back() == gl::app::Tab::Quarantine);
  auto* visits = t.panel->tile(Figure::HouseholdsToVisit);
  sim.MouseMove(visits->GetScreenRect().GetPosition() + wxPoint(40, 40));
  gl::test::pump(100);
  sim.MouseClick();
  gl::test::pumpUntil([&] { return opened.size() == 2; }, 1000);
  REQUIRE(opened.size() == 2);
  CHECK(opened.back() == gl::app::Tab::Visits);
  t.panel->openFigure(Figure::Overdue);
  CHECK(opened.back() == gl::app::Tab::Quarantine);
}

TEST_CASE("the chart says so when there is nothing to draw") {
  gl::test::GuiLedger g(0);
  auto* frame = new wxFrame(nullptr, wxID_ANY, "GridLedger", wxPoint(0, 0), wxSize(1000, 760));
  auto* panel = new TodayPanel(frame, *g.ledger, {}, {});
  panel->reload();
  frame->Show();
  gl::test::pump(200);
  CHECK(panel->chart()->days().size() == 30);
  CHECK(panel->chart()->empty());
  CHECK(panel->figure(Figure::UnderQuarantine) == 0);
  CHECK(panel->figureDetail(Figure::HouseholdsToVisit) != wxString());
  gl::test::screenshot("today-empty");
  frame->Destroy();
  gl::test::pump(100);
}

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
  dialog->Show();
  gl::test::pump(200);
  CHECK(dialog->householdField()->GetValue() == wxString::FromUTF8(*left[0]["address"]));
  CHECK(dialog->dateField()->GetValue() == "2022-11-20");
  CHECK(dialog->outcome() == "seen");
  CHECK_FALSE(dialog->dirty());

  // Typing a temperature: 37.6 is a fever, shown beside the field.
  wxUIActionSimulator sim;
  dialog->temperatureField()->SetFocus();
  gl::test::pump(50);
  sim.Text("37.6");
  gl::test::pumpUntil([&] { return dialog->temperatureField()->GetValue() == "37.6"; }, 2000);
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
  round->Destroy();
  gl::test::pump(50);
}

TEST_CASE("a new campaign defaults to the whole county, refuses a period that ends before it starts, and covers every grid") {
  Host<VisitsPanel> t;
  auto& ledger = *t.g.ledger;
  auto* dialog = new CampaignDialog(t.frame, ledger);
  dialog->Show();
  gl::test::pump(100);
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

TEST_CASE("the main window opens on the Today tab, and its tiles switch to the Quarantine and Visits tabs") {
  gl::test::GuiLedger g(300);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  frame->SetPosition(wxPoint(0, 0));
  frame->Show();
  // The pointer away from the tiles, so that no tooltip or hover shows in the screenshot.
  wxUIActionSimulator().MouseMove(1275, 895);
  gl::test::pump(300);
  REQUIRE(frame->currentTab() == gl::app::Tab::Today);
  gl::test::screenshot("today-tab");
  frame->todayPanel()->openFigure(Figure::HouseholdsToVisit);
  CHECK(frame->currentTab() == gl::app::Tab::Visits);
  gl::test::screenshot("visits-tab-in-window");
  frame->showTab(gl::app::Tab::Today);
  frame->todayPanel()->openFigure(Figure::MorningChecksToDo);
  CHECK(frame->currentTab() == gl::app::Tab::Quarantine);
  frame->Destroy();
  gl::test::pump(100);
}
