// The Households tab on a demo ledger (today fixed to 2022-11-20): the virtual list and its filters,
// the member pane, the household and resident forms (an identity number checked as it is typed), and
// a 300,000-row model that reads only the rows it shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/household_dialog.h"
#include "app/household_list_model.h"
#include "app/households_panel.h"
#include "app/resident_dialog.h"
#include "core/identity.h"
#include "gui_support.h"
#include "text/describe.h"
#include "db/household_queries.h"

using gl::app::HouseholdDialog;
using gl::app::HouseholdListModel;
using gl::app::HouseholdsPanel;
using gl::app::ResidentDialog;
using gl::core::Table;

namespace {

using gl::test::residentId;

std::size_t liveHouseholds(const gl::db::Ledger& ledger, const std::string& grid = {}) {
  std::size_t n = 0;
  ledger.forEachRow(Table::Household, [&](const gl::db::Row& r) {
    if (grid.empty() || r["grid"] == gl::core::Value(grid)) ++n;
  });
  return n;
}

// The tab alone in a frame of the main window's size, on a 300-household demo ledger.
struct Tab : gl::test::PanelInFrame<HouseholdsPanel> {
  Tab() : PanelInFrame("Households", wxSize(1000, 760)) {}
};

// Fills the household form as a user would and presses Save.
class FillHousehold : public wxExpectModalBase<HouseholdDialog, FillHousehold> {
 public:
  explicit FillHousehold(wxString address) : address_(std::move(address)) {}

 protected:
  int OnInvoked(HouseholdDialog* dialog) const override {
    dialog->addressField()->SetValue(address_);
    dialog->roomField()->SetValue("902");
    dialog->selectKind("rental");
    return dialog->save() ? wxID_OK : wxID_CANCEL;
  }

 private:
  wxString address_;
};

// Types two people into the resident form: the first with "Save and add another", the second with Save.
class AddTwoPeople : public wxExpectModalBase<ResidentDialog, AddTwoPeople> {
 public:
  AddTwoPeople(std::string first, std::string second) : first_(std::move(first)), second_(std::move(second)) {}

 protected:
  int OnInvoked(ResidentDialog* dialog) const override {
    dialog->nameField()->SetValue(wxString::FromUTF8("刘玉兰"));
    dialog->idNumberField()->SetValue(first_);
    if (!dialog->saveAndAddAnother()) return wxID_CANCEL;
    dialog->nameField()->SetValue(wxString::FromUTF8("王建国"));
    dialog->idNumberField()->SetValue(second_);
    dialog->relationField()->SetValue(wxString::FromUTF8("配偶"));
    return dialog->save() ? wxID_OK : wxID_CANCEL;
  }

 private:
  std::string first_, second_;
};

// Notes which household the form shows and closes it without changes.
class LookAtHousehold : public wxExpectModalBase<HouseholdDialog, LookAtHousehold> {
 public:
  explicit LookAtHousehold(wxString* address) : address_(address) {}

 protected:
  int OnInvoked(HouseholdDialog* dialog) const override {
    *address_ = dialog->addressField()->GetValue();
    return wxID_CANCEL;
  }

 private:
  wxString* address_;
};

}  // namespace

TEST_CASE("the Households tab lists every household, narrows to a grid and shows the selected household's members") {
  Tab t;
  const auto& ledger = *t.g.ledger;
  std::size_t all = liveHouseholds(ledger);
  REQUIRE(all == 300);
  CHECK(t.panel->model()->size() == all);
  CHECK(t.panel->model()->GetCount() == all);
  CHECK(t.panel->selectedHousehold().empty());
  CHECK(t.panel->members().empty());

  // A grid from the tree: only its households, in walking order.
  std::string grid = *t.panel->model()->rowAt(0)->operator[]("grid");
  gl::db::HouseholdFilter byGrid;
  byGrid.gridId = grid;
  t.panel->setFilter(byGrid);
  std::size_t inGrid = liveHouseholds(ledger, grid);
  REQUIRE(inGrid > 0);
  CHECK(inGrid < all);
  CHECK(t.panel->model()->size() == inGrid);
  for (std::size_t row = 0; row < t.panel->model()->size(); ++row)
    CHECK(t.panel->model()->rowAt(row)->operator[]("grid") == gl::core::Value(grid));

  // Selecting a row fills the member pane with that household's people; ids and phones are masked.
  t.panel->selectRow(2);
  std::string household = t.panel->selectedHousehold();
  REQUIRE_FALSE(household.empty());
  CHECK(household == t.panel->model()->rowAt(2)->id);
  auto people = gl::db::HouseholdQueries(ledger, ledger.readerScope()).residentsOf(household);
  REQUIRE_FALSE(people.empty());
  REQUIRE(t.panel->members().size() == people.size());
  auto* members = t.panel->memberList();
  REQUIRE(members->GetItemCount() == static_cast<int>(people.size()));
  std::set<std::string> names, listed;
  for (const auto& p : people) names.insert(*p["name"]);
  for (int i = 0; i < members->GetItemCount(); ++i) listed.insert(members->GetItemText(i, 0).utf8_string());
  CHECK(listed == names);
  // The head of household first, as the register lists them.
  if (std::any_of(people.begin(), people.end(), [](const auto& p) { return p["relation"] == gl::core::Value("户主"); }))
    CHECK(t.panel->members().front()["relation"] == gl::core::Value("户主"));
  const auto& first = t.panel->members().front();
  CHECK(members->GetItemText(0, 0) == wxString::FromUTF8(*first["name"]));
  CHECK(members->GetItemText(0, 2).Contains("*"));
  CHECK_FALSE(members->GetItemText(0, 2).Contains(wxString::FromUTF8(first["id_number"]->substr(8, 6))));
  CHECK(t.panel->model()->text(2, HouseholdListModel::kPhone).Contains("*"));

  // A member selected: the frame's "Start quarantine" and "Edit" act on that person.
  t.panel->selectMember(1 % people.size());
  CHECK(t.panel->selectedResident() == t.panel->members()[1 % people.size()].id);

  // The kind filter narrows within the grid.
  t.panel->setKindFilter("occupied");
  for (std::size_t row = 0; row < t.panel->model()->size(); ++row)
    CHECK(t.panel->model()->rowAt(row)->operator[]("kind") == gl::core::Value("occupied"));
  t.panel->setKindFilter("");
  CHECK(t.panel->model()->size() == inGrid);

  // The search box opens a household of another grid with one of its people: the list follows.
  std::string otherHousehold, otherPerson;
  ledger.forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    auto h = ledger.get(Table::Household, *r["household"]);
    if (otherHousehold.empty() && h && (*h)["grid"] != gl::core::Value(grid)) {
      otherHousehold = h->id;
      otherPerson = r.id;
    }
  });
  REQUIRE_FALSE(otherHousehold.empty());
  t.panel->showHousehold(otherHousehold, otherPerson);
  CHECK(t.panel->selectedHousehold() == otherHousehold);
  CHECK(t.panel->selectedResident() == otherPerson);
  CHECK(t.panel->filter().gridId == *ledger.get(Table::Household, otherHousehold)->operator[]("grid"));

  // A reload (another tab saved something) keeps the selection.
  t.panel->reload();
  CHECK(t.panel->selectedHousehold() == otherHousehold);
  CHECK(t.panel->selectedResident() == otherPerson);
  gl::test::screenshot("households-tab");
}

TEST_CASE("in the Households tab Enter edits the selected household and Delete asks before deleting it") {
  Tab t;
  t.panel->selectRow(0);
  std::string household = t.panel->selectedHousehold();
  REQUIRE_FALSE(household.empty());
  REQUIRE(gl::test::focus(t.panel->list(), wxPoint(40, 60)));
  wxUIActionSimulator sim;
  wxString shown;
  wxTEST_DIALOG({
    sim.Char(WXK_RETURN);
    CHECK(gl::test::pumpUntil([&] { return !shown.empty(); }));
  }, LookAtHousehold(&shown));
  CHECK(shown == wxString::FromUTF8(*t.g.ledger->get(Table::Household, household)->operator[]("address")));
  bool asked = false;
  wxTEST_DIALOG({
    sim.Char(WXK_DELETE);
    CHECK(gl::test::pumpUntil([&] { return asked; }));
  }, gl::test::AnswerMessage(wxNO, &asked));
  CHECK_FALSE(t.g.ledger->get(Table::Household, household)->deleted);
  CHECK(t.panel->selectedHousehold() == household);
}

TEST_CASE("a household and its people made in the forms are written to the ledger and shown in the list") {
  Tab t;
  auto& ledger = *t.g.ledger;
  std::string grid = *t.panel->model()->rowAt(0)->operator[]("grid");

  SUBCASE("through the dialog objects") {
    HouseholdDialog household(nullptr, ledger, grid);
    CHECK(household.gridId() == grid);
    // The address is required: refused next to the field, nothing written.
    household.roomField()->SetValue("101");
    std::size_t before = liveHouseholds(ledger);
    CHECK_FALSE(household.save());
    CHECK_FALSE(household.message("address").empty());
    CHECK(liveHouseholds(ledger) == before);
    household.addressField()->SetValue(wxString::FromUTF8("高青县田镇街道东关社区9号楼1单元101室"));
    household.buildingField()->SetValue("9");
    household.selectKind("occupied");
    household.phoneField()->SetValue("0533-6961234");
    REQUIRE(household.save());
    std::string id = household.savedId();
    auto row = ledger.get(Table::Household, id);
    REQUIRE(row);
    CHECK((*row)["grid"] == gl::core::Value(grid));
    CHECK((*row)["kind"] == gl::core::Value("occupied"));
    CHECK((*row)["building"] == gl::core::Value("9"));
    CHECK(liveHouseholds(ledger) == before + 1);

    // Editing sends only what changed.
    HouseholdDialog edit(nullptr, ledger);
    edit.show(*row);
    CHECK(edit.addressField()->GetValue() == wxString::FromUTF8(*(*row)["address"]));
    edit.phoneField()->SetValue("13900139000");
    REQUIRE(edit.save());
    CHECK(ledger.get(Table::Household, id)->operator[]("phone") == gl::core::Value("13900139000"));

    // Two people: "Save and add another" keeps the form open and empties the person's fields.
    ResidentDialog person(nullptr, ledger, id);
    CHECK(person.relationField()->GetValue() == wxString::FromUTF8("户主"));
    person.nameField()->SetValue(wxString::FromUTF8("赵淑珍"));
    person.idNumberField()->SetValue(residentId("19521203", "044"));
    person.careFlag("elderly_alone")->SetValue(true);
    person.residenceChoice()->SetSelection(1);  // permanent
    REQUIRE(person.saveAndAddAnother());
    CHECK(person.savedCount() == 1);
    CHECK(person.nameField()->IsEmpty());
    CHECK(person.idNumberField()->IsEmpty());
    CHECK(person.birthDateField()->IsEmpty());
    CHECK_FALSE(person.careFlag("elderly_alone")->GetValue());
    CHECK(person.residenceCode() == "permanent");  // the household's, kept
    CHECK_FALSE(person.isDirty());
    person.nameField()->SetValue(wxString::FromUTF8("赵小军"));
    person.idNumberField()->SetValue(residentId("20100615", "017"));
    person.relationField()->SetValue(wxString::FromUTF8("孙子"));
    REQUIRE(person.save());
    CHECK(person.savedCount() == 2);
    auto people = gl::db::HouseholdQueries(ledger, ledger.readerScope()).residentsOf(id);
    REQUIRE(people.size() == 2);
    std::map<std::string, gl::db::Row> byName;
    for (auto& p : people) byName[*p["name"]] = p;
    const auto& head = byName.at("赵淑珍");
    CHECK(head["birth_date"] == gl::core::Value("1952-12-03"));
    CHECK(head["sex"] == gl::core::Value("female"));
    CHECK(head["relation"] == gl::core::Value("户主"));
    CHECK(head["care_flags"] == gl::core::Value("elderly_alone"));
    CHECK(head["residence"] == gl::core::Value("permanent"));
    CHECK(byName.at("赵小军")["relation"] == gl::core::Value("孙子"));
    CHECK(byName.at("赵小军")["sex"] == gl::core::Value("male"));

    // The list shows them.
    t.panel->reload();
    t.panel->showHousehold(id, people[0].id);
    CHECK(t.panel->selectedHousehold() == id);
    CHECK(t.panel->members().size() == 2);
    CHECK(t.panel->selectedResident() == people[0].id);
  }

  SUBCASE("through the tab's commands, as the menu runs them") {
    gl::db::HouseholdFilter byGrid;
    byGrid.gridId = grid;
    t.panel->setFilter(byGrid);
    std::size_t before = t.panel->model()->size();
    wxString address = wxString::FromUTF8("高青县田镇街道东关社区12号楼2单元902室");
    wxTEST_DIALOG(t.panel->newHousehold(), FillHousehold(address));
    CHECK(t.changes >= 1);
    CHECK(t.panel->model()->size() == before + 1);
    std::string id = t.panel->selectedHousehold();
    REQUIRE_FALSE(id.empty());
    CHECK(ledger.get(Table::Household, id)->operator[]("address") == gl::core::Value(address.utf8_string()));
    CHECK(ledger.get(Table::Household, id)->operator[]("grid") == gl::core::Value(grid));

    wxTEST_DIALOG(t.panel->newResident(),
                  AddTwoPeople(residentId("19580302", "026"), residentId("19570811", "013")));
    CHECK(gl::db::HouseholdQueries(ledger, ledger.readerScope()).residentsOf(id).size() == 2);
    CHECK(t.panel->members().size() == 2);
    CHECK(t.panel->memberList()->GetItemCount() == 2);

    // Delete a member (after a yes), then the household itself.
    t.panel->selectMember(0);
    std::string gone = t.panel->selectedResident();
    wxTEST_DIALOG(t.panel->deleteSelected(), wxExpectModal<wxMessageDialog>(wxYES));
    CHECK(gl::db::HouseholdQueries(ledger, ledger.readerScope()).residentsOf(id).size() == 1);
    CHECK(ledger.get(Table::Resident, gone)->deleted);
    CHECK(t.panel->selectedHousehold() == id);
    t.panel->showHousehold(id);
    wxTEST_DIALOG(t.panel->deleteSelected(), wxExpectModal<wxMessageDialog>(wxNO));
    CHECK_FALSE(ledger.get(Table::Household, id)->deleted);
    wxTEST_DIALOG(t.panel->deleteSelected(), wxExpectModal<wxMessageDialog>(wxYES));
    CHECK(ledger.get(Table::Household, id)->deleted);
    CHECK(gl::db::HouseholdQueries(ledger, ledger.readerScope()).residentsOf(id).empty());
    CHECK(t.panel->model()->size() == before);
  }
}

TEST_CASE("the household list model holds 300,000 keys and reads only the pages on screen") {
  gl::test::GuiLedger g(300);
  auto some = gl::db::HouseholdQueries(*g.ledger, g.ledger->readerScope()).keys({});
  REQUIRE(some.size() == 300);
  std::vector<std::int64_t> keys;
  keys.reserve(300000);
  while (keys.size() < 300000) keys.push_back(some[keys.size() % some.size()]);

  auto* frame = new wxFrame(nullptr, wxID_ANY, "Model", wxPoint(0, 0), wxSize(900, 600));
  auto* list = new wxDataViewCtrl(frame, wxID_ANY);
  wxObjectDataPtr<HouseholdListModel> model(new HouseholdListModel(*g.ledger));
  list->AssociateModel(model.get());
  list->AppendTextColumn("No.", HouseholdListModel::kNumber, wxDATAVIEW_CELL_INERT, 80);
  list->AppendTextColumn("Address", HouseholdListModel::kAddress, wxDATAVIEW_CELL_INERT, 400);
  model->setKeys(std::move(keys));
  REQUIRE(gl::test::show(frame));
  CHECK(model->GetCount() == 300000u);
  CHECK(model->size() == 300000u);
  // GTK reads rows as it draws them and says nowhere when it is done: pages read, then none for a while.
  auto pagesRead = [&] { return model->pagesRead(); };
  auto drawnAfter = [&](std::size_t before) {
    return gl::test::pumpUntil([&] { return pagesRead() > before; }) && gl::test::pumpUntilSteady(pagesRead, 200);
  };
  // The view asked for the rows it shows, not for 300,000 of them.
  REQUIRE(drawnAfter(0));
  CHECK(model->pagesRead() <= 3);
  // A jump to the far end reads the pages there (GTK estimates its way down in a few steps), not the
  // 1,250 pages before them.
  list->EnsureVisible(model->GetItem(250000));
  REQUIRE(drawnAfter(pagesRead()));
  std::size_t afterJump = model->pagesRead();
  CHECK(afterJump <= 40);
  // And nothing more while idle: a second with nothing asked of the window reads no page.
  CHECK(gl::test::pumpUntilSteady(pagesRead, 1000));
  CHECK(model->pagesRead() == afterJump);
  CHECK(model->text(250000, HouseholdListModel::kAddress) == wxString::FromUTF8(*gl::db::HouseholdQueries(*g.ledger, g.ledger->readerScope()).byKeys({some[250000 % 300]})[0]["address"]));
  // Finding a row reads pages near the hint only when told to stop early.
  std::string id = model->rowAt(250001)->id;
  CHECK(model->findId(id, 250000, 1) == std::optional<std::size_t>(250001));
  CHECK(gl::test::destroyAndWait(frame));
}

TEST_CASE("the household form opens with the grid of the list and shows its messages next to the fields") {
  gl::test::GuiLedger g(300);
  auto grids = gl::app::gridChoices(*g.ledger);
  REQUIRE(grids.size() >= 1);
  auto* dialog = new HouseholdDialog(nullptr, *g.ledger, grids.front().id);
  CHECK(dialog->gridId() == grids.front().id);
  CHECK(dialog->gridChoice()->GetCount() == grids.size() + 1);
  dialog->numberField()->SetValue("3703220099");
  dialog->phoneField()->SetValue("1380013800");  // ten digits
  CHECK_FALSE(dialog->save());
  CHECK_FALSE(dialog->message("address").empty());
  CHECK_FALSE(dialog->message("phone").empty());
  CHECK(dialog->isDirty());
  dialog->Move(0, 0);
  dialog->Show();
  gl::test::screenshot("household-dialog");

  // Cancel (and Escape, which presses it) asks before typed input is lost.
  wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
  cancel.SetEventObject(dialog->FindWindow(wxID_CANCEL));
  wxTEST_DIALOG(dialog->FindWindow(wxID_CANCEL)->ProcessWindowEvent(cancel), wxExpectModal<wxMessageDialog>(wxNO));
  CHECK(dialog->IsShown());
  wxTEST_DIALOG(dialog->FindWindow(wxID_CANCEL)->ProcessWindowEvent(cancel), wxExpectModal<wxMessageDialog>(wxYES));
  CHECK_FALSE(dialog->IsShown());
  CHECK(gl::test::destroyAndWait(dialog));
}

TEST_CASE("the To dispatch list shows the households no grid has yet, and Show all grids goes back") {
  Tab t;
  std::string lone = t.g.ledger->insert(Table::Household, {{"address", std::string("银杏社区3-2-301")}});
  t.panel->reload();
  t.panel->showUnassigned();
  REQUIRE(t.panel->model()->size() == 1);
  CHECK(t.panel->model()->rowAt(0)->id == lone);
  CHECK(t.panel->filter().unassigned);
  t.panel->setFilter({});
  CHECK(t.panel->model()->size() == 301);
}
