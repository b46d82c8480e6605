// The Today tab on a demo ledger (today fixed to 2022-11-20): the figure tiles against the ledger's
// figures, following a recorded check and a new case and opening their lists; the 30-day chart; the
// main window opening on this tab.
#include <doctest/doctest.h>

#include <set>

#include <wx/frame.h>
#include <wx/uiaction.h>

#include "app/app_settings.h"
#include "app/main_frame.h"
#include "app/today_panel.h"
#include "app/trend_chart.h"
#include "db/figure_queries.h"
#include "db/quarantine_queries.h"
#include "demo_tab.h"
#include "gui_support.h"

using gl::app::TodayPanel;
using gl::core::Date;
using gl::core::Table;
using gl::test::demoCampaign;
using gl::test::householdsLeft;
using Figure = gl::app::TodayPanel::Figure;
template <typename Panel>
using Host = gl::test::DemoTab<Panel>;

namespace {

constexpr Date kToday{2022, 11, 20};

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
  REQUIRE(gl::test::focus(t.panel->tile(Figure::UnderQuarantine)));
  sim.Char(WXK_TAB);
  CHECK(gl::test::pumpUntil([&] { return t.panel->tile(Figure::MorningChecksToDo)->HasFocus(); }, 1000));

  // Tiles open their lists: Enter on a focused tile, a mouse click, and the accessor.
  REQUIRE(gl::test::focus(t.panel->tile(Figure::Fevers)));
  REQUIRE(t.panel->tile(Figure::Fevers)->HasFocus());
  sim.Char(WXK_RETURN);
  CHECK(gl::test::pumpUntil([&] { return !opened.empty(); }));
  REQUIRE(opened.size() == 1);
  CHECK(opened.back() == gl::app::Tab::Quarantine);
  auto* visits = t.panel->tile(Figure::HouseholdsToVisit);
  sim.MouseMove(visits->GetScreenRect().GetPosition() + wxPoint(40, 40));
  sim.MouseClick();  // lands where the pointer went: the click first syncs the display
  CHECK(gl::test::pumpUntil([&] { return opened.size() == 2; }));
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
  REQUIRE(gl::test::show(frame));
  CHECK(panel->chart()->days().size() == 30);
  CHECK(panel->chart()->empty());
  CHECK(panel->figure(Figure::UnderQuarantine) == 0);
  CHECK(panel->figureDetail(Figure::HouseholdsToVisit) != wxString());
  gl::test::screenshot("today-empty");
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("the main window opens on the Today tab, and its tiles switch to the Quarantine and Visits tabs") {
  gl::test::GuiLedger g(300);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  frame->SetPosition(wxPoint(0, 0));
  // The pointer away from the tiles, so that no tooltip or hover shows in the screenshot.
  wxUIActionSimulator().MouseMove(1275, 895);
  REQUIRE(gl::test::show(frame));
  REQUIRE(frame->currentTab() == gl::app::Tab::Today);
  gl::test::screenshot("today-tab");
  frame->todayPanel()->openFigure(Figure::HouseholdsToVisit);
  CHECK(frame->currentTab() == gl::app::Tab::Visits);
  gl::test::screenshot("visits-tab-in-window");
  frame->showTab(gl::app::Tab::Today);
  frame->todayPanel()->openFigure(Figure::MorningChecksToDo);
  CHECK(frame->currentTab() == gl::app::Tab::Quarantine);
  CHECK(gl::test::destroyAndWait(frame));
}
