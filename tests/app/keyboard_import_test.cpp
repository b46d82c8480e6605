// A clerk's import with the keyboard alone, in the real main window: Ctrl+I opens the import dialog,
// the path is typed into the file field, Alt+L and End pick the last column, Alt+E and End, Up, Up
// put it into the notes, Alt and the button's letter checks the rows and then imports, Enter closes. Keys go through XTest (wxUIActionSimulator); the pointer is moved over the window
// that should have the keyboard, as a window manager would give it focus.
#include <doctest/doctest.h>

#include <fstream>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/uiaction.h>

#include "app/app_settings.h"
#include "app/import_dialog.h"
#include "app/main_frame.h"
#include "gui_support.h"

using gl::app::ImportDialog;
using gl::core::Table;
using gl::exchange::ImportField;
using gl::test::press;
using gl::test::shownWindow;

namespace {

// The letter a button's label underlines (its mnemonic differs between languages).
int mnemonic(wxWindow* button) {
  wxString label = button->GetLabel();
  int at = label.Find('&');
  REQUIRE(at != wxNOT_FOUND);
  return static_cast<int>(wxToupper(label[static_cast<std::size_t>(at) + 1]));
}

}  // namespace

TEST_CASE("a clerk imports a roster with the keyboard alone") {
  gl::test::GuiLedger g(0);
  // An ASCII path (XTest types no Chinese); the roster itself is Chinese, with a spare column last.
  auto file = g.dir / "roster.csv";
  std::ofstream(file, std::ios::binary)
      << "\xEF\xBB\xBF序号,姓名,身份证号,现住址,管控措施,隔离开始时间,解除隔离时间,备用列\r\n"
      << "1,柏青松," << gl::test::residentId("19600101", "002") << ",银杏社区3-2-301,居家隔离,2022-11-15,2022-11-21,甲\r\n"
      << "2,林海," << gl::test::residentId("19700101", "003") << ",银杏社区3-2-302,居家隔离,2022-11-15,2022-11-21,乙\r\n";
  gl::app::AppSettings settings((g.dir / "settings.ini").string());
  auto* frame = new gl::app::MainFrame(g.take(), settings);
  REQUIRE(gl::test::show(frame));
  auto& ledger = frame->ledger();
  auto dialog = [] { return shownWindow<ImportDialog>(); };
  auto columnsList = [&] { return dynamic_cast<wxListCtrl*>(dialog()->FindWindow("columns")); };

  gl::test::KeyScript keys;
  keys.step("pointer over the window", [&] { gl::test::pointAt(frame); })
      .step("Ctrl+I", [&] { return gl::test::hasKeyboard(frame); }, [] { press('I', wxMOD_CONTROL); })
      .step("import dialog up", [&] { return dialog() != nullptr; }, [&] { gl::test::pointAt(dialog()); })
      .step("type the path into the file field", [&] { return gl::test::hasKeyboard(dialog()); },
            [&] { gl::test::typeText(file.string().c_str()); })
      .step("columns found", [&] { return dialog()->preview().has_value(); }, [] { press('L', wxMOD_ALT); })
      .step("column list focused", [&] { return wxWindow::FindFocus() == columnsList(); }, [] { press(WXK_END); })
      .step("last column selected",
            [&] {
              return columnsList()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) ==
                     columnsList()->GetItemCount() - 1;
            },
            [] { press('E', wxMOD_ALT); })
      // The field list (a GTK combo box moves its choice with the arrows, Home and End): End takes
      // the last field, two Ups come back to "notes".
      .step("field list focused", [&] { return wxWindow::FindFocus() == dialog()->FindWindow("field"); },
            [] { press(WXK_END); })
      .step("up once", [] { press(WXK_UP); })
      .step("up twice", [] { press(WXK_UP); })
      .step("the spare column goes into the notes", [&] { return dialog()->mappedField(7) == ImportField::Notes; },
            [&] { press(mnemonic(dialog()->FindWindow("next")), wxMOD_ALT); })
      .step("rows checked",
            [&] { return !dialog()->working() && dialog()->step() == ImportDialog::Step::Check; },
            [&] { press(mnemonic(dialog()->FindWindow("next")), wxMOD_ALT); })
      .step("imported", [&] { return !dialog()->working() && dialog()->imported(); },
            [] { press(WXK_RETURN); })
      .step("dialog closed", [&] { return dialog() == nullptr; }, [] {});
  CHECK(keys.run(20000) == "");
  CHECK(gl::test::liveRows(ledger, Table::Resident) == 2);
  CHECK(gl::test::liveRows(ledger, Table::Quarantine) == 2);
  auto lin = ledger.residentsWithIdNumber(gl::test::residentId("19700101", "003"));
  REQUIRE(lin.size() == 1);
  CHECK(ledger.get(Table::Resident, lin.front())->text("notes") == "乙");
  CHECK(gl::test::destroyAndWait(frame));
}
