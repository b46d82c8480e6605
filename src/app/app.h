// The wx application: language, embedded forms, the ledger to open (the --db option, the last one
// used, or the first-start dialog), then the main window. Exceptions escaping an event handler are
// described in the user's language and the program keeps running (Poedit edapp.cpp).
#pragma once

#include <memory>

#include <wx/app.h>

#include "app/app_settings.h"
#include "db/ledger.h"

namespace gl::app {

class MainFrame;

class App : public wxApp {
 public:
  bool OnInit() override;
  int OnExit() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  bool OnExceptionInMainLoop() override;
  void OnUnhandledException() override;

  AppSettings& settings() { return *settings_; }

 private:
  wxString dbOption_;
  std::unique_ptr<AppSettings> settings_;
};

// Opens the ledger for the window: `path` if given, else the last one, else the first-start dialog.
// Returns nullptr when the user cancels.
std::unique_ptr<db::Ledger> openStartLedger(wxWindow* parent, AppSettings& settings, const wxString& path);

// Shows the translated description of the exception in flight (for catch blocks at UI edges).
void showError(wxWindow* parent, std::exception_ptr error);

}  // namespace gl::app

