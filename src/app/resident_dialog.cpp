#include "app/resident_dialog.h"

#include <algorithm>

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>
#include <wx/xrc/xmlres.h>

#include "core/identity.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/household_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

// Data values, not interface text: they are stored as typed and printed on rosters as they are.
const char* const kRelations[] = {"户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "其他"};
const char* const kEthnicities[] = {"汉族", "回族", "满族", "蒙古族", "壮族", "维吾尔族", "藏族", "苗族", "土家族", "朝鲜族"};
constexpr int kMessageWrapDialogUnits = 230;

std::string cellText(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return c.value.value_or("");
  return {};
}

template <std::size_t N>
void fillCodes(wxChoice* choice, const std::string_view (&codes)[N], const wxString& first) {
  choice->Append(first);
  for (auto code : codes) choice->Append(toWx(text::codeLabel(code)));
}

template <std::size_t N>
std::string codeAt(const wxChoice* choice, const std::string_view (&codes)[N]) {
  int index = choice->GetSelection() - 1;
  if (index < 0 || index >= static_cast<int>(N)) return {};
  return std::string(codes[static_cast<std::size_t>(index)]);
}

template <std::size_t N>
void selectCode(wxChoice* choice, const std::string_view (&codes)[N], std::string_view code) {
  choice->SetSelection(0);
  for (std::size_t i = 0; i < N; ++i)
    if (codes[i] == code) choice->SetSelection(static_cast<int>(i) + 1);
}


}  // namespace

ResidentDialog::ResidentDialog(wxWindow* parent, db::Ledger& ledger, const std::string& householdId)
    : ledger_(ledger), householdId_(householdId) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ResidentDialog");
  loadControls();
  fillChoices();
  bindEvents();

  db::Row fresh;
  fresh.cells.push_back({col::resident::household, householdId_});
  // The first person entered in an empty household is usually its head.
  if (db::HouseholdQueries(ledger_, ledger_.readerScope()).residentsOf(householdId_).empty())
    fresh.cells.push_back({col::resident::relation, std::string("户主")});
  show(fresh);
  GetSizer()->SetSizeHints(this);
  name_->SetFocus();
}

void ResidentDialog::loadControls() {
  household_ = XRCCTRL(*this, "household", wxStaticText);
  name_ = XRCCTRL(*this, "name", wxTextCtrl);
  idNumber_ = XRCCTRL(*this, "idNumber", wxTextCtrl);
  idInfo_ = XRCCTRL(*this, "idInfo", wxStaticText);
  idMessage_ = XRCCTRL(*this, "idNumberMessage", wxStaticText);
  idType_ = XRCCTRL(*this, "idType", wxChoice);
  sex_ = XRCCTRL(*this, "sex", wxChoice);
  birthDate_ = XRCCTRL(*this, "birthDate", wxTextCtrl);
  personMessage_ = XRCCTRL(*this, "personMessage", wxStaticText);
  ethnicity_ = XRCCTRL(*this, "ethnicity", wxComboBox);
  phone_ = XRCCTRL(*this, "phone", wxTextCtrl);
  phoneMessage_ = XRCCTRL(*this, "phoneMessage", wxStaticText);
  relation_ = XRCCTRL(*this, "relation", wxComboBox);
  residence_ = XRCCTRL(*this, "residence", wxChoice);
  notes_ = XRCCTRL(*this, "notes", wxTextCtrl);
  carePanel_ = XRCCTRL(*this, "careFlags", wxPanel);
  general_ = XRCCTRL(*this, "general", wxStaticText);
  saveAnother_ = FindWindow(wxID_APPLY);

  messages_.add(col::resident::name, name_, XRCCTRL(*this, "nameMessage", wxStaticText));
  messages_.add(col::resident::idNumber, idNumber_, idMessage_);
  messages_.add(col::resident::idType, idType_, XRCCTRL(*this, "idTypeMessage", wxStaticText));
  messages_.add(col::resident::sex, sex_, personMessage_);
  messages_.add(col::resident::birthDate, birthDate_, personMessage_);
  messages_.add(col::resident::ethnicity, ethnicity_, XRCCTRL(*this, "ethnicityMessage", wxStaticText));
  messages_.add(col::resident::phone, phone_, phoneMessage_);
  messages_.add(col::resident::relation, relation_, XRCCTRL(*this, "relationMessage", wxStaticText));
  messages_.add(col::resident::residence, residence_, XRCCTRL(*this, "residenceMessage", wxStaticText));
  messages_.add(col::resident::careFlags, carePanel_, XRCCTRL(*this, "careFlagsMessage", wxStaticText));
  messages_.add(col::resident::notes, notes_, XRCCTRL(*this, "notesMessage", wxStaticText));
  messages_.add("", name_, general_);
  for (const char* name : {"nameMessage", "idNumberMessage", "idTypeMessage", "personMessage", "ethnicityMessage",
                           "phoneMessage", "relationMessage", "residenceMessage", "careFlagsMessage", "notesMessage",
                           "general"})
    messageLabels_.push_back(XRCCTRL(*this, name, wxStaticText));
}

void ResidentDialog::fillChoices() {
  fillCodes(idType_, core::codes::kIdType, _("(read from the number)"));
  fillCodes(sex_, core::codes::kSex, wxString());
  fillCodes(residence_, core::codes::kResidence, wxString());
  for (const char* r : kRelations) relation_->Append(wxString::FromUTF8(r));
  for (const char* e : kEthnicities) ethnicity_->Append(wxString::FromUTF8(e));
  auto* care = new wxWrapSizer(wxHORIZONTAL);
  for (auto code : core::codes::kCareFlags) {
    auto* box = new wxCheckBox(carePanel_, wxID_ANY, toWx(text::codeLabel(code)));
    care->Add(box, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, carePanel_->FromDIP(6)));
    careFlags_.push_back(box);
  }
  carePanel_->SetSizer(care);
}

void ResidentDialog::bindEvents() {
  auto changed = [this](wxCommandEvent&) { dirty_ = true; };
  for (auto* field : {name_, birthDate_, phone_, notes_}) field->Bind(wxEVT_TEXT, changed);
  for (auto* combo : {ethnicity_, relation_}) {
    combo->Bind(wxEVT_TEXT, changed);
    combo->Bind(wxEVT_COMBOBOX, changed);
  }
  for (auto* choice : {idType_, sex_, residence_}) choice->Bind(wxEVT_CHOICE, changed);
  idType_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
    e.Skip();
    if (!idNumber_->IsEmpty()) checkIdNumber(true);
  });
  for (auto* box : careFlags_) box->Bind(wxEVT_CHECKBOX, changed);
  idNumber_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    dirty_ = true;
    checkIdNumber();
  });
  for (auto* field : {idNumber_, phone_, birthDate_}) field->Bind(wxEVT_KILL_FOCUS, &ResidentDialog::onLeaveField, this);

  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (save()) e.Skip();
  }, wxID_OK);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAndAddAnother(); }, wxID_APPLY);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { saveAndAddAnother(); }, wxID_APPLY);
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); }, wxID_CANCEL);
  bindFormKeys(this);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { onCancel(); });
  wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, WXK_RETURN, wxID_APPLY}, {wxACCEL_CTRL, WXK_NUMPAD_ENTER, wxID_APPLY}};
  SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
}

// GTK moves the focus out of the fields while the dialog is destroyed, after this part of it is gone.
ResidentDialog::~ResidentDialog() {
  for (auto* field : {idNumber_, phone_, birthDate_}) field->Unbind(wxEVT_KILL_FOCUS, &ResidentDialog::onLeaveField, this);
}

// Fields are checked when the worker leaves them: the identity number whatever its length (passports
// are short), the phone and the birth date as the ledger will check them.
void ResidentDialog::onLeaveField(wxFocusEvent& e) {
  if (e.GetEventObject() == idNumber_)
    checkIdNumber(true);
  else if (e.GetEventObject() == phone_)
    checkField(col::resident::phone, phone_, phoneMessage_);
  else if (e.GetEventObject() == birthDate_)
    checkField(col::resident::birthDate, birthDate_, personMessage_);
  e.Skip();
}

void ResidentDialog::show(const db::Row& resident) {
  id_ = resident.id;
  std::string household = cellText(resident.cells, col::resident::household);
  if (!household.empty()) householdId_ = household;
  SetTitle(id_.empty() ? _("Add a resident") : _("Edit resident"));
  saveAnother_->Show(id_.empty());
  wxString where;
  if (auto h = ledger_.get(core::Table::Household, householdId_)) {
    where = toWx((*h)[col::household::address].value_or(""));
    std::string number = (*h)[col::household::householdNo].value_or("");
    // TRANSLATORS: %1$s an address, %2$s the household's number in the register
    if (!number.empty()) where = wxString::Format(_("%1$s (household no. %2$s)"), where, toWx(number));
  }
  household_->SetLabel(where);

  auto cell = [&](std::string_view column) { return toWx(cellText(resident.cells, column)); };
  name_->ChangeValue(cell(col::resident::name));
  idNumber_->ChangeValue(cell(col::resident::idNumber));
  selectCode(idType_, core::codes::kIdType, cellText(resident.cells, col::resident::idType));
  selectCode(sex_, core::codes::kSex, cellText(resident.cells, col::resident::sex));
  birthDate_->ChangeValue(cell(col::resident::birthDate));
  ethnicity_->ChangeValue(cell(col::resident::ethnicity));
  phone_->ChangeValue(cell(col::resident::phone));
  relation_->ChangeValue(cell(col::resident::relation));
  selectCode(residence_, core::codes::kResidence, cellText(resident.cells, col::resident::residence));
  std::vector<std::string> flags;
  std::string stored = cellText(resident.cells, col::resident::careFlags);
  for (std::size_t start = 0, comma = 0; start <= stored.size(); start = comma + 1) {
    comma = std::min(stored.find(',', start), stored.size());
    flags.push_back(stored.substr(start, comma - start));
  }
  for (std::size_t i = 0; i < careFlags_.size(); ++i)
    careFlags_[i]->SetValue(std::find(flags.begin(), flags.end(), core::codes::kCareFlags[i]) != flags.end());
  notes_->ChangeValue(cell(col::resident::notes));
  messages_.clear();
  idInfo_->SetLabel(wxString());
  filledBirth_.clear();
  filledSex_.clear();
  filledIdType_.clear();
  if (!idNumber_->IsEmpty()) checkIdNumber(true);
  original_ = collect();
  dirty_ = false;
  relayout();
}

core::Cells ResidentDialog::collect() const {
  auto code = [](const std::string& c) { return c.empty() ? core::Value() : core::Value(c); };
  return {
      {col::resident::household, code(householdId_)},
      {col::resident::name, cellFrom(name_->GetValue())},
      {col::resident::idNumber, cellFrom(idNumber_->GetValue())},
      {col::resident::idType, code(idTypeCode())},
      {col::resident::sex, code(sexCode())},
      {col::resident::birthDate, cellFrom(birthDate_->GetValue())},
      {col::resident::ethnicity, cellFrom(ethnicity_->GetValue())},
      {col::resident::phone, cellFrom(phone_->GetValue())},
      {col::resident::relation, cellFrom(relation_->GetValue())},
      {col::resident::residence, code(residenceCode())},
      {col::resident::careFlags, code(careFlags())},
      {col::resident::notes, cellFrom(notes_->GetValue())},
  };
}

bool ResidentDialog::write() {
  std::string saved = saveRecord(ledger_, core::Table::Resident, id_, collect(), original_, messages_, this);
  if (!saved.empty()) {
    savedId_ = saved;
    ++savedCount_;
    dirty_ = false;
    original_ = collect();
  }
  relayout();
  return !saved.empty();
}

bool ResidentDialog::save() { return write(); }

bool ResidentDialog::saveAndAddAnother() {
  if (!id_.empty()) return save();
  wxString who = name_->GetValue().Strip(wxString::both);
  if (!write()) return false;
  clearPerson();
  // TRANSLATORS: shown after a person was saved with "Save and add another"; %s is the person's name
  general_->SetLabel(wxString::Format(_("Saved %s. Enter the next member of the household."), who));
  general_->SetForegroundColour(wxColour(0, 110, 50));
  general_->Show();
  relayout();
  name_->SetFocus();
  return true;
}

void ResidentDialog::clearPerson() {
  for (auto* field : {name_, idNumber_, birthDate_, phone_, notes_}) field->ChangeValue(wxString());
  relation_->ChangeValue(wxString());
  idType_->SetSelection(0);
  sex_->SetSelection(0);
  for (auto* box : careFlags_) box->SetValue(false);
  idInfo_->SetLabel(wxString());
  filledBirth_.clear();
  filledSex_.clear();
  filledIdType_.clear();
  messages_.clear();
  original_ = collect();
  dirty_ = false;
}

void ResidentDialog::checkIdNumber(bool leaving) {
  wxString raw = idNumber_->GetValue().Strip(wxString::both);
  idInfo_->SetLabel(wxString());
  showFieldIssues(idMessage_, {});
  // A document type the worker chose (not the one the number filled in) decides the number's shapes.
  const std::string chosen = idTypeCode();
  const auto hint = !chosen.empty() && chosen != filledIdType_ ? core::hintForIdType(chosen) : core::IdTypeHint::Any;
  // Shorter than any resident number: the worker is still typing (passports are checked on leaving).
  core::IdCheck check;
  if (!raw.empty() && (leaving || raw.length() >= 15)) {
    check = core::checkId(fromWx(raw), ledger_.today(), hint);
    showFieldIssues(idMessage_, check.issues);
  }
  // What an earlier number filled in goes when the number no longer says it (a digit corrected
  // into a wrong one), unless the worker has changed it since.
  if (!filledBirth_.empty() && birthDate_->GetValue() == filledBirth_) birthDate_->ChangeValue(wxString());
  if (!filledSex_.empty() && sexCode() == filledSex_) sex_->SetSelection(0);
  if (!filledIdType_.empty() && idTypeCode() == filledIdType_) idType_->SetSelection(0);
  filledBirth_.clear();
  filledSex_.clear();
  filledIdType_.clear();
  if (check.valid) {
    wxString info = toWx(text::codeLabel(core::idKindCode(check.kind)));
    if (check.birthDate) {
      filledBirth_ = toWx(check.birthDate->iso());
      birthDate_->ChangeValue(filledBirth_);
      info += wxString::FromUTF8(" · ") + filledBirth_;
    }
    if (check.sex != core::Sex::Unknown) {
      filledSex_ = core::sexCode(check.sex);
      selectCode(sex_, core::codes::kSex, filledSex_);
      info += wxString::FromUTF8(" · ") + toWx(text::codeLabel(filledSex_));
    }
    filledIdType_ = core::idKindCode(check.kind);
    selectCode(idType_, core::codes::kIdType, filledIdType_);
    idInfo_->SetLabel(info);
  }
  relayout();
}

void ResidentDialog::checkField(core::Column column, wxWindow* field, wxStaticText* label) {
  wxString value = field == phone_ ? phone_->GetValue() : birthDate_->GetValue();
  core::Cells cells = {{column, cellFrom(value)}};
  showFieldIssues(label, checkCells(core::Table::Resident, cells, ledger_.today(), false));
  relayout();
}

wxCheckBox* ResidentDialog::careFlag(std::string_view code) const {
  for (std::size_t i = 0; i < careFlags_.size(); ++i)
    if (core::codes::kCareFlags[i] == code) return careFlags_[i];
  return nullptr;
}

std::string ResidentDialog::sexCode() const { return codeAt(sex_, core::codes::kSex); }
std::string ResidentDialog::idTypeCode() const { return codeAt(idType_, core::codes::kIdType); }
std::string ResidentDialog::residenceCode() const { return codeAt(residence_, core::codes::kResidence); }

std::string ResidentDialog::careFlags() const {
  std::string flags;
  for (std::size_t i = 0; i < careFlags_.size(); ++i)
    if (careFlags_[i]->GetValue()) flags.append(flags.empty() ? "" : ",").append(core::codes::kCareFlags[i]);
  return flags;
}

wxString ResidentDialog::idInfo() const { return idInfo_->GetLabel(); }

// Long messages wrap under their field, and the form is as tall as its messages need.
void ResidentDialog::relayout() {
  fitMessages(this, messageLabels_, kMessageWrapDialogUnits);
}

void ResidentDialog::onCancel() { closeForm(this, dirty_, savedCount_ > 0 ? wxID_OK : wxID_CANCEL); }

}  // namespace gl::app
