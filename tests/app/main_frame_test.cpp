#include <doctest/doctest.h>

#include <wx/notebook.h>

#include "app/app_settings.h"
#include "app/main_frame.h"
#include "app/panels.h"
#include "app/search_pane.h"
#include "core/pinyin.h"
#include "gui_support.h"

using gl::app::MainFrame;
using gl::app::Tab;

TEST_CASE("the main window opens on a ledger with its four tabs, and the search box finds people by pinyin initials") {
  gl::test::GuiLedger g(200);
  gl::db::Row someone;
  g.ledger->forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
    if (someone.id.empty()) someone = r;
  });
  std::string initials = gl::core::pinyin::initials(*someone["name"]);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  CHECK(frame->currentTab() == Tab::Today);
  // Only the tab on show has read the ledger; each other tab reads it when first shown.
  CHECK_FALSE(frame->todayPanel()->stale());
  CHECK(frame->householdsPanel()->stale());
  CHECK(frame->quarantinePanel()->stale());
  CHECK(frame->visitsPanel()->stale());
  CHECK(frame->householdsPanel()->model()->size() == 0);
  for (auto tab : {Tab::Households, Tab::Quarantine, Tab::Visits, Tab::Today}) {
    frame->showTab(tab);
    CHECK(frame->currentTab() == tab);
  }
  CHECK_FALSE(frame->householdsPanel()->stale());
  CHECK(frame->householdsPanel()->model()->size() == 200);
  // A change made while Today is shown re-reads Today now and the hidden tabs when they are shown.
  frame->reloadAll();
  CHECK_FALSE(frame->todayPanel()->stale());
  CHECK(frame->householdsPanel()->stale());
  frame->showTab(Tab::Households);
  CHECK_FALSE(frame->householdsPanel()->stale());
  frame->searchPane()->setQuery(wxString::FromUTF8(initials));
  CHECK(frame->searchPane()->searching());  // off the UI thread: the results come a moment later
  REQUIRE(gl::test::pumpUntil([&] { return !frame->searchPane()->searching(); }));
  bool found = false;
  for (const auto& hit : frame->searchPane()->results()) found |= hit.id == someone.id;
  CHECK_MESSAGE(found, initials);
  gl::test::screenshot("main-window-search");
  CHECK(gl::test::destroyAndWait(frame));
}
