// File → Print a roster (forms/roster_dialog.xrc): the township officer picks the roster, the date
// (Tomorrow is one key away) and the scope (the county, a township, community or grid), sees the
// pages as they will print — drawn by the PDF's own code (report/roster_pdf.h) — and prints them
// (the system print dialog; the same drawing on the printer's cairo context) or saves a PDF or XLSX.
// The roster is read and saved on a BackgroundTask (docs/architecture.md §3); when that takes more
// than a moment, a progress window with Cancel shows how far it is (a county's 5,000 people).
#pragma once

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/bitmap.h>
#include <wx/dialog.h>
#include <wx/timer.h>

#include "app/background_task.h"

#include "db/ledger.h"
#include "report/roster.h"
#include "report/roster_pdf.h"

class wxChoice;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class ProgressDialog;

class RosterDialog : public wxDialog {
 public:
  RosterDialog(wxWindow* parent, db::Ledger& ledger);

  // What the controls do, callable by tests.
  // Reading the roster (and saving it) goes on in the background: busy() until it is done.
  void choose(report::RosterKind kind, core::Date date, const std::string& scopeCode);
  void showPage(int page);  // 0-based
  // Starts saving .pdf, .xlsx or .csv (false while busy or with no roster); the status says how it went.
  bool save(const std::filesystem::path& out);
  void print();
  void close();
  bool busy() const { return task_ != nullptr; }
  // The progress window of slow work, while it shows, and how soon it shows (for tests).
  ProgressDialog* progressWindow() const { return progress_; }
  void progressAfter(int ms) { slowMs_ = ms; }

  const report::Roster* roster() const { return roster_.get(); }
  const report::RosterLayout* layout() const { return layout_.get(); }
  int page() const { return page_; }
  wxString status() const;
  const wxBitmap& previewBitmap() const { return bitmap_; }
  const std::vector<std::string>& scopeCodes() const { return scopeCodes_; }

 private:
  void fillScopes();
  void rebuild();  // reads the roster the controls describe
  // roster_dialog_work.cpp: the background work and what comes back from it.
  void inBackground(std::unique_ptr<BackgroundTask> task);
  bool ended();  // true: drop the result (another roster was asked for meanwhile)
  void built(std::shared_ptr<const report::Roster> roster);
  void failed(std::exception_ptr error);
  void progressed(const core::Progress& progress);
  void showProgress();
  bool stillReading();  // true, with a message, while a roster is read or saved
  void renderPreview();
  void saveAs(const wxString& extension);
  void say(const wxString& text, bool alert);
  exchange::ExportStamp stamp() const;

  db::Ledger& ledger_;
  std::vector<std::string> scopeCodes_;  // by scope choice index
  std::shared_ptr<const report::Roster> roster_;  // shared with a save under way
  std::unique_ptr<report::RosterLayout> layout_;
  exchange::ExportStamp stamp_;
  int page_ = 0;
  wxBitmap bitmap_;

  wxChoice* kind_ = nullptr;
  wxTextCtrl* date_ = nullptr;
  wxChoice* scope_ = nullptr;
  wxTextCtrl* purpose_ = nullptr;
  wxPanel* preview_ = nullptr;
  wxStaticText* pageInfo_ = nullptr;
  wxStaticText* status_ = nullptr;

  bool saving_ = false;          // the task saves (a build waits for it; it is never cancelled for one)
  bool rebuildAgain_ = false;    // the controls changed while the task ran
  bool userCancelled_ = false;
  std::string requestedDate_;    // the date of the roster last asked for
  ProgressDialog* progress_ = nullptr;
  wxTimer slow_;                 // shows the progress window when the work takes more than a moment
  int slowMs_ = 400;
  std::unique_ptr<BackgroundTask> task_;  // last: stops before the members its hooks touch
};

}  // namespace gl::app
