// What every form shares (docs/style.md §6): validation messages placed next to their fields, a
// save that turns a refused write into those messages, and asking before unsaved input is lost.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <wx/string.h>

#include "core/issue.h"
#include "core/schema.h"

namespace gl::db {
class Ledger;
}

class wxDialog;
class wxStaticText;
class wxWindow;

namespace gl::app {

inline wxString toWx(std::string_view s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string fromWx(const wxString& s) { return s.utf8_string(); }
// A cell value from a text field: empty text is NULL.
core::Value cellFrom(const wxString& text);

class FieldMessages {
 public:
  // `table` names the record's table, so a column's label fits it ("name": 姓名 or 活动名称).
  FieldMessages() = default;
  explicit FieldMessages(core::Table table) : table_(core::tableSpec(table).name) {}
  // `message` is the (initially empty) red text beside or below `control`; `column` is a typed
  // reference (`col::resident::phone`), or "" for the form's general message.
  void add(std::string_view column, wxWindow* control, wxStaticText* message);
  void clear();
  // Shows each issue beside its field (those without a field go to the form's general message, if
  // one was added under the column ""), focuses the first field with an error, and returns whether
  // there were none.
  bool show(const std::vector<core::Issue>& issues);
  // The message currently shown for a column ("" when none).
  wxString message(std::string_view column) const;

 private:
  struct Field {
    std::string column;
    wxWindow* control;
    wxStaticText* message;
  };
  std::string table_;
  std::vector<Field> fields_;
};

// A field's own problems as the worker types or leaves it, without moving the focus (FieldMessages::show
// would): warnings in amber, errors in red; the label takes no room when there are none.
void showFieldIssues(wxStaticText* label, const std::vector<core::Issue>& issues);

// Validates a record's cells without writing (as the ledger would), for messages as the user types.
std::vector<core::Issue> checkCells(core::Table table, core::Cells cells, core::Date today, bool isNew);

// Runs a ledger write. A refused record (gl::ValidationError) shows its issues beside the fields and
// returns false; any other gl::Error is described in a message box and returns false.
bool saveOrShow(const std::function<void()>& write, FieldMessages& messages, wxWindow* parent);

// Saves a form's record as one ledger write: a new row (`id` empty; cells left empty are left out, so
// the ledger derives what it can, such as the document type from the number) or only the cells
// that differ from `original` (the change log stamps cells and sync merges them one by one). Every
// problem, rules and required fields alike, is shown beside its field at once before the ledger is
// asked. Returns the row's id, or "" when nothing was saved.
std::string saveRecord(db::Ledger& ledger, core::Table table, const std::string& id, core::Cells cells,
                       const core::Cells& original, FieldMessages& messages, wxWindow* parent);

// A form's keys (docs/style.md §6). Enter saves it from any field: GTK's choice lists would
// otherwise open their popup on Enter, and check boxes ignore it. Enter on a button, in a multi-line
// text or in a control that takes Enter itself (wxTE_PROCESS_ENTER) keeps its own meaning. Alt and
// a label's underlined letter ("&File:", "文件(&F)：") moves to the control after the label, as
// Windows does by itself and GTK does only for labels told their widget.
void bindFormKeys(wxDialog* dialog);

// "Discard your changes?" — true when the user agrees to lose them.
bool confirmDiscard(wxWindow* parent);

// Cancel, Escape or the close box of a form: asks first when it has unsaved input, then ends the
// modal loop with `result` (or hides a form shown modelessly). Returns false when the user stays.
bool closeForm(wxDialog* dialog, bool dirty, int result);

// Message labels take no room while empty (GTK gives an empty label a line's height) and wrap at
// `wrapDialogUnits` when shown; the dialog's height follows them, a width the user gave is kept.
void fitMessages(wxDialog* dialog, const std::vector<wxStaticText*>& labels, int wrapDialogUnits);
// The dialog's message labels found by name: names ending in "Message", plus `extra` names.
std::vector<wxStaticText*> messageLabels(wxDialog* dialog, std::initializer_list<const char*> extra);

}  // namespace gl::app
