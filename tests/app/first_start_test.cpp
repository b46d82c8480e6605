#include <doctest/doctest.h>

#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "../db/temp_ledger.h"
#include "app/first_start_dialog.h"
#include "app/preferences_dialog.h"
#include "app/progress_dialog.h"
#include "gui_support.h"

using gl::app::FirstStartDialog;

TEST_CASE("the first-start dialog refuses a bad county code next to the field and creates a good one") {
  gl::test::GuiLedger g;
  auto path = (g.dir / "new-county.gridledger").string();
  FirstStartDialog dialog(nullptr, wxString::FromUTF8(path));
  dialog.choose(FirstStartDialog::Choice::CreateNew);
  dialog.countyCode()->ChangeValue("3703");
  dialog.countyName()->ChangeValue("高青县");
  CHECK_FALSE(dialog.validate());
  CHECK_FALSE(dialog.problem().empty());
  dialog.countyCode()->ChangeValue("370322");
  dialog.countyName()->ChangeValue("");
  CHECK_FALSE(dialog.validate());
  dialog.countyName()->ChangeValue("高青县");
  CHECK(dialog.validate());
  CHECK(dialog.problem().empty());
  auto ledger = dialog.createLedger();
  REQUIRE(ledger);
  CHECK(ledger->path().string() == path);
  CHECK(ledger->setting("county_code") == std::optional<std::string>("370322"));
}

TEST_CASE("the preferences dialog round-trips the language choice") {
  gl::app::PreferencesDialog dialog(nullptr, "en");
  CHECK(dialog.language() == "en");
  dialog.setLanguage("zh_CN");
  CHECK(dialog.language() == "zh_CN");
  dialog.setLanguage("");
  CHECK(dialog.language() == "");
}

TEST_CASE("the demo county is made in the background with a progress window, and Cancel leaves no file") {
  gl::test::TempDir data;
  wxString before;
  bool had = wxGetEnv("XDG_DATA_HOME", &before);
  wxSetEnv("XDG_DATA_HOME", data.path.string());
  const auto demo = data.path / "gridledger" / "demo.gridledger";
  {
    FirstStartDialog dialog(nullptr, "");
    dialog.choose(FirstStartDialog::Choice::OpenDemo);
    // Cancelled as soon as the progress window shows: nothing is opened, no file stays.
    gl::test::KeyScript cancel;
    bool none = false;
    cancel.step("create", [&] { none = dialog.createLedger() == nullptr; })
        .step("cancelled", [&] { return none; }, [] {});
    // The window is modal: a second script step presses its Cancel from inside its loop.
    wxTimer press;
    press.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
      auto* window = gl::test::shownWindow<gl::app::ProgressDialog>();
      if (!window || window->cancelling()) return;
      gl::test::clickButton(window, wxID_CANCEL);
    });
    press.Start(5);
    CHECK(cancel.run(20000) == "");
    press.Stop();
    CHECK(none);
    CHECK_FALSE(std::filesystem::exists(demo));

    // Made to the end: the ledger opens with its county.
    auto made = dialog.createLedger();
    REQUIRE(made);
    CHECK(made->path() == demo);
    CHECK(gl::test::liveRows(*made, gl::core::Table::Household) == 2000);
  }
  if (had) wxSetEnv("XDG_DATA_HOME", before);
  else wxUnsetEnv("XDG_DATA_HOME");
}
