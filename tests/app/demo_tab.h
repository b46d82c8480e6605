// What the Today and Visits tests share: a tab alone in a frame of the main window's size on a
// 300-household demo ledger (today fixed to 2022-11-20), and the demo campaign's households left.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include <wx/frame.h>

#include "db/ledger.h"
#include "db/visit_queries.h"
#include "gui_support.h"

namespace gl::test {

// A panel alone in a frame of the main window's size, on a 300-household demo ledger; `extra` goes to
// the panel's constructor after the ledger and the change callback.
template <typename Panel>
struct DemoTab {
  GuiLedger g{300};
  wxFrame* frame = nullptr;
  Panel* panel = nullptr;

  template <typename... Extra>
  explicit DemoTab(Extra&&... extra) {
    frame = new wxFrame(nullptr, wxID_ANY, "GridLedger", wxPoint(0, 0), wxSize(1000, 760));
    panel = new Panel(frame, *g.ledger, [this] { panel->reload(); }, std::forward<Extra>(extra)...);
    panel->reload();  // as the main window does when the tab is first shown
    CHECK(show(frame));
    frame->Raise();
  }
  ~DemoTab() { CHECK(destroyAndWait(frame)); }
};

inline std::string demoCampaign(const db::Ledger& ledger) {
  std::string id;
  ledger.forEachRow(core::Table::Campaign, [&](const db::Row& r) { id = r.id; });
  return id;
}

inline std::int64_t householdsLeft(const db::Ledger& ledger, const std::string& campaign,
                                   const std::string& grid = {}) {
  std::int64_t left = 0;
  for (const auto& p : db::VisitQueries(ledger, ledger.readerScope()).progress(campaign))
    if (grid.empty() || p.gridId == grid) left += p.households - p.visited;
  return left;
}

}  // namespace gl::test
