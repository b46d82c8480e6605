#include "app/roster_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcbuffer.h>
#include <wx/filedlg.h>
#include <wx/image.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <functional>

#include "app/form_support.h"
#include "app/progress_dialog.h"
#include "app/roster_printout.h"
#include "core/date_parse.h"
#include "report/roster_files.h"
#include "text/describe.h"
#include "db/tree_queries.h"

namespace gl::app {

RosterDialog::RosterDialog(wxWindow* parent, db::Ledger& ledger) : ledger_(ledger) {
  wxXmlResource::Get()->LoadDialog(this, parent, "RosterDialog");
  kind_ = XRCCTRL(*this, "kind", wxChoice);
  date_ = XRCCTRL(*this, "date", wxTextCtrl);
  scope_ = XRCCTRL(*this, "scope", wxChoice);
  purpose_ = XRCCTRL(*this, "purpose", wxTextCtrl);
  preview_ = XRCCTRL(*this, "preview", wxPanel);
  pageInfo_ = XRCCTRL(*this, "pageInfo", wxStaticText);
  status_ = XRCCTRL(*this, "status", wxStaticText);

  for (auto k : report::allKinds()) kind_->Append(toWx(report::kindTitle(k)));
  kind_->SetSelection(0);
  date_->ChangeValue(toWx(ledger_.today().iso()));
  purpose_->ChangeValue(_("daily roster"));
  fillScopes();

  kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { rebuild(); });
  scope_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { rebuild(); });
  date_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { rebuild(); });
  // Leaving the date field takes what was typed (not while the dialog is going away, nor when the
  // progress window of the roster asked for takes the focus).
  date_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    if (!IsBeingDeleted() && !progress_ && fromWx(date_->GetValue()) != requestedDate_) rebuild();
    e.Skip();
  });
  purpose_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { rebuild(); });
  XRCCTRL(*this, "tomorrow", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    date_->ChangeValue(toWx(ledger_.today().addDays(1).iso()));
    rebuild();
  });
  XRCCTRL(*this, "previousPage", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(page_ - 1); });
  XRCCTRL(*this, "nextPage", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(page_ + 1); });
  XRCCTRL(*this, "print", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
  XRCCTRL(*this, "savePdf", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAs("pdf"); });
  XRCCTRL(*this, "saveXlsx", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAs("xlsx"); });
  XRCCTRL(*this, "close", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
  preview_->SetBackgroundStyle(wxBG_STYLE_PAINT);
  preview_->Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(preview_);
    dc.SetBackground(wxBrush(wxColour(128, 128, 128)));
    dc.Clear();
    if (bitmap_.IsOk()) {
      wxSize size = preview_->GetClientSize();
      dc.DrawBitmap(bitmap_, (size.x - bitmap_.GetWidth()) / 2, (size.y - bitmap_.GetHeight()) / 2);
    }
  });
  preview_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    renderPreview();
    e.Skip();
  });
  // Page Up / Page Down turn the preview's pages from anywhere in the dialog.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_PAGEDOWN) showPage(page_ + 1);
    else if (e.GetKeyCode() == WXK_PAGEUP) showPage(page_ - 1);
    else if (e.GetKeyCode() == WXK_ESCAPE) close();
    else e.Skip();
  });
  bindFormKeys(this);
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
  rebuild();
}

void RosterDialog::close() {
  if (task_ && saving_) showProgress();  // a save under way ends (or is cancelled there) before the window
  if (IsModal()) EndModal(wxID_CLOSE);
  else Hide();
}

void RosterDialog::fillScopes() {
  scope_->Clear();
  scopeCodes_.clear();
  auto add = [&](int depth, const std::string& name, const std::string& code) {
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "\u3000";  // an ideographic space a level
    scope_->Append(toWx(indent + name + "（" + code + "）"));
    scopeCodes_.push_back(code);
  };
  std::function<void(const db::RegionNode&, int)> region = [&](const db::RegionNode& r, int depth) {
    add(depth, r.name, r.code);
    for (const auto& child : db::TreeQueries(ledger_, ledger_.readerScope()).childRegions(r.id)) region(child, depth + 1);
    for (const auto& g : db::TreeQueries(ledger_, ledger_.readerScope()).gridsOf(r.id)) add(depth + 1, g.name, g.code);
  };
  for (const auto& top : db::TreeQueries(ledger_, ledger_.readerScope()).childRegions("")) region(top, 0);
  if (scopeCodes_.empty()) {
    scope_->Append(_("The whole ledger"));
    scopeCodes_.emplace_back();
  }
  scope_->SetSelection(0);
}

exchange::ExportStamp RosterDialog::stamp() const {
  wxString purpose = purpose_->GetValue().Strip(wxString::both);
  return exchange::ExportStamp::now(fromWx(purpose.empty() ? _("daily roster") : purpose));
}

void RosterDialog::choose(report::RosterKind kind, core::Date date, const std::string& scopeCode) {
  const auto& kinds = report::allKinds();
  kind_->SetSelection(static_cast<int>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin()));
  date_->ChangeValue(toWx(date.iso()));
  auto at = std::find(scopeCodes_.begin(), scopeCodes_.end(), scopeCode);
  if (at != scopeCodes_.end()) scope_->SetSelection(static_cast<int>(at - scopeCodes_.begin()));
  rebuild();
}

void RosterDialog::rebuild() {
  core::DateParseOptions options;
  options.defaultYear = ledger_.today().year;
  auto parsed = core::parseDate(fromWx(date_->GetValue()), options);
  if (!parsed.date) {
    // TRANSLATORS: %s is what the user typed into the date field
    say(wxString::Format(_("“%s” is not a date: type it as 2022-11-21"), date_->GetValue()), true);
    return;
  }
  date_->ChangeValue(toWx(parsed.date->iso()));
  requestedDate_ = parsed.date->iso();
  const auto kind = report::allKinds()[static_cast<std::size_t>(std::max(0, kind_->GetSelection()))];
  const std::string scope = scopeCodes_.empty() ? std::string() : scopeCodes_[static_cast<std::size_t>(std::max(0, scope_->GetSelection()))];
  if (task_) {  // one at a time: a build under way gives way to this one, a save finishes first
    rebuildAgain_ = true;
    if (!saving_) task_->cancel();
    return;
  }
  const std::string code = scope;
  const core::Date date = *parsed.date;
  auto build = [kind, date, code](db::Ledger& ledger, const core::Reporter& r) {
    return std::make_shared<const report::Roster>(report::buildRoster(ledger, kind, date, code, r));
  };
  saving_ = false;
  inBackground(BackgroundTask::start<std::shared_ptr<const report::Roster>>(
      *this, onLedger<std::shared_ptr<const report::Roster>>(ledger_.path(), build),
      [this](std::shared_ptr<const report::Roster>&& roster) { built(std::move(roster)); },
      [this](std::exception_ptr error) { failed(error); }, [this](const core::Progress& p) { progressed(p); }));
}

void RosterDialog::built(std::shared_ptr<const report::Roster> roster) {
  if (ended()) return;
  stamp_ = stamp();
  layout_ = std::make_unique<report::RosterLayout>(*roster, stamp_);
  roster_ = std::move(roster);
  say(toWx(roster_->totalText()), false);
  page_ = 0;
  renderPreview();
}

void RosterDialog::showPage(int page) {
  if (!layout_ || page < 0 || page >= layout_->pageCount()) return;
  page_ = page;
  renderPreview();
}

void RosterDialog::renderPreview() {
  if (!layout_) return;
  wxSize size = preview_->GetClientSize();
  // The whole page fits the panel, its shape kept.
  int width = std::max(100, std::min(size.x - 16, static_cast<int>((size.y - 16) * layout_->pageWidth() / layout_->pageHeight())));
  int height = 0;
  auto rgb = report::renderPageRgb(*layout_, page_, width, height);
  wxImage image(width, height, rgb.data(), true);
  bitmap_ = wxBitmap(image.Copy());
  // TRANSLATORS: under the roster preview; %1$d the page shown, %2$d the pages
  pageInfo_->SetLabel(wxString::Format(_("Page %1$d of %2$d"), page_ + 1, layout_->pageCount()));
  preview_->Refresh();
}

bool RosterDialog::save(const std::filesystem::path& out) {
  if (!roster_ || stillReading()) return false;
  auto save = [roster = roster_, stamp = stamp(), out](db::Ledger& ledger, const core::Reporter& r) {
    report::saveRoster(ledger, *roster, stamp, out, r);
    return out;
  };
  saving_ = true;
  inBackground(BackgroundTask::start<std::filesystem::path>(
      *this, onLedger<std::filesystem::path>(ledger_.path(), save),
      [this](std::filesystem::path&& file) {
        if (ended()) return;
        // TRANSLATORS: %s is the file a roster was saved to
        say(wxString::Format(_("Saved to %s"), toWx(file.string())), false);
      },
      [this](std::exception_ptr error) { failed(error); }, [this](const core::Progress& p) { progressed(p); }));
  return true;
}

void RosterDialog::saveAs(const wxString& extension) {
  if (!roster_ || stillReading()) return;
  wxString name = toWx(roster_->title + "-" + roster_->date.iso()) + "." + extension;
  wxString wildcard = extension == "pdf" ? _("PDF files (*.pdf)|*.pdf") : _("Excel workbooks (*.xlsx)|*.xlsx");
  wxFileDialog dialog(this, _("Save the roster"), wxString(), name, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() == wxID_OK) save(fromWx(dialog.GetPath()));
}

bool RosterDialog::stillReading() {
  if (!task_) return false;
  say(_("The roster is still being read: print or save it once it is shown."), true);
  return true;
}

void RosterDialog::print() {
  if (!layout_ || stillReading()) return;
  // The roster printed and audited is this one, whatever the controls ask for meanwhile.
  const std::shared_ptr<const report::Roster> roster = roster_;
  auto printStamp = stamp();
  report::RosterLayout layout(*roster, printStamp);
  wxPrintData data;
  data.SetOrientation(roster->landscape ? wxLANDSCAPE : wxPORTRAIT);
  data.SetPaperId(wxPAPER_A4);
  wxPrintDialogData dialogData(data);
  dialogData.SetMinPage(1);
  dialogData.SetMaxPage(layout.pageCount());
  wxPrinter printer(&dialogData);
  RosterPrintout printout(layout);
  if (!printer.Print(this, &printout, true)) {
    if (wxPrinter::GetLastError() == wxPRINTER_ERROR) say(_("The roster could not be printed."), true);
    return;
  }
  report::auditRoster(ledger_, *roster, "printer", printStamp.purpose);
  say(_("Sent to the printer."), false);
}

void RosterDialog::say(const wxString& text, bool alert) {
  status_->SetLabel(text);
  status_->SetForegroundColour(alert ? wxColour(176, 0, 32) : GetForegroundColour());
  Layout();
}

wxString RosterDialog::status() const { return status_->GetLabel(); }

}  // namespace gl::app
