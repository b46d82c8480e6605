// File → Import in the window: the columns found, a mapping changed by hand, the check (a dry run on
// a worker thread), the import, "save rejected rows", a recognised profile, and Cancel.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include "app/import_dialog.h"
#include "app/import_profiles_dialog.h"
#include "exchange/import_profile.h"
#include "exchange/import_report_text.h"
#include "text/text.h"
#include "gui_support.h"

using gl::app::ImportDialog;
using gl::core::Table;
using gl::exchange::ImportField;

namespace {

std::string roster() {
  return "\xEF\xBB\xBF"
         "银杏社区来返人员名单\r\n"
         "序号,姓名,性别,身份证号,联系电话,现住址,管控措施,隔离开始时间,解除隔离时间,备用列\r\n"
         "1,柏青松,女," + gl::test::residentId("19600101", "002") +
         ",13800138000,银杏社区3-2-301,居家隔离,2022-11-15,2022-11-21,甲\r\n"
         "2,王错号,男,370322196001010021,13800138001,银杏社区3-2-302,居家隔离,2022-11-15,2022-11-21,乙\r\n";
}

bool waitIdle(ImportDialog& d) { return gl::test::pumpUntil([&] { return !d.working(); }, 60000); }

}  // namespace

TEST_CASE("the import dialog checks a roster, imports its good rows and saves the rejected ones") {
  gl::test::GuiLedger g(0);
  auto file = g.dir / "名单.csv";
  std::ofstream(file, std::ios::binary) << roster();
  auto* dialog = new ImportDialog(nullptr, *g.ledger);
  dialog->Show();
  dialog->chooseFile(file);
  REQUIRE(dialog->preview());
  CHECK(dialog->preview()->headerRow == 2);
  REQUIRE(dialog->preview()->columns.size() == 10);
  CHECK(dialog->preview()->columns[3].field == ImportField::IdNumber);
  CHECK_FALSE(dialog->preview()->columns[9].field);  // 备用列: unknown, left out
  dialog->setField(9, ImportField::Notes);           // the user says what it is
  dialog->saveProfileBox()->SetValue(true);
  dialog->profileNameField()->ChangeValue(wxString::FromUTF8("来返名单"));
  gl::test::screenshot("import-dialog-columns");

  dialog->next();  // check
  REQUIRE(waitIdle(*dialog));
  CHECK(dialog->step() == ImportDialog::Step::Check);
  REQUIRE(dialog->report());
  CHECK(dialog->report()->rejected == 1);
  CHECK_FALSE(dialog->report()->written);
  CHECK(dialog->problemList()->GetItemCount() == 1);
  CHECK(dialog->problemList()->GetItemText(0, 0) == "4");
  // The first problem is selected and its whole reason shown below the list.
  CHECK_FALSE(dialog->problemDetail().empty());
  CHECK(dialog->problemDetail() == dialog->problemList()->GetItemText(0, 2));
  CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == 0);
  gl::test::screenshot("import-dialog-check");

  dialog->next();  // import
  REQUIRE(waitIdle(*dialog));
  CHECK(dialog->step() == ImportDialog::Step::Done);
  CHECK(dialog->imported());
  CHECK(dialog->report()->personsCreated == 1);
  CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == 1);
  CHECK(gl::test::liveRows(*g.ledger, Table::Quarantine) == 1);
  auto ids = g.ledger->residentsWithIdNumber(gl::test::residentId("19600101", "002"));
  REQUIRE(ids.size() == 1);
  CHECK(g.ledger->get(Table::Resident, ids.front())->text("notes") == "甲");
  auto rejected = g.dir / "rejected.csv";
  dialog->saveRejectedRows(rejected);
  CHECK(std::filesystem::exists(rejected));
  gl::test::screenshot("import-dialog-done");
  dialog->Destroy();

  // The same layout again: the saved profile is recognised, and nothing new is made.
  auto* again = new ImportDialog(nullptr, *g.ledger);
  again->Show();
  again->chooseFile(file);
  REQUIRE(again->preview());
  CHECK(again->preview()->profile == "来返名单");
  CHECK(again->preview()->columns[9].field == ImportField::Notes);
  again->next();
  REQUIRE(waitIdle(*again));
  CHECK(again->report()->personsCreated == 0);
  CHECK(gl::test::destroyAndWait(again));
}

TEST_CASE("cancelling an import leaves the ledger as it was — a file that is not a roster says so") {
  gl::test::GuiLedger g(0);
  auto file = g.dir / "big.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "姓名,身份证号,现住址\n";
    for (int i = 0; i < 5000; ++i)
      out << "人员" << i << ",," << "银杏社区" << (i / 100 + 1) << "-1-" << (i % 100 + 101) << "\n";
  }
  auto* dialog = new ImportDialog(nullptr, *g.ledger);
  dialog->Show();
  dialog->chooseFile(file);
  REQUIRE(dialog->preview());
  dialog->next();  // check
  REQUIRE(waitIdle(*dialog));
  dialog->next();  // import…
  dialog->cancelWork();  // …and change one's mind at once
  REQUIRE(waitIdle(*dialog));
  CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == 0);
  CHECK_FALSE(dialog->imported());

  auto junk = g.dir / "junk.xlsx";
  std::ofstream(junk, std::ios::binary) << std::string("\x00\x01\x02\x03junk", 8);
  dialog->chooseFile(junk);
  CHECK_FALSE(dialog->preview());
  CHECK(dialog->status().Contains("junk.xlsx"));
  CHECK(gl::test::destroyAndWait(dialog));
}

TEST_CASE("in the window a clerk imports a WPS .xlsx, a GBK .csv and an old .xls — again, nothing new") {
  gl::test::GuiLedger g(0);
  auto dir = g.dir / "rosters";
  std::string command = std::string(GL_SYSTEM_PYTHON) + " " + GL_EXCHANGE_TEST_DIR + "/make_clerk_rosters.py '" +
                        dir.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  struct Expected {
    const char* file;
    int headerRow;
    const char* badRow;
  };
  const Expected files[] = {{"WPS花名册.xlsx", 3, "6"}, {"来返人员.csv", 2, "5"}, {"老名单.xls", 2, "5"}};
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& f : files) {
      CAPTURE(f.file);
      CAPTURE(pass);
      auto* dialog = new ImportDialog(nullptr, *g.ledger);
      dialog->Show();
      dialog->chooseFile(dir / f.file);
      REQUIRE(dialog->preview());
      CHECK(dialog->preview()->headerRow == f.headerRow);
      dialog->next();  // check
      REQUIRE(waitIdle(*dialog));
      REQUIRE(dialog->report());
      CHECK(dialog->report()->rejected == 1);
      REQUIRE(dialog->problemList()->GetItemCount() == 1);
      CHECK(dialog->problemList()->GetItemText(0, 0) == f.badRow);
      if (pass == 0 && std::string(f.file).ends_with(".xlsx")) gl::test::screenshot("import-dialog-wps-check");
      dialog->next();  // import
      REQUIRE(waitIdle(*dialog));
      CHECK(dialog->imported());
      CHECK(dialog->report()->imported == 2);
      CHECK(dialog->report()->personsCreated == (pass == 0 ? 2 : 0));
      CHECK(dialog->report()->householdsCreated == (pass == 0 ? 2 : 0));
      CHECK(dialog->report()->quarantinesCreated == (pass == 0 ? 2 : 0));
      CHECK(gl::test::destroyAndWait(dialog));
    }
  CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == 6);
  CHECK(gl::test::liveRows(*g.ledger, Table::Quarantine) == 6);
}

TEST_CASE("saved import profiles are listed with their columns, renamed and deleted in the window") {
  gl::test::GuiLedger g(0);
  auto file = g.dir / "名单.csv";
  std::ofstream(file, std::ios::binary) << roster();
  gl::exchange::ImportProfile police{"公安推送", {{"姓名", "name"}, {"身份证号", "id_number"}}};
  gl::exchange::saveProfile(*g.ledger, police);
  {
    auto* dialog = new ImportDialog(nullptr, *g.ledger);
    dialog->Show();
    dialog->chooseFile(file);
    dialog->saveProfileBox()->SetValue(true);
    dialog->profileNameField()->ChangeValue(wxString::FromUTF8("来返名单"));
    dialog->next();
    REQUIRE(waitIdle(*dialog));
    dialog->next();
    REQUIRE(waitIdle(*dialog));
    REQUIRE(dialog->imported());
    dialog->Destroy();
  }
  auto* profiles = new gl::app::ImportProfilesDialog(nullptr, *g.ledger);
  profiles->ask = false;
  profiles->Show();
  CHECK(profiles->names() == std::vector<std::string>{"公安推送", "来返名单"});
  profiles->select("来返名单");
  CHECK(profiles->columnList()->GetItemCount() == 10);
  gl::test::screenshot("import-profiles");
  CHECK_FALSE(profiles->rename("公安推送"));  // taken: refused, naming it
  CHECK(profiles->status().Contains(wxString::FromUTF8("公安推送")));
  CHECK(profiles->rename("银杏社区来返"));
  CHECK(profiles->names() == std::vector<std::string>{"公安推送", "银杏社区来返"});
  profiles->select("公安推送");
  CHECK(profiles->remove());
  CHECK(profiles->names() == std::vector<std::string>{"银杏社区来返"});
  CHECK(profiles->changed());
  profiles->Destroy();

  // The file's layout is recognised under the new name.
  auto* again = new ImportDialog(nullptr, *g.ledger);
  again->Show();
  again->chooseFile(file);
  REQUIRE(again->preview());
  CHECK(again->preview()->profile == "银杏社区来返");
  CHECK(gl::test::destroyAndWait(again));
}

TEST_CASE("the window says why 门牌 is the room, names a missing column once, and lists warnings of rows that go in") {
  gl::test::GuiLedger g(0);
  auto dir = g.dir / "files";
  std::string command = std::string(GL_SYSTEM_PYTHON) + " " + GL_EXCHANGE_TEST_DIR + "/make_county_files.py '" +
                        dir.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  auto* dialog = new ImportDialog(nullptr, *g.ledger);
  dialog->Show();
  dialog->chooseFile(dir / "D1_楼栋门牌.xlsx");
  REQUIRE(dialog->preview());
  REQUIRE(dialog->columnList()->GetItemCount() == 5);
  CHECK(dialog->columnList()->GetItemText(4, 0) == wxString::FromUTF8("门牌号"));
  const wxString roomNote = wxString::FromUTF8(gl::text::tr("beside a building column, 门牌 is the room number"));
  CHECK(dialog->columnList()->GetItemText(4, 1).Contains(roomNote));
  dialog->columnList()->SetItemState(4, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  CHECK(gl::test::pumpUntil([&] { return dialog->status().Contains(roomNote); }));
  gl::test::screenshot("import-dialog-decided-columns");

  dialog->chooseFile(dir / "G1_无隔离方式.xlsx");
  dialog->next();  // check
  REQUIRE(waitIdle(*dialog));
  REQUIRE(dialog->problemList()->GetItemCount() == 4);
  CHECK(dialog->problemList()->GetItemText(0, 0).empty());
  REQUIRE(dialog->report()->missingColumns.size() == 1);
  CHECK(dialog->problemList()->GetItemText(0, 2) ==
        wxString::FromUTF8(gl::exchange::describeMissing(dialog->report()->missingColumns[0], *dialog->report(), false)));
  for (int i = 1; i < 4; ++i) {
    CHECK(dialog->problemList()->GetItemText(i, 0) == wxString::Format("%d", i + 1));
    CHECK(dialog->problemList()->GetItemText(i, 1).empty());  // no column: none is named
  }
  dialog->back();

  dialog->chooseFile(dir / "I1_地址码.xlsx");
  dialog->next();
  REQUIRE(waitIdle(*dialog));
  REQUIRE(dialog->problemList()->GetItemCount() == 1);
  CHECK(dialog->problemList()->GetItemText(0, 0) == "2");
  CHECK(dialog->problemList()->GetItemText(0, 2).Contains("110199"));
  CHECK(dialog->problemList()->GetItemText(0, 2).Contains("GB/T 2260"));
  CHECK(gl::test::destroyAndWait(dialog));
}
