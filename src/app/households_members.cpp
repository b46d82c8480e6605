// The Households tab's member pane: the selected household's address and details, and its members
// (ids masked, codes translated, age on the ledger's date).
#include <algorithm>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "app/app.h"
#include "app/form_support.h"
#include "app/households_panel.h"
#include "core/mask.h"
#include "text/labels.h"
#include "db/household_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

enum MemberColumn { kName, kSex, kIdNumber, kBirthDate, kAge, kRelation, kResidence, kCareNeeds };

int ageOn(core::Date birth, core::Date today) {
  int age = today.year - birth.year;
  if (today.month < birth.month || (today.month == birth.month && today.day < birth.day)) --age;
  return std::max(age, 0);
}

wxString careNeeds(const std::string& flags) {
  wxString out;
  std::size_t start = 0;
  while (start < flags.size()) {
    std::size_t comma = flags.find(',', start);
    std::string code = flags.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    // TRANSLATORS: separator between care needs in the member list, e.g. "chronic illness, disability"
    if (!code.empty()) out += (out.empty() ? wxString() : _(", ")) + toWx(text::codeLabel(code));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

wxWindow* HouseholdsPanel::buildMemberPane(int gap) {
  auto* pane = new wxPanel(splitter_);
  auto* paneSizer = new wxBoxSizer(wxVERTICAL);
  memberTitle_ = new wxStaticText(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  memberTitle_->SetFont(memberTitle_->GetFont().Bold().Larger());
  memberInfo_ = new wxStaticText(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  members_ = new wxListView(pane, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
  auto field = [](std::string_view column) { return toWx(text::fieldLabel(column)); };
  members_->AppendColumn(field(col::resident::name), wxLIST_FORMAT_LEFT, FromDIP(90));
  members_->AppendColumn(field(col::resident::sex), wxLIST_FORMAT_LEFT, FromDIP(60));
  members_->AppendColumn(field(col::resident::idNumber), wxLIST_FORMAT_LEFT, FromDIP(170));
  members_->AppendColumn(field(col::resident::birthDate), wxLIST_FORMAT_LEFT, FromDIP(100));
  // TRANSLATORS: column of the member list: a person's age in whole years
  members_->AppendColumn(_("Age"), wxLIST_FORMAT_RIGHT, FromDIP(50));
  members_->AppendColumn(field(col::resident::relation), wxLIST_FORMAT_LEFT, FromDIP(120));
  members_->AppendColumn(field(col::resident::residence), wxLIST_FORMAT_LEFT, FromDIP(150));
  members_->AppendColumn(field(col::resident::careFlags), wxLIST_FORMAT_LEFT, FromDIP(220));
  paneSizer->Add(memberTitle_, wxSizerFlags().Expand().Border(wxTOP | wxLEFT | wxRIGHT, gap));
  paneSizer->Add(memberInfo_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
  paneSizer->Add(members_, wxSizerFlags(1).Expand());
  pane->SetSizer(paneSizer);
  return pane;
}

std::string HouseholdsPanel::selectedResident() const {
  long index = members_->GetFirstSelected();
  if (index < 0 || index >= static_cast<long>(memberRows_.size())) return {};
  return memberRows_[static_cast<std::size_t>(index)].id;
}

void HouseholdsPanel::selectMember(std::size_t index) {
  if (index >= memberRows_.size()) return;
  members_->Select(static_cast<long>(index));
  members_->Focus(static_cast<long>(index));
  membersActive_ = true;
}

void HouseholdsPanel::loadMembers(const std::string& selectResident) {
  members_->DeleteAllItems();
  memberRows_.clear();
  auto household = shownHousehold_.empty() ? std::nullopt : ledger().get(core::Table::Household, shownHousehold_);
  addResidentButton_->Enable(household.has_value());
  editButton_->Enable(household.has_value());
  deleteButton_->Enable(household.has_value());
  if (!household) {
    memberTitle_->SetLabel(_("No household selected"));
    memberInfo_->SetLabel(_("Select a household in the list to see its members; Enter edits it, Ctrl+R adds a member."));
    return;
  }
  memberRows_ = query<db::HouseholdQueries>().residentsOf(shownHousehold_);
  // The head of household first, as the register lists them; the others in the ledger's order (by age).
  std::stable_partition(memberRows_.begin(), memberRows_.end(),
                        [](const db::Row& r) { return r.text(col::resident::relation) == "户主"; });
  memberTitle_->SetLabel(toWx(household->text(col::household::address)));
  wxString info;
  auto add = [&info](const wxString& part) {
    if (!part.empty()) info += (info.empty() ? wxString() : wxString::FromUTF8("  ·  ")) + part;
  };
  int n = static_cast<int>(memberRows_.size());
  // TRANSLATORS: the number of people living in a household
  add(wxString::Format(wxPLURAL("%d member", "%d members", n), n));
  // TRANSLATORS: %s is the household's number in the register
  if (!household->text(col::household::householdNo).empty())
    add(wxString::Format(_("household no. %s"), toWx(household->text(col::household::householdNo))));
  if (!household->text(col::household::kind).empty())
    add(toWx(text::codeLabel(household->text(col::household::kind))));
  // TRANSLATORS: %s is a masked phone number
  if (!household->text(col::household::phone).empty())
    add(wxString::Format(_("phone %s"), toWx(core::maskPhone(household->text(col::household::phone)))));
  if (!household->text(col::household::notes).empty()) add(toWx(household->text(col::household::notes)));
  memberInfo_->SetLabel(info);

  core::Date today = ledger().today();
  long selected = -1;
  for (std::size_t i = 0; i < memberRows_.size(); ++i) {
    const db::Row& r = memberRows_[i];
    long item = members_->InsertItem(static_cast<long>(i), toWx(r.text(col::resident::name)));
    if (!r.text(col::resident::sex).empty()) members_->SetItem(item, kSex, toWx(text::codeLabel(r.text(col::resident::sex))));
    if (const auto id = r.text(col::resident::idNumber); !id.empty())
      members_->SetItem(item, kIdNumber, toWx(core::maskId(id)));
    members_->SetItem(item, kBirthDate, toWx(r.text(col::resident::birthDate)));
    if (auto birth = core::Date::fromIso(r.text(col::resident::birthDate)))
      members_->SetItem(item, kAge, wxString::Format("%d", ageOn(*birth, today)));
    members_->SetItem(item, kRelation, toWx(r.text(col::resident::relation)));
    if (const auto residence = r.text(col::resident::residence); !residence.empty())
      members_->SetItem(item, kResidence, toWx(text::codeLabel(residence)));
    members_->SetItem(item, kCareNeeds, careNeeds(r.text(col::resident::careFlags)));
    if (!selectResident.empty() && r.id == selectResident) selected = item;
  }
  if (selected >= 0) {
    members_->Select(selected);
    members_->Focus(selected);
    membersActive_ = true;
  } else {
    membersActive_ = false;
  }
  GetSizer()->Layout();
}

}  // namespace gl::app
