// The resident form on its own (today fixed to 2022-11-20): an identity number read as it is typed,
// set programmatically and typed key by key with wxUIActionSimulator.
#include <doctest/doctest.h>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/resident_dialog.h"
#include "core/identity.h"
#include "gui_support.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/household_queries.h"

using gl::app::ResidentDialog;
using gl::core::Table;
using gl::test::residentId;

TEST_CASE("the resident form reads birth date and sex from an identity number as it is typed") {
  gl::test::GuiLedger g(300);
  std::string household;
  g.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) {
    if (household.empty()) household = r.id;
  });
  ResidentDialog dialog(nullptr, *g.ledger, household);
  std::string valid = residentId("19600101", "002");  // even sequence: a woman

  SUBCASE("a valid number fills birth date, sex and document type") {
    dialog.idNumberField()->SetValue(valid.substr(0, 14));  // still typing: nothing yet
    CHECK(dialog.birthDateField()->IsEmpty());
    CHECK(dialog.idInfo().empty());
    dialog.idNumberField()->SetValue(valid);
    CHECK(dialog.birthDateField()->GetValue() == "1960-01-01");
    CHECK(dialog.sexCode() == "female");
    CHECK(dialog.idTypeCode() == "resident");
    CHECK(dialog.idInfo().Contains("1960-01-01"));
    CHECK(dialog.message("id_number").empty());
  }

  SUBCASE("a wrong check digit is shown next to the field and the ledger refuses the person") {
    std::string wrong = valid;
    wrong.back() = wrong.back() == '1' ? '2' : '1';
    dialog.nameField()->SetValue(wxString::FromUTF8("张桂英"));
    dialog.idNumberField()->SetValue(wrong);
    auto check = gl::core::checkId(wrong, g.ledger->today());
    REQUIRE_FALSE(check.issues.empty());
    CHECK(check.issues.front().code == gl::core::IssueCode::IdBadChecksum);
    CHECK(dialog.message("id_number") == wxString::FromUTF8(gl::text::describe(check.issues.front())));
    CHECK(dialog.idInfo().empty());
    CHECK(dialog.birthDateField()->IsEmpty());
    // A valid number, then a digit typed wrong: what the valid one filled in is taken back.
    dialog.idNumberField()->SetValue(valid);
    CHECK(dialog.sexCode() == "female");
    dialog.idNumberField()->SetValue(wrong);
    CHECK(dialog.birthDateField()->IsEmpty());
    CHECK(dialog.sexCode().empty());
    std::size_t before = gl::test::liveRows(*g.ledger, Table::Resident);
    CHECK_FALSE(dialog.save());
    CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == before);
    CHECK_FALSE(dialog.message("id_number").empty());
    CHECK(dialog.isDirty());
  }

  SUBCASE("a region code in no edition of GB/T 2260 is a warning beside the field, and the person is saved") {
    const std::string first17 = "11019919800101011";
    const std::string number = first17 + gl::core::gb11643CheckDigit(first17);
    dialog.nameField()->SetValue(wxString::FromUTF8("张桂英"));
    dialog.idNumberField()->SetValue(number);
    auto check = gl::core::checkId(number, g.ledger->today());
    REQUIRE(check.valid);
    REQUIRE(check.issues.size() == 1);
    wxString shown = dialog.message("id_number"), expected = wxString::FromUTF8(gl::text::describe(check.issues.front()));
    shown.Replace("\n", " ");
    CHECK(shown == expected);
    CHECK(shown.Contains("110199"));
    CHECK(dialog.idTypeCode() == "resident");
    CHECK(dialog.save());
  }

  SUBCASE("a passport chosen as the document type admits a foreign passport's number") {
    dialog.nameField()->SetValue(wxString::FromUTF8("Smith John"));
    dialog.idNumberField()->SetValue("X12345678");
    auto* type = dialog.idTypeChoice();
    const int passport = type->FindString(wxString::FromUTF8(gl::text::codeLabel("passport")));
    REQUIRE(passport != wxNOT_FOUND);
    type->SetSelection(passport);
    wxCommandEvent chosen(wxEVT_CHOICE, type->GetId());
    chosen.SetEventObject(type);
    chosen.SetInt(passport);
    type->ProcessWindowEvent(chosen);
    CHECK(dialog.message("id_number").empty());
    CHECK(dialog.idTypeCode() == "passport");
    const bool saved = dialog.save();
    CAPTURE(dialog.message("id_number").utf8_string());
    CAPTURE(dialog.message("id_type").utf8_string());
    CAPTURE(dialog.message("general").utf8_string());
    CHECK(saved);
    auto ids = g.ledger->residentsWithIdNumber("X12345678");
    REQUIRE(ids.size() == 1);
    CHECK(g.ledger->get(Table::Resident, ids.front())->text("id_type") == "passport");
  }

  SUBCASE("an 18-digit number that went through a numeric spreadsheet cell says so") {
    dialog.idNumberField()->SetValue("3.70322198501011E+17");
    auto check = gl::core::checkId("3.70322198501011E+17", g.ledger->today());
    REQUIRE_FALSE(check.issues.empty());
    CHECK(check.issues.front().code == gl::core::IssueCode::IdStoredAsNumber);
    CHECK(dialog.message("id_number").Contains(wxString::FromUTF8(check.issues.front().detail)));
    wxString expected = wxString::FromUTF8(gl::text::describe(check.issues.front()));
    wxString shown = dialog.message("id_number");
    shown.Replace("\n", " ");
    expected.Replace("\n", " ");
    CHECK(shown.Contains(expected.Left(12)));
  }

  SUBCASE("a bad phone is flagged on leaving the field and saving is refused") {
    dialog.nameField()->SetValue(wxString::FromUTF8("张桂英"));
    dialog.phoneField()->SetValue("1380013800");  // ten digits
    std::size_t before = gl::test::liveRows(*g.ledger, Table::Resident);
    CHECK_FALSE(dialog.save());
    CHECK_FALSE(dialog.message("phone").empty());
    CHECK(gl::test::liveRows(*g.ledger, Table::Resident) == before);
  }
}

TEST_CASE("typing an identity number with the keyboard fills the form") {
  gl::test::GuiLedger g(300);
  std::string household;
  g.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) {
    if (household.empty()) household = r.id;
  });
  auto* dialog = new ResidentDialog(nullptr, *g.ledger, household);
  dialog->Move(0, 0);
  REQUIRE(gl::test::show(dialog));
  // Without a window manager the keyboard follows the pointer.
  REQUIRE(gl::test::focus(dialog->idNumberField()));
  wxUIActionSimulator sim;
  std::string id = residentId("19850110", "031");  // odd sequence: a man
  sim.Text(id.c_str());
  CHECK(gl::test::pumpUntil([&] { return !dialog->birthDateField()->IsEmpty(); }));
  CHECK(dialog->idNumberField()->GetValue() == id);
  CHECK(dialog->birthDateField()->GetValue() == "1985-01-10");
  CHECK(dialog->sexCode() == "male");
  dialog->nameField()->ChangeValue(wxString::FromUTF8("李志强"));
  dialog->careFlag("chronic")->SetValue(true);
  dialog->phoneField()->SetValue("13800138000");
  gl::test::screenshot("resident-dialog");

  // The invalid variant as well, for the screenshot of the message.
  std::string wrong = id;
  wrong.back() = wrong.back() == '1' ? '2' : '1';
  dialog->idNumberField()->SetValue(wrong);
  CHECK_FALSE(dialog->message("id_number").empty());
  auto* shown = wxWindow::FindWindowByName("idNumberMessage", dialog);
  REQUIRE(shown);
  CHECK(shown->IsShown());
  CHECK(shown->GetSize().y > 0);
  gl::test::screenshot("resident-dialog-invalid-id");
  std::size_t before = gl::db::HouseholdQueries(*g.ledger, g.ledger->readerScope()).residentsOf(household).size();

  // Ctrl+Enter: saved, and the form is empty for the next member.
  dialog->idNumberField()->SetValue(id);
  REQUIRE(gl::test::focus(dialog->idNumberField()));
  sim.KeyDown(WXK_RETURN, wxMOD_CONTROL);
  sim.KeyUp(WXK_RETURN, wxMOD_CONTROL);
  CHECK(gl::test::pumpUntil([&] { return dialog->savedCount() == 1; }));
  CHECK(dialog->savedCount() == 1);
  CHECK(gl::db::HouseholdQueries(*g.ledger, g.ledger->readerScope()).residentsOf(household).size() == before + 1);
  CHECK(dialog->IsShown());
  CHECK(dialog->nameField()->IsEmpty());

  // Enter in a field: Save.
  REQUIRE(gl::test::focus(dialog->nameField()));
  sim.Text("Li Ming");
  REQUIRE(gl::test::pumpUntil([&] { return dialog->nameField()->GetValue() == "Li Ming"; }));
  sim.Char(WXK_RETURN);
  CHECK(gl::test::pumpUntil([&] { return dialog->savedCount() == 2; }));
  CHECK(dialog->savedCount() == 2);
  CHECK(gl::db::HouseholdQueries(*g.ledger, g.ledger->readerScope()).residentsOf(household).size() == before + 2);
  CHECK((*g.ledger->get(Table::Resident, dialog->savedId()))["name"] == gl::core::Value("Li Ming"));
  CHECK(gl::test::destroyAndWait(dialog));
}
