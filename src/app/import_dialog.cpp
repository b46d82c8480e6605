#include "app/import_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/form_support.h"
#include "app/import_fields.h"
#include "app/import_profiles_dialog.h"
#include "core/mask.h"
#include "exchange/import_profile.h"
#include "exchange/import_report_text.h"
#include "text/describe.h"
#include "text/text.h"

namespace gl::app {

namespace {

using exchange::ImportField;

}  // namespace

ImportDialog::ImportDialog(wxWindow* parent, db::Ledger& ledger) : ledger_(ledger) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ImportDialog");
  pages_ = XRCCTRL(*this, "pages", wxSimplebook);
  picker_ = XRCCTRL(*this, "file", wxFilePickerCtrl);
  sheet_choice_ = XRCCTRL(*this, "sheet", wxChoice);
  headerInfo_ = XRCCTRL(*this, "headerInfo", wxStaticText);
  columns_ = XRCCTRL(*this, "columns", wxListCtrl);
  field_ = XRCCTRL(*this, "field", wxChoice);
  saveProfile_ = XRCCTRL(*this, "saveProfile", wxCheckBox);
  profileName_ = XRCCTRL(*this, "profileName", wxTextCtrl);
  checkSummary_ = XRCCTRL(*this, "checkSummary", wxStaticText);
  problems_ = XRCCTRL(*this, "problems", wxListCtrl);
  problemDetail_ = XRCCTRL(*this, "problemDetail", wxStaticText);
  doneSummary_ = XRCCTRL(*this, "doneSummary", wxStaticText);
  saveRejected_ = XRCCTRL(*this, "saveRejected", wxButton);
  progress_ = XRCCTRL(*this, "progress", wxGauge);
  status_ = XRCCTRL(*this, "status", wxStaticText);
  back_ = XRCCTRL(*this, "back", wxButton);
  next_ = XRCCTRL(*this, "next", wxButton);

  // TRANSLATORS: columns of the import dialog's list of the file's columns
  columns_->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(150));
  columns_->AppendColumn(_("Goes into"), wxLIST_FORMAT_LEFT, FromDIP(250));
  columns_->AppendColumn(_("First values"), wxLIST_FORMAT_LEFT, FromDIP(220));
  // TRANSLATORS: columns of the import dialog's list of rejected rows
  problems_->AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(60));
  problems_->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(120));
  problems_->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(460));
  for (auto field : choosableImportFields()) field_->Append(importFieldText(field));

  picker_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent& e) { chooseFile(e.GetPath().utf8_string()); });
  sheet_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { chooseSheet(sheet_choice_->GetSelection()); });
  columns_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    auto i = static_cast<std::size_t>(e.GetIndex());
    if (i >= fields_.size()) return;
    auto field = fields_[i].value_or(ImportField::Ignore);
    const auto& fields = choosableImportFields();
    auto at = std::find(fields.begin(), fields.end(), field);
    field_->SetSelection(at == fields.end() ? wxNOT_FOUND : static_cast<int>(at - fields.begin()));
    // The whole decision, however narrow the list's column: 门牌号 → 房号（表中另有楼栋列，门牌即房号）.
    if (preview_ && !preview_->columns[i].note.empty() && fields_[i] == preview_->columns[i].field)
      say(toWx(exchange::describeColumn(preview_->columns[i])), false);
    else
      say(wxString(), false);
  });
  field_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    long selected = columns_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0) return;
    int chosen = field_->GetSelection();
    if (chosen < 0) return;
    auto f = choosableImportFields()[static_cast<std::size_t>(chosen)];
    setField(static_cast<std::size_t>(selected), f == ImportField::Ignore ? std::nullopt : std::optional(f));
  });
  // The whole reason of the selected problem, however narrow its column.
  problems_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    problemDetail_->SetLabel(problems_->GetItemText(e.GetIndex(), 2));
    problemDetail_->Wrap(FromDIP(560));
    Layout();
  });
  XRCCTRL(*this, "manageProfiles", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { manageProfiles(); });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
  saveRejected_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxFileDialog dialog(this, _("Save the rejected rows"), wxString(), _("rejected rows.csv"),
                        _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() == wxID_OK) saveRejectedRows(dialog.GetPath().utf8_string());
  });
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (working()) cancelWork();
    else EndModal(imported_ ? wxID_OK : wxID_CANCEL);
  }, wxID_CANCEL);
  bindFormKeys(this);
  showStep(Step::Choose);
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

ImportDialog::~ImportDialog() = default;

exchange::ImportOptions ImportDialog::options(bool dryRun) const {
  exchange::ImportOptions o;
  if (preview_ && sheet_ >= 0) o.sheet = preview_->sheets[static_cast<std::size_t>(sheet_)];
  if (mappingChanged_ && preview_)
    for (std::size_t i = 0; i < preview_->columns.size(); ++i)
      if (!preview_->columns[i].header.empty())
        o.overrides.emplace_back(preview_->columns[i].header,
                                 std::string(exchange::fieldName(fields_[i].value_or(ImportField::Ignore))));
  o.dryRun = dryRun;
  return o;
}

void ImportDialog::chooseFile(const std::filesystem::path& file) {
  file_ = file;
  sheet_ = -1;
  mappingChanged_ = false;
  if (picker_->GetPath() != toWx(file.string())) picker_->SetPath(toWx(file.string()));
  loadPreview();
}

void ImportDialog::chooseSheet(int index) {
  sheet_ = index;
  mappingChanged_ = false;
  loadPreview();
}

void ImportDialog::loadPreview() {
  preview_.reset();
  report_.reset();
  try {
    preview_ = exchange::previewRoster(ledger_, file_, options(true));
    fields_.clear();
    for (const auto& c : preview_->columns) fields_.push_back(c.field);
    sheet_choice_->Clear();
    for (const auto& s : preview_->sheets) sheet_choice_->Append(toWx(s));
    for (std::size_t i = 0; i < preview_->sheets.size(); ++i)
      if (preview_->sheets[i] == preview_->sheet) sheet_choice_->SetSelection(static_cast<int>(i));
    headerInfo_->SetLabel(
        preview_->profile.empty()
            // TRANSLATORS: beside the sheet; %lld is the spreadsheet row that holds the column names
            ? wxString::Format(_("Column names on row %lld"), static_cast<long long>(preview_->headerRow))
            // TRANSLATORS: %1$lld the header's row, %2$s the name of the import profile recognised
            : wxString::Format(_("Column names on row %1$lld · import profile “%2$s”"),
                               static_cast<long long>(preview_->headerRow), toWx(preview_->profile)));
    say(wxString(), false);
  } catch (const gl::Error& e) {
    headerInfo_->SetLabel(wxString());
    say(toWx(text::describe(e)), true);
  }
  showColumns();
  showStep(Step::Choose);
}

void ImportDialog::showColumns() {
  columns_->DeleteAllItems();
  if (!preview_) return;
  for (std::size_t i = 0; i < preview_->columns.size(); ++i) {
    const auto& c = preview_->columns[i];
    long item = columns_->InsertItem(static_cast<long>(i), toWx(c.header));
    columns_->SetItem(item, 1, fieldWithNote(i));
    wxString samples;
    // Ids and phones masked, as in every list (docs/privacy.md §4).
    auto shown = [&](const std::string& value) {
      if (fields_[i] == ImportField::IdNumber) return core::maskId(value);
      if (fields_[i] == ImportField::Phone) return core::maskPhone(value);
      return value;
    };
    for (const auto& row : preview_->rows)
      if (i < row.size() && !row[i].empty() && samples.length() < 60)
        samples += (samples.empty() ? wxString() : wxString(" · ")) + toWx(shown(row[i]));
    columns_->SetItem(item, 2, samples);
  }
}

// The field a column goes into, with the reason when the other headers decided it (门牌 beside 楼栋).
wxString ImportDialog::fieldWithNote(std::size_t column) const {
  const auto& note = preview_->columns[column].note;
  if (note.empty() || fields_[column] != preview_->columns[column].field) return importFieldText(fields_[column]);
  // TRANSLATORS: a column's field in the import dialog, and why it was chosen: 房号 (表中另有楼栋列，门牌即房号)
  // xgettext:python-brace-format
  return toWx(text::format(N_("{field} ({why})"), fmt::arg("field", fromWx(importFieldText(fields_[column]))),
                           fmt::arg("why", text::tr(note))));
}

void ImportDialog::setField(std::size_t column, std::optional<ImportField> field) {
  if (column >= fields_.size()) return;
  fields_[column] = field;
  mappingChanged_ = true;
  columns_->SetItem(static_cast<long>(column), 1, fieldWithNote(column));
}

void ImportDialog::showStep(Step step) {
  step_ = step;
  pages_->SetSelection(static_cast<int>(step));
  back_->Enable(step != Step::Choose && !working());
  next_->Enable(!working() && preview_.has_value() && !(step == Step::Done && !report_));
  next_->SetLabel(step == Step::Choose ? _("Chec&k the rows") : step == Step::Check ? _("&Import") : _("&Close"));
  FindWindow(wxID_CANCEL)->Enable(step != Step::Done || working());
  saveRejected_->Enable(report_ && !report_->rejectedRows.empty());
  Layout();
}

void ImportDialog::next() {
  if (working() || !preview_) return;
  if (step_ == Step::Choose) startWork(true);
  else if (step_ == Step::Check) startWork(false);
  else EndModal(imported_ ? wxID_OK : wxID_CANCEL);
}

void ImportDialog::back() {
  if (working() || step_ == Step::Choose) return;
  showStep(step_ == Step::Done ? Step::Check : Step::Choose);
}

void ImportDialog::startWork(bool dryRun) {
  workIsDryRun_ = dryRun;
  const core::Date today = ledger_.today();
  std::filesystem::path roster = file_;
  exchange::ImportOptions o = options(dryRun);
  progress_->SetValue(0);
  task_ = BackgroundTask::start<exchange::ImportReport>(
      *this,
      onLedger<exchange::ImportReport>(ledger_.path(), [today, roster, o](db::Ledger& ledger, const core::Reporter& r) {
        ledger.setToday(today);
        auto withProgress = o;
        withProgress.progress = r;
        return exchange::importRoster(ledger, roster, withProgress);
      }),
      [this](exchange::ImportReport&& report) { workFinished(std::move(report)); },
      [this](std::exception_ptr error) { workFailed(error); },
      [this](const core::Progress& p) {
        if (p.total > 0) progress_->SetValue(static_cast<int>(std::min<std::int64_t>(1000, p.done * 1000 / p.total)));
      });
  say(dryRun ? _("Checking every row…") : _("Importing…"), false);
  showStep(step_);
  FindWindow(wxID_CANCEL)->Enable();
}

void ImportDialog::cancelWork() {
  if (task_) task_->cancel();
}

void ImportDialog::workFailed(std::exception_ptr error) {
  task_.reset();
  say(toWx(failureText(error)), true);
  showStep(step_);
}

void ImportDialog::workFinished(exchange::ImportReport report) {
  task_.reset();
  progress_->SetValue(1000);
  report_ = std::move(report);
  if (report_->cancelled) {
    say(_("Cancelled: nothing was written."), false);
    showStep(workIsDryRun_ ? Step::Choose : Step::Check);
    return;
  }
  if (workIsDryRun_) {
    showCheck(*report_);
    return;
  }
  imported_ = report_->written;
  if (imported_ && saveProfile_->GetValue() && !profileName_->GetValue().Strip(wxString::both).empty()) {
    try {
      exchange::saveProfile(ledger_, exchange::profileOf(fromWx(profileName_->GetValue().Strip(wxString::both)), *report_));
    } catch (const gl::Error& e) {
      say(toWx(text::describe(e)), true);
    }
  }
  showDone(*report_);
}

void ImportDialog::showCheck(const exchange::ImportReport& r) {
  problems_->DeleteAllItems();
  long item = 0;
  auto add = [&](const wxString& row, const std::string& header, const wxString& problem) {
    problems_->InsertItem(item, row);
    problems_->SetItem(item, 1, toWx(header));
    problems_->SetItem(item++, 2, problem);
  };
  // A field no column gives is said once, first: every row needing it is below.
  for (const auto& m : r.missingColumns) add(wxString(), std::string(), toWx(exchange::describeMissing(m, r, false)));
  auto place = [](core::Issue issue) {
    issue.row = 0;
    issue.column = 0;
    return text::describe(issue);
  };
  for (const auto& row : r.rejectedRows)
    for (const auto& issue : row.issues)
      if (issue.severity == core::Severity::Error)
        add(wxString::Format("%lld", static_cast<long long>(row.row)), issue.heading, toWx(place(issue)));
  for (const auto& issue : r.warnings)
    // TRANSLATORS: a row of a roster that is imported, with something worth checking
    // xgettext:python-brace-format
    add(wxString::Format("%d", issue.row), issue.heading,
        toWx(text::format(N_("Imported, but check: {message}"), fmt::arg("message", place(issue)))));
  // TRANSLATORS: after checking a roster; %1$lld rows in all, %2$lld good, %3$lld rejected, %4$lld skipped
  checkSummary_->SetLabel(wxString::Format(_("%1$lld rows: %2$lld can be imported, %3$lld would be rejected (listed "
                                             "below), %4$lld total or note rows skipped. Nothing has been written yet."),
                                           static_cast<long long>(r.rows), static_cast<long long>(r.imported),
                                           static_cast<long long>(r.rejected), static_cast<long long>(r.skipped)));
  problemDetail_->SetLabel(wxString());
  if (problems_->GetItemCount() > 0)
    problems_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  say(wxString(), false);
  showStep(Step::Check);
}

void ImportDialog::showDone(const exchange::ImportReport& r) {
  wxString text = wxString::Format(
      // TRANSLATORS: after an import; the counts of what was written
      _("%1$lld rows imported, %2$lld rejected.\nNew: %3$lld persons, %4$lld households (%5$lld without a grid, "
        "to dispatch), %6$lld quarantines, %7$lld visits. %8$lld persons updated."),
      static_cast<long long>(r.imported), static_cast<long long>(r.rejected), static_cast<long long>(r.personsCreated),
      static_cast<long long>(r.householdsCreated), static_cast<long long>(r.householdsUnassigned),
      static_cast<long long>(r.quarantinesCreated), static_cast<long long>(r.visitsCreated),
      static_cast<long long>(r.personsUpdated));
  doneSummary_->SetLabel(text);
  say(r.written ? wxString() : _("Nothing was written."), !r.written);
  showStep(Step::Done);
}

void ImportDialog::manageProfiles() {
  ImportProfilesDialog dialog(this, ledger_);
  dialog.ShowModal();
  if (dialog.changed() && !file_.empty()) loadPreview();
}

wxString ImportDialog::problemDetail() const { return problemDetail_->GetLabel(); }

void ImportDialog::saveRejectedRows(const std::filesystem::path& out) {
  if (!report_) return;
  try {
    exchange::writeRejectedRows(*report_, out);
    // TRANSLATORS: %s is the file the rejected rows were written to
    say(wxString::Format(_("Rejected rows saved to %s"), toWx(out.string())), false);
  } catch (const gl::Error& e) {
    say(toWx(text::describe(e)), true);
  }
}

void ImportDialog::say(const wxString& text, bool alert) {
  status_->SetLabel(text);
  status_->SetForegroundColour(alert ? wxColour(176, 0, 32) : GetForegroundColour());
  status_->Wrap(FromDIP(560));
  Layout();
}

wxString ImportDialog::status() const { return status_->GetLabel(); }

}  // namespace gl::app
