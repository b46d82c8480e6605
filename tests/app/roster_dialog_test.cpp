// File → Print a roster in the window: the roster, date and scope picked, the pages previewed by the
// PDF's own drawing, saved as PDF and XLSX, and drawn onto a device context as the printer gets them;
// Ctrl+P and the keyboard alone reach all of it; a door card scanned into the search box opens its
// household.
#include <doctest/doctest.h>

#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/textctrl.h>

#include "app/app_settings.h"
#include "app/main_frame.h"
#include "app/panels.h"
#include "app/search_pane.h"
#include "app/progress_dialog.h"
#include "app/roster_dialog.h"
#include "app/roster_printout.h"
#include "core/door_code.h"
#include "gui_support.h"

using gl::app::RosterDialog;
using gl::report::RosterKind;

namespace {

// How many pixels of the image are darker than paper: a page drawn is not blank.
long inked(const wxImage& image) {
  long n = 0;
  const unsigned char* p = image.GetData();
  for (long i = 0; i < static_cast<long>(image.GetWidth()) * image.GetHeight(); ++i, p += 3)
    if (p[0] < 128 && p[1] < 128 && p[2] < 128) ++n;
  return n;
}

}  // namespace

TEST_CASE("the roster dialog previews, pages through and saves a roster, and draws pages for the printer") {
  gl::test::GuiLedger g(200);
  auto* dialog = new RosterDialog(nullptr, *g.ledger);
  dialog->Show();
  auto settled = [&] { return gl::test::pumpUntil([&] { return !dialog->busy(); }); };
  CHECK(dialog->busy());  // read on a background task
  REQUIRE(settled());
  REQUIRE(dialog->roster());
  CHECK(dialog->roster()->kind == RosterKind::Checks);
  CHECK(dialog->roster()->total() > 0);
  REQUIRE(dialog->previewBitmap().IsOk());
  CHECK(inked(dialog->previewBitmap().ConvertToImage()) > 500);
  gl::test::screenshot("roster-dialog");

  // Scopes: the county first, then townships, communities and grids under it.
  REQUIRE(dialog->scopeCodes().size() > 3);
  CHECK(dialog->scopeCodes().front() == "370322");
  std::string grid;
  for (const auto& code : dialog->scopeCodes())
    if (code.find('-') != std::string::npos) grid = code;
  REQUIRE_FALSE(grid.empty());
  dialog->choose(RosterKind::VisitsDue, g.ledger->today(), grid);
  // Until the roster asked for is read, it is neither saved nor printed (the old one would be).
  CHECK_FALSE(dialog->save(g.dir / "early.pdf"));
  CHECK(dialog->status() == _("The roster is still being read: print or save it once it is shown."));
  REQUIRE(settled());
  CHECK_FALSE(std::filesystem::exists(g.dir / "early.pdf"));
  REQUIRE(dialog->roster());
  CHECK(dialog->roster()->scope.code == grid);

  dialog->choose(RosterKind::Care, g.ledger->today(), "370322");
  REQUIRE(settled());
  REQUIRE(dialog->layout());
  REQUIRE(dialog->layout()->pageCount() >= 2);
  dialog->showPage(1);
  CHECK(dialog->page() == 1);
  dialog->showPage(99);  // past the end: stays
  CHECK(dialog->page() == 1);
  gl::test::screenshot("roster-dialog-page-2");

  auto pdf = g.dir / "care.pdf";
  REQUIRE(dialog->save(pdf));
  CHECK_FALSE(dialog->save(g.dir / "other.pdf"));  // one save at a time
  REQUIRE(settled());
  CHECK(dialog->status().Contains("care.pdf"));
  CHECK(std::filesystem::file_size(pdf) > 10000);
  REQUIRE(dialog->save(g.dir / "care.xlsx"));
  REQUIRE(settled());
  CHECK(std::filesystem::exists(g.dir / "care.xlsx"));
  REQUIRE(dialog->save(g.dir / "care.docx"));
  REQUIRE(settled());
  CHECK(dialog->status().Contains("care.docx"));
  CHECK_FALSE(std::filesystem::exists(g.dir / "care.docx"));

  // The printer's pages: the same drawing onto a device context (a bitmap here).
  gl::app::RosterPrintout printout(*dialog->layout());
  int from = 0, to = 0, min = 0, max = 0;
  printout.GetPageInfo(&min, &max, &from, &to);
  CHECK(max == dialog->layout()->pageCount());
  wxBitmap paper(1123, 794);
  {
    wxMemoryDC dc(paper);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    printout.SetDC(&dc);
    printout.SetPageSizePixels(1123, 794);
    CHECK(printout.OnPrintPage(1));
    printout.SetDC(nullptr);
  }
  CHECK(inked(paper.ConvertToImage()) > 500);
  CHECK(gl::test::destroyAndWait(dialog));
}

TEST_CASE("Ctrl+P opens the roster dialog and Alt+T takes tomorrow, keys only") {
  gl::test::GuiLedger g(30);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  const std::string tomorrow = frame->ledger().today().addDays(1).iso();
  auto dialog = [] { return gl::test::shownWindow<RosterDialog>(); };
  gl::test::KeyScript keys;
  keys.step("pointer over the window", [&] { gl::test::pointAt(frame); })
      .step("Ctrl+P", [&] { return gl::test::hasKeyboard(frame); }, [] { gl::test::press('P', wxMOD_CONTROL); })
      .step("roster dialog up", [&] { return dialog() != nullptr; }, [&] { gl::test::pointAt(dialog()); })
      .step("Alt+T", [&] { return gl::test::hasKeyboard(dialog()); }, [] { gl::test::press('T', wxMOD_ALT); })
      .step("tomorrow's roster",
            [&] { return dialog()->roster() && dialog()->roster()->date.iso() == tomorrow; },
            [] { gl::test::press(WXK_PAGEDOWN); })
      .step("Escape closes", [] { gl::test::press(WXK_ESCAPE); })
      .step("closed", [&] { return dialog() == nullptr; }, [] {});
  CHECK(keys.run(10000) == "");
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("a door card scanned into the search box opens its household at once") {
  gl::test::GuiLedger g(30);
  std::string household;
  g.ledger->forEachRow(gl::core::Table::Household, [&](const gl::db::Row& h) { household = h.id; });
  const std::string code = *gl::core::doorCode(household);
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  // A USB scanner types like a keyboard: the 40 digits (Enter after them or not). The household
  // opens as they are in, and a second card scanned right after replaces the first.
  std::string second;
  frame->ledger().forEachRow(gl::core::Table::Household, [&](const gl::db::Row& h) {
    if (second.empty() && h.id != household) second = h.id;
  });
  const std::string secondCode = *gl::core::doorCode(second);
  auto shown = [&](const std::string& id) {
    return frame->currentTab() == gl::app::Tab::Households && frame->householdsPanel()->selectedHousehold() == id;
  };
  gl::test::KeyScript keys;
  keys.step("pointer over the window", [&] { gl::test::pointAt(frame); })
      .step("Ctrl+F", [&] { return gl::test::hasKeyboard(frame); }, [] { gl::test::press('F', wxMOD_CONTROL); })
      .step("scan", [&] { gl::test::typeText(code.c_str()); })
      .step("household shown", [&] { return shown(household); }, [] { gl::test::press(WXK_RETURN); })
      .step("still shown after the scanner's Enter", [&] { return shown(household); },
            [&] { gl::test::typeText(secondCode.c_str()); })
      .step("the second card's household", [&] { return shown(second); }, [] {});
  CHECK(keys.run(10000) == "");
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("a county roster of 5,000 households is read with a progress window, and Cancel stops its PDF") {
  gl::test::GuiLedger g(12000);
  auto* dialog = new RosterDialog(nullptr, *g.ledger);
  dialog->progressAfter(0);  // the window shows at once (a slow office PC's view)
  dialog->Show();
  REQUIRE(gl::test::pumpUntil([&] { return !dialog->busy(); }, 20000));
  bool sawWindow = false;
  gl::test::KeyScript read;
  read.step("read the visits due", [&] { dialog->choose(RosterKind::VisitsDue, g.ledger->today(), "370322"); })
      .step("progress window", [&] { return dialog->progressWindow() != nullptr; }, [&] { sawWindow = true; })
      .step("read", [&] { return !dialog->busy(); }, [] {});
  CHECK(read.run(20000) == "");
  CHECK(sawWindow);
  REQUIRE(dialog->roster());
  CHECK(dialog->roster()->total() >= 5000);
  CHECK(dialog->layout()->pageCount() > 100);

  const auto pdf = g.dir / "visits.pdf";
  wxString stage;
  gl::test::KeyScript cancel;
  cancel.step("save", [&] { REQUIRE(dialog->save(pdf)); })
      .step("progress window", [&] { return dialog->progressWindow() != nullptr; },
            [&] {
              gl::test::screenshot("roster-progress");
              stage = dialog->progressWindow()->what();
              CHECK(gl::test::clickButton(dialog->progressWindow(), wxID_CANCEL));
            })
      .step("stopped", [&] { return !dialog->busy() && dialog->progressWindow() == nullptr; }, [] {});
  CHECK(cancel.run(20000) == "");
  CHECK_FALSE(stage.empty());
  CHECK_FALSE(std::filesystem::exists(pdf));  // nothing half-written
  CHECK(dialog->status() == _("Cancelled."));
  CHECK(gl::test::destroyAndWait(dialog));
}
