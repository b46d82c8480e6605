#include <doctest/doctest.h>

#include <wx/textctrl.h>

#include "app/first_start_dialog.h"
#include "app/preferences_dialog.h"
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
