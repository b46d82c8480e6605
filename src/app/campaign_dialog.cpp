#include "app/campaign_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "core/date_parse.h"

namespace gl::app {

namespace col = core::col;

CampaignDialog::CampaignDialog(wxWindow* parent, db::Ledger& ledger) : ledger_(ledger) {
  wxXmlResource::Get()->LoadDialog(this, parent, "CampaignDialog");
  name_ = XRCCTRL(*this, "name", wxTextCtrl);
  scope_ = XRCCTRL(*this, "scope", wxTextCtrl);
  start_ = XRCCTRL(*this, "startOn", wxTextCtrl);
  end_ = XRCCTRL(*this, "endOn", wxTextCtrl);
  scopeHint_ = XRCCTRL(*this, "scopeHint", wxStaticText);
  nameMessage_ = XRCCTRL(*this, "nameMessage", wxStaticText);
  scopeMessage_ = XRCCTRL(*this, "scopeMessage", wxStaticText);
  startMessage_ = XRCCTRL(*this, "startMessage", wxStaticText);
  endMessage_ = XRCCTRL(*this, "endMessage", wxStaticText);
  message_ = XRCCTRL(*this, "message", wxStaticText);
  messages_.add(col::campaign::name, name_, nameMessage_);
  messages_.add(col::campaign::scope, scope_, scopeMessage_);
  messages_.add(col::campaign::startOn, start_, startMessage_);
  messages_.add(col::campaign::endOn, end_, endMessage_);
  messages_.add("", nullptr, message_);

  // A campaign usually covers the whole county: its code is the default scope.
  std::string county = ledger_.setting("county_code").value_or("");
  scope_->ChangeValue(toWx(county));
  if (auto countyName = ledger_.setting("county_name"); countyName && !county.empty()) {
    scopeHint_->SetLabel(scopeHint_->GetLabel() + "\n" +
                   // TRANSLATORS: under a campaign's scope; %1$s is the county code (370322), %2$s its name (高青县).
                   wxString::Format(_("%1$s is the whole of %2$s."), toWx(county), toWx(*countyName)));
  }
  scopeHint_->Wrap(name_->GetMinSize().x);
  start_->ChangeValue(toWx(ledger_.today().iso()));

  for (auto* text : {name_, scope_, start_, end_})
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { dirty_ = true; });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (save()) EndModal(wxID_OK);
  }, wxID_OK);
  // Escape and the window's close button come here too (wxDialog sends them as wxID_CANCEL).
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    closeForm(this, dirty_, wxID_CANCEL);
  }, wxID_CANCEL);
  bindFormKeys(this);
  tidyMessages();
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
  name_->SetFocus();
}

core::Cells CampaignDialog::collect() const {
  return {{col::campaign::name, cellFrom(name_->GetValue())},
          {col::campaign::scope, cellFrom(scope_->GetValue())},
          {col::campaign::startOn, cellFrom(start_->GetValue())},
          {col::campaign::endOn, cellFrom(end_->GetValue())}};
}

bool CampaignDialog::save() {
  core::Cells cells = collect();
  bool ok = messages_.show(checkCells(core::Table::Campaign, cells, ledger_.today(), true));
  // The period's order is the form's rule (the ledger stores any two dates).
  auto start = core::parseDate(fromWx(start_->GetValue())).date;
  auto end = core::parseDate(fromWx(end_->GetValue())).date;
  if (ok && start && end && *end < *start) {
    endMessage_->SetLabel(_("The end date is before the start date."));
    end_->SetFocus();
    ok = false;
  }
  std::string id;
  if (ok) ok = saveOrShow([&] { id = ledger_.insert(core::Table::Campaign, cells); }, messages_, this);
  tidyMessages();
  if (!ok) return false;
  savedId_ = id;
  dirty_ = false;
  return true;
}

void CampaignDialog::tidyMessages() {
  fitMessages(this, {nameMessage_, scopeMessage_, startMessage_, endMessage_, message_}, 0);
}

}  // namespace gl::app
