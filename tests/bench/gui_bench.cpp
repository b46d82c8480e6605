// Desktop benchmark (issue: the desktop client), run under Xvfb by `./test --bench`. On a demo ledger
// of 100,000 households it reports:
//   the time from program start to the main window shown with Today's figures painted,
//   search latency after a keystroke (the search box's query and list refill), p50/p99,
//   the household list's data path while scrolling: one page of rows for the virtual list, p50/p99.
// Targets: window < 1 s after launch, search < 100 ms after a keystroke, pages fast enough that
// scrolling never stalls (a page well under one 16 ms frame).
// Usage: gui_bench [--households N] [--ledger PATH] [--reuse]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <wx/app.h>
#include <wx/init.h>
#include <wx/xrc/xmlres.h>

#include "app/app_i18n.h"
#include "app/app_settings.h"
#include "app/households_panel.h"
#include "app/main_frame.h"
#include "app/search_pane.h"
#include "core/pinyin.h"
#include "demo/demo.h"
#include "db/household_queries.h"

extern void InitXmlResource();

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point kStart = Clock::now();

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void report(const char* what, std::vector<double> v, const char* target) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]; };
  std::printf("  %-34s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%s)\n", what, at(0.5), at(0.99), v.back(), target);
}

void pumpUntilIdle() {
  for (int i = 0; i < 5; ++i) wxTheApp->Yield(true);
}

}  // namespace

int main(int argc, char** argv) {
  long long households = 100000;
  bool reuse = false;
  std::filesystem::path path = std::filesystem::temp_directory_path() / "gridledger-gui-bench.gridledger";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--households" && i + 1 < argc) households = std::stoll(argv[++i]);
    else if (a == "--ledger" && i + 1 < argc) path = argv[++i];
    else if (a == "--reuse") reuse = true;
  }
  if (!reuse || !std::filesystem::exists(path)) {
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    auto ledger = gl::db::Ledger::open(path, gl::db::Ledger::Mode::CreateNew);
    ledger->initialize(gl::demo::kDemoCountyCode, gl::demo::kDemoCountyName);
    gl::demo::generate(*ledger, {households, 2023});
    std::printf("built a demo ledger of %lld households at %s\n", households, path.c_str());
  }
  auto settingsDir = std::filesystem::temp_directory_path() / "gridledger-gui-bench-config";
  setenv("XDG_CONFIG_HOME", settingsDir.c_str(), 1);

  auto launched = Clock::now();
  wxApp::SetInstance(new wxApp());
  int wxargc = 1;
  char* wxargv[] = {argv[0], nullptr};
  if (!wxEntryStart(wxargc, wxargv)) {
    std::fprintf(stderr, "gui_bench needs a display (run it under xvfb-run)\n");
    return 2;
  }
  wxTheApp->CallOnInit();
  gl::app::setupTranslations("zh_CN");
  wxXmlResource::Get()->InitAllHandlers();
  InitXmlResource();
  gl::app::AppSettings settings((settingsDir / "bench.ini").string());
  double toolkit = msSince(launched);
  auto built = Clock::now();
  auto* frame = new gl::app::MainFrame(gl::db::Ledger::open(path), settings);
  double construct = msSince(built);
  frame->Show();
  frame->Update();
  pumpUntilIdle();
  double shown = msSince(launched);
  std::printf("  (toolkit and resources %.0f ms, main window built %.0f ms, shown and painted %.0f ms)\n", toolkit,
              construct, shown - toolkit - construct);
  std::printf("desktop on %s:\n", path.c_str());
  std::printf("  window shown with Today's figures: %.0f ms after launch (target < 1000 ms)\n", shown);

  // Queries as a grid worker types them, one keystroke at a time.
  std::vector<std::string> names;
  frame->ledger().forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
    if (names.size() < 100 && r.id.back() % 7 == 0) names.push_back(*r["name"]);
  });
  std::vector<double> search;
  for (const auto& name : names) {
    std::string initials = gl::core::pinyin::initials(name);
    for (std::size_t n = 1; n <= initials.size(); ++n) {
      auto t = Clock::now();
      frame->searchPane()->setQuery(wxString::FromUTF8(initials.substr(0, n)));
      search.push_back(msSince(t));
    }
    auto t = Clock::now();
    frame->searchPane()->setQuery(wxString::FromUTF8(name));
    search.push_back(msSince(t));
  }
  report("search after a keystroke", search, "target < 100 ms");

  // The household list's data path: all keys once, then pages of rows as the list scrolls.
  auto t0 = Clock::now();
  auto keys = gl::db::HouseholdQueries(frame->ledger(), frame->ledger().readerScope()).keys({});
  double keysMs = msSince(t0);
  std::vector<double> pages;
  for (std::size_t at = 0; at + 200 <= keys.size(); at += keys.size() / 200) {
    std::vector<std::int64_t> page(keys.begin() + static_cast<long>(at), keys.begin() + static_cast<long>(at + 200));
    auto t = Clock::now();
    auto rows = gl::db::HouseholdQueries(frame->ledger(), frame->ledger().readerScope()).byKeys(page);
    pages.push_back(msSince(t));
  }
  std::printf("  household list keys (%zu rows): %.0f ms, once per filter\n", keys.size(), keysMs);
  report("a page of 200 rows while scrolling", pages, "well under a 16 ms frame");

  // The real list: show the tab, then jump through it as a scrollbar drag would, painting each time.
  auto tabStart = Clock::now();
  frame->showTab(gl::app::Tab::Households);
  frame->Update();
  pumpUntilIdle();
  std::printf("  Households tab shown with %u rows: %.0f ms\n", frame->householdsPanel()->model()->GetCount(),
              msSince(tabStart));
  auto* list = frame->householdsPanel()->list();
  auto* model = frame->householdsPanel()->model();
  std::vector<double> scroll;
  unsigned count = model->GetCount();
  for (unsigned step = 0; step < 200 && count > 0; ++step) {
    unsigned row = static_cast<unsigned>((static_cast<unsigned long long>(step) * 7919u * 13u) % count);
    auto t = Clock::now();
    list->EnsureVisible(model->GetItem(row));
    list->Refresh();
    list->Update();
    scroll.push_back(msSince(t));
  }
  report("list jump + repaint", scroll, "no stall: well under 100 ms");
  std::vector<double> lines;
  for (unsigned row = 0; row < 400 && row < count; ++row) {
    auto t = Clock::now();
    list->EnsureVisible(model->GetItem(row));
    list->Update();
    lines.push_back(msSince(t));
  }
  report("list scroll line by line + repaint", lines, "under a 16 ms frame");
  auto filterStart = Clock::now();
  frame->householdsPanel()->setKindFilter("rental");
  frame->Update();
  pumpUntilIdle();
  std::printf("  kind filter \"rented\" applied (%u rows): %.0f ms\n", model->GetCount(), msSince(filterStart));
  std::printf("  (whole process from start: %.0f ms)\n", msSince(kStart));
  frame->Destroy();
  pumpUntilIdle();
  wxTheApp->OnExit();
  wxEntryCleanup();
  return 0;
}
