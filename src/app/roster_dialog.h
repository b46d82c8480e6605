// File → Print a roster (forms/roster_dialog.xrc): the township officer picks the roster, the date
// (Tomorrow is one key away) and the scope (the county, a township, community or grid), sees the
// pages as they will print — drawn by the PDF's own code (report/roster_pdf.h) — and prints them
// (the system print dialog; the same drawing on the printer's cairo context) or saves a PDF or XLSX.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/bitmap.h>
#include <wx/dialog.h>

#include "db/ledger.h"
#include "report/roster.h"
#include "report/roster_pdf.h"

class wxChoice;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class RosterDialog : public wxDialog {
 public:
  RosterDialog(wxWindow* parent, db::Ledger& ledger);

  // What the controls do, callable by tests.
  void choose(report::RosterKind kind, core::Date date, const std::string& scopeCode);
  void showPage(int page);  // 0-based
  bool save(const std::filesystem::path& out);  // .pdf, .xlsx or .csv; false with a message
  void print();
  void close();

  const report::Roster* roster() const { return roster_.get(); }
  const report::RosterLayout* layout() const { return layout_.get(); }
  int page() const { return page_; }
  wxString status() const;
  const wxBitmap& previewBitmap() const { return bitmap_; }
  const std::vector<std::string>& scopeCodes() const { return scopeCodes_; }

 private:
  void fillScopes();
  void rebuild();  // reads the roster the controls describe
  void renderPreview();
  void saveAs(const wxString& extension);
  void say(const wxString& text, bool alert);
  exchange::ExportStamp stamp() const;

  db::Ledger& ledger_;
  std::vector<std::string> scopeCodes_;  // by scope choice index
  std::unique_ptr<report::Roster> roster_;
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
};

}  // namespace gl::app
