#include "app/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>

#include "app/app.h"
#include "app/app_i18n.h"
#include "app/commands.h"
#include "app/first_start_dialog.h"
#include "app/grid_tree.h"
#include "app/import_dialog.h"
#include "app/roster_dialog.h"
#include "app/panels.h"
#include "app/preferences_dialog.h"
#include "app/search_pane.h"

namespace gl::app {

MainFrame::MainFrame(std::unique_ptr<db::Ledger> ledger, AppSettings& settings)
    : wxFrame(nullptr, wxID_ANY, _("GridLedger"), wxDefaultPosition, wxSize(1200, 800)),
      ledger_(std::move(ledger)),
      settings_(settings) {
  buildMenus();
  CreateStatusBar(3);
  int widths[] = {-3, -1, -2};
  GetStatusBar()->SetStatusWidths(3, widths);

  auto* root = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  search_ = new SearchPane(this, *ledger_, [this](const std::string& household, const std::string& resident) {
    openHousehold(household, resident);
  });
  top->Add(search_, wxSizerFlags(1).Expand());
  syncButton_ = new wxButton(this, cmd::kSyncNow, _("Sync"));
  syncButton_->SetToolTip(_("Send this ledger's changes to the data center and receive the others' (F9)"));
  top->Add(syncButton_, wxSizerFlags().Center().Border(wxLEFT, FromDIP(4)));
  root->Add(top, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
  splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  splitter_->SetMinimumPaneSize(FromDIP(160));
  tree_ = new GridTree(splitter_, *ledger_);
  notebook_ = new wxNotebook(splitter_, wxID_ANY);
  createTabs();
  splitter_->SplitVertically(tree_, notebook_, FromDIP(280));
  root->Add(splitter_, wxSizerFlags(1).Expand());
  SetSizer(root);
  bindCommands();
  updateStatus();
  search_->focusQuery();
}

MainFrame::~MainFrame() { syncTimer_.Stop(); }

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  file->Append(cmd::kNewLedger, _("&New ledger…\tCtrl+Shift+N"));
  file->Append(cmd::kOpenLedger, _("&Open ledger…\tCtrl+O"));
  file->AppendSeparator();
  file->Append(cmd::kImport, _("&Import a roster…\tCtrl+I"));
  file->Append(cmd::kPrintRoster, _("&Print a roster…\tCtrl+P"));
  file->AppendSeparator();
  file->Append(cmd::kSyncNow, _("&Sync now\tF9"));
  file->Append(cmd::kSyncSettings, _("Sync se&ttings…"));
  file->Append(cmd::kSyncProblems, _("Sync pro&blems…"));
  file->AppendSeparator();
  file->Append(wxID_PREFERENCES, _("&Preferences…\tCtrl+,"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* edit = new wxMenu;
  edit->Append(cmd::kNewHousehold, _("New &household…\tCtrl+N"));
  edit->Append(cmd::kNewResident, _("Add &resident…\tCtrl+R"));
  edit->Append(cmd::kEditSelected, _("&Edit selected…\tCtrl+E"));
  edit->AppendSeparator();
  edit->Append(cmd::kStartQuarantine, _("Start &quarantine…\tCtrl+Shift+Q"));
  edit->Append(cmd::kRecordChecks, _("Record &temperatures\tCtrl+T"));
  edit->Append(cmd::kReleaseCase, _("Re&lease case…\tCtrl+Shift+L"));
  edit->Append(cmd::kExtendCase, _("E&xtend case…\tCtrl+Shift+X"));
  edit->Append(cmd::kTransferCase, _("Trans&fer case…\tCtrl+Shift+T"));
  edit->Append(cmd::kCheckDetails, _("Check &details…\tCtrl+Shift+D"));
  edit->AppendSeparator();
  edit->Append(cmd::kNewVisit, _("Record &visit…\tCtrl+Shift+V"));
  edit->Append(cmd::kNewCampaign, _("New screening &campaign…"));

  auto* view = new wxMenu;
  view->Append(cmd::kShowToday, _("&Today\tCtrl+1"));
  view->Append(cmd::kShowHouseholds, _("&Households\tCtrl+2"));
  view->Append(cmd::kShowQuarantine, _("&Quarantine\tCtrl+3"));
  view->Append(cmd::kShowVisits, _("&Visits\tCtrl+4"));
  view->AppendSeparator();
  view->Append(cmd::kFind, _("&Find\tCtrl+F"));
  view->Append(cmd::kRefresh, _("&Refresh\tF5"));

  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About GridLedger"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(edit, _("&Edit"));
  bar->Append(view, _("&View"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);
}

void MainFrame::bindCommands() {
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onNewLedger(); }, cmd::kNewLedger);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onOpenLedger(); }, cmd::kOpenLedger);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onImport(); }, cmd::kImport);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    RosterDialog dialog(this, *ledger_);
    dialog.ShowModal();
  }, cmd::kPrintRoster);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onPreferences(); }, wxID_PREFERENCES);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { onAbout(); }, wxID_ABOUT);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Today); }, cmd::kShowToday);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Households); }, cmd::kShowHouseholds);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Quarantine); }, cmd::kShowQuarantine);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { showTab(Tab::Visits); }, cmd::kShowVisits);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { search_->focusQuery(); }, cmd::kFind);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { reloadAll(); }, cmd::kRefresh);
  bindPanelCommands();
  bindSyncCommands();
  notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
    event.Skip();
    if (auto* panel = dynamic_cast<LedgerPanel*>(notebook_->GetPage(event.GetSelection()))) panel->reloadIfStale();
  });
  tree_->onSelect([this](const db::HouseholdFilter& filter) {
    households_->setFilter(filter);
    showTab(Tab::Households);
  });
}

void MainFrame::showTab(Tab tab) {
  notebook_->SetSelection(static_cast<int>(tab));
  if (auto* panel = dynamic_cast<LedgerPanel*>(notebook_->GetPage(static_cast<int>(tab)))) panel->reloadIfStale();
}

Tab MainFrame::currentTab() const { return static_cast<Tab>(notebook_->GetSelection()); }

void MainFrame::reloadAll() {
  int shown = notebook_->GetSelection();
  for (std::size_t i = 0; i < notebook_->GetPageCount(); ++i)
    if (auto* panel = dynamic_cast<LedgerPanel*>(notebook_->GetPage(i))) {
      if (static_cast<int>(i) == shown) panel->reload();
      else panel->markStale();
    }
  updateStatus();
}

void MainFrame::openHousehold(const std::string& householdId, const std::string& residentId) {
  showTab(Tab::Households);
  households_->showHousehold(householdId, residentId);
}

void MainFrame::updateStatus() {
  wxString county = wxString::FromUTF8(ledger_->setting("county_name").value_or(""));
  SetTitle(county.empty() ? _("GridLedger") : wxString::Format(_("GridLedger — %s"), county));
  SetStatusText(wxString::FromUTF8(ledger_->path().string()), 0);
  // TRANSLATORS: status bar; %lld is a number of changes not yet sent to the data center
  SetStatusText(wxString::Format(_("Unsent changes: %lld"), static_cast<long long>(ledger_->pendingChanges())), 1);
  SetStatusText(syncStatus_, 2);
}

void MainFrame::switchLedger(std::unique_ptr<db::Ledger> ledger) {
  if (!ledger) return;
  settings_.setLastLedger(wxString::FromUTF8(ledger->path().string()));
  // The panels hold references to the ledger: a new main window is the simple, safe way over.
  auto* frame = new MainFrame(std::move(ledger), settings_);
  frame->SetSize(GetSize());
  frame->Show();
  Destroy();
}

void MainFrame::onNewLedger() {
  FirstStartDialog dialog(this, {});
  if (dialog.ShowModal() != wxID_OK) return;
  if (auto ledger = dialog.createLedger()) switchLedger(std::move(ledger));
}

void MainFrame::onOpenLedger() {
  wxFileDialog dialog(this, _("Open a ledger"), defaultLedgerFolder(), wxString(),
                      _("GridLedger ledgers (*.gridledger)|*.gridledger|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  switchLedger(db::Ledger::open(dialog.GetPath().utf8_string()));
}

void MainFrame::onImport() {
  ImportDialog dialog(this, *ledger_);
  if (dialog.ShowModal() == wxID_OK) {
    tree_->reload();
    reloadAll();
  }
}

void MainFrame::onPreferences() {
  PreferencesDialog dialog(this, settings_.language());
  if (dialog.ShowModal() != wxID_OK) return;
  settings_.setLanguage(dialog.language());
  setupTranslations(dialog.language());
  wxMessageBox(_("The new language applies to every window opened from now on; restart GridLedger to see it everywhere."),
               _("Preferences"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::onAbout() {
  wxAboutDialogInfo info;
  info.SetName(_("GridLedger"));
  info.SetVersion("0.1");
  info.SetDescription(_("Household registers, quarantine and screening visits for community grid workers."));
  wxAboutBox(info, this);
}

}  // namespace gl::app
