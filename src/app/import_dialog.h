// File → Import (forms/import_dialog.xrc): a roster spreadsheet in three steps. 1. Pick the file and
// sheet, see the columns with the fields they were matched to (a saved import profile is recognised)
// and change any. 2. "Check the rows": a dry run on a worker thread lists every row that would be
// rejected, with its row, column and reason. 3. "Import": the real import, with a progress bar and
// Cancel (the ledger stays as it was), then a summary and "Save rejected rows…".
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <exception>

#include <wx/dialog.h>

#include "app/background_task.h"
#include "db/ledger.h"
#include "exchange/roster_import.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxGauge;
class wxListCtrl;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace gl::app {

class ImportDialog : public wxDialog {
 public:
  enum class Step { Choose, Check, Done };

  ImportDialog(wxWindow* parent, db::Ledger& ledger);
  ~ImportDialog() override;

  // What the buttons and fields do, callable by tests.
  void chooseFile(const std::filesystem::path& file);
  void chooseSheet(int index);
  void setField(std::size_t column, std::optional<exchange::ImportField> field);  // nullopt: leave out
  // What the list shows a column goes into, with the reason when the other headers decided it.
  wxString fieldWithNote(std::size_t column) const;
  void next();  // Check the rows → Import → Close
  void back();
  void cancelWork();
  void saveRejectedRows(const std::filesystem::path& out);
  void manageProfiles();  // the saved import profiles, then the file's columns again

  Step step() const { return step_; }
  bool working() const { return task_ != nullptr; }
  bool imported() const { return imported_; }
  const std::optional<exchange::RosterPreview>& preview() const { return preview_; }
  const std::optional<exchange::ImportReport>& report() const { return report_; }
  // The field a column goes into now (the user's choice, else what was detected).
  std::optional<exchange::ImportField> mappedField(std::size_t column) const {
    return column < fields_.size() ? fields_[column] : std::nullopt;
  }
  wxString status() const;
  wxListCtrl* problemList() const { return problems_; }
  wxListCtrl* columnList() const { return columns_; }
  wxString problemDetail() const;
  wxCheckBox* saveProfileBox() const { return saveProfile_; }
  wxTextCtrl* profileNameField() const { return profileName_; }

 private:
  void loadPreview();
  void showColumns();
  void showStep(Step step);
  void startWork(bool dryRun);
  void workFinished(exchange::ImportReport report);
  void workFailed(std::exception_ptr error);
  void showCheck(const exchange::ImportReport& report);
  void showDone(const exchange::ImportReport& report);
  void say(const wxString& text, bool alert);
  exchange::ImportOptions options(bool dryRun) const;

  db::Ledger& ledger_;
  std::filesystem::path file_;
  int sheet_ = -1;  // -1: the first with a header row
  std::optional<exchange::RosterPreview> preview_;
  std::vector<std::optional<exchange::ImportField>> fields_;  // the user's mapping, by column
  bool mappingChanged_ = false;
  std::optional<exchange::ImportReport> report_;
  bool workIsDryRun_ = true;
  bool imported_ = false;
  Step step_ = Step::Choose;

  wxSimplebook* pages_ = nullptr;
  wxFilePickerCtrl* picker_ = nullptr;
  wxChoice* sheet_choice_ = nullptr;
  wxStaticText* headerInfo_ = nullptr;
  wxListCtrl* columns_ = nullptr;
  wxChoice* field_ = nullptr;
  wxCheckBox* saveProfile_ = nullptr;
  wxTextCtrl* profileName_ = nullptr;
  wxStaticText* checkSummary_ = nullptr;
  wxListCtrl* problems_ = nullptr;
  wxStaticText* problemDetail_ = nullptr;
  wxStaticText* doneSummary_ = nullptr;
  wxButton* saveRejected_ = nullptr;
  wxGauge* progress_ = nullptr;
  wxStaticText* status_ = nullptr;
  wxButton* back_ = nullptr;
  wxButton* next_ = nullptr;
  std::unique_ptr<BackgroundTask> task_;  // last: stops before the controls its hooks touch
};

}  // namespace gl::app
