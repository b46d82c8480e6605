#include "app/first_start_dialog.h"

#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/app_settings.h"
#include "app/background_task.h"
#include "app/progress_dialog.h"
#include "demo/demo.h"

namespace gl::app {

namespace {
constexpr long long kDemoHouseholds = 2000;
}

FirstStartDialog::FirstStartDialog(wxWindow* parent, const wxString& suggestedPath)
    : suggestedPath_(suggestedPath.Strip(wxString::both)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "FirstStartDialog");
  createNew_ = XRCCTRL(*this, "createNew", wxRadioButton);
  openDemo_ = XRCCTRL(*this, "openDemo", wxRadioButton);
  openExisting_ = XRCCTRL(*this, "openExisting", wxRadioButton);
  code_ = XRCCTRL(*this, "countyCode", wxTextCtrl);
  name_ = XRCCTRL(*this, "countyName", wxTextCtrl);
  file_ = XRCCTRL(*this, "ledgerFile", wxFilePickerCtrl);
  problem_ = XRCCTRL(*this, "problem", wxStaticText);
  for (auto* radio : {createNew_, openDemo_, openExisting_})
    radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (validate()) e.Skip();
  }, wxID_OK);
  updateEnabled();
  Fit();
  code_->SetFocus();
}

FirstStartDialog::Choice FirstStartDialog::choice() const {
  if (openDemo_->GetValue()) return Choice::OpenDemo;
  if (openExisting_->GetValue()) return Choice::OpenExisting;
  return Choice::CreateNew;
}

void FirstStartDialog::choose(Choice c) {
  createNew_->SetValue(c == Choice::CreateNew);
  openDemo_->SetValue(c == Choice::OpenDemo);
  openExisting_->SetValue(c == Choice::OpenExisting);
  updateEnabled();
}

void FirstStartDialog::updateEnabled() {
  code_->Enable(choice() == Choice::CreateNew);
  name_->Enable(choice() == Choice::CreateNew);
  file_->Enable(choice() == Choice::OpenExisting);
  problem_->SetLabel(wxString());
}

wxString FirstStartDialog::problem() const { return problem_->GetLabel(); }

bool FirstStartDialog::validate() {
  wxString problem;
  if (choice() == Choice::CreateNew) {
    wxString code = code_->GetValue().Strip(wxString::both);
    if (code.length() != 6 || !code.IsNumber())
      problem = _("The county code is the 6-digit administrative division code (GB/T 2260), e.g. 370322.");
    else if (name_->GetValue().Strip(wxString::both).empty())
      problem = _("Enter the county's name, e.g. 高青县.");
  } else if (choice() == Choice::OpenExisting && !wxFileName::FileExists(file_->GetPath())) {
    problem = _("Choose an existing ledger file.");
  }
  problem_->SetLabel(problem);
  Layout();
  return problem.empty();
}

std::unique_ptr<db::Ledger> FirstStartDialog::createLedger() {
  wxString folder = defaultLedgerFolder();
  wxFileName::Mkdir(folder, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  switch (choice()) {
    case Choice::OpenExisting:
      return db::Ledger::open(file_->GetPath().utf8_string());
    case Choice::OpenDemo: {
      std::string path = (folder + "/demo.gridledger").utf8_string();
      if (wxFileName::FileExists(wxString::FromUTF8(path))) return db::Ledger::open(path);
      auto ledger = db::Ledger::open(path, db::Ledger::Mode::CreateNew);
      ledger->initialize(demo::kDemoCountyCode, demo::kDemoCountyName);
      // Cancelled or failed: no half-made demo county is opened next time.
      auto removeDemo = [&] {
        ledger.reset();
        std::error_code ignored;  // a file that is not there is what is wanted
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
      };
      try {
        if (fillDemo(path)) return ledger;
      } catch (...) {
        removeDemo();
        throw;
      }
      removeDemo();
      return nullptr;
    }
    case Choice::CreateNew:
      break;
  }
  wxString code = code_->GetValue().Strip(wxString::both);
  wxString path = suggestedPath_.empty() ? folder + "/" + code + ".gridledger" : suggestedPath_;
  auto ledger = db::Ledger::open(path.utf8_string(), wxFileName::FileExists(path) ? db::Ledger::Mode::OpenExisting
                                                                               : db::Ledger::Mode::CreateNew);
  if (!ledger->initialized())
    ledger->initialize(code.utf8_string(), name_->GetValue().Strip(wxString::both).utf8_string());
  return ledger;
}

bool FirstStartDialog::fillDemo(const std::filesystem::path& path) {
  std::exception_ptr failure;
  bool cancelled = false;
  std::unique_ptr<BackgroundTask> task;
  ProgressDialog progress(this, _("Demo ledger"), _("Making the demo county…"), [&] {
    cancelled = true;
    if (task) task->cancel();
  });
  auto work = [path](const core::Reporter& reporter) {
    auto ledger = db::Ledger::open(path);
    demo::generate(*ledger, {kDemoHouseholds, 1}, reporter);
  };
  auto shown = [&](const core::Progress& p) {
    // TRANSLATORS: progress of the demo county; the numbers are households made and households in all
    progress.show(wxString::Format(_("Making the demo county: %lld of %lld households"),
                                   static_cast<long long>(p.done), static_cast<long long>(p.total)), p);
  };
  task = std::make_unique<BackgroundTask>(*this, work, BackgroundTask::Hooks{shown, [&](std::exception_ptr e) {
    failure = e;
    progress.finish();
  }});
  progress.run();
  task.reset();
  if (cancelled) return false;
  if (failure) std::rethrow_exception(failure);
  return true;
}

}  // namespace gl::app
