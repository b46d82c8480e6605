#include "app/form_support.h"

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/window.h>

#include "app/app.h"
#include "core/validation_error.h"
#include "db/ledger.h"
#include "text/describe.h"

namespace gl::app {

core::Value cellFrom(const wxString& text) {
  wxString t = text;
  t.Trim(true).Trim(false);
  return t.empty() ? core::Value() : core::Value(fromWx(t));
}

void FieldMessages::add(std::string_view column, wxWindow* control, wxStaticText* message) {
  fields_.push_back({std::string(column), control, message});
  if (message && message->GetLabel().empty()) message->Hide();  // no blank line under a field without a message
}

void showFieldIssues(wxStaticText* label, const std::vector<core::Issue>& issues) {
  wxString text;
  bool error = false;
  for (const auto& issue : issues) {
    text += (text.empty() ? "" : "\n") + toWx(text::describe(issue));
    error |= issue.severity == core::Severity::Error;
  }
  label->SetForegroundColour(error ? wxColour(176, 0, 32) : wxColour(150, 90, 0));
  label->SetLabel(text);
  label->Show(!text.empty());
}

void FieldMessages::clear() {
  for (auto& f : fields_)
    if (f.message) {
      f.message->SetLabel(wxString());
      f.message->Hide();
    }
}

bool FieldMessages::show(const std::vector<core::Issue>& issues) {
  clear();
  wxWindow* firstBad = nullptr;
  bool ok = true;
  for (const auto& issue : issues) {
    if (issue.severity == core::Severity::Error) ok = false;
    auto it = std::find_if(fields_.begin(), fields_.end(), [&](const Field& f) { return f.column == issue.field; });
    if (it == fields_.end())
      it = std::find_if(fields_.begin(), fields_.end(), [](const Field& f) { return f.column.empty(); });
    if (it == fields_.end() || !it->message) continue;
    wxString text = toWx(text::describe(issue, table_));
    wxString current = it->message->GetLabel();
    it->message->SetLabel(current.empty() ? text : current + "\n" + text);
    it->message->Show();
    it->message->SetForegroundColour(issue.severity == core::Severity::Error ? wxColour(176, 0, 32) : wxColour(150, 90, 0));
    if (issue.severity == core::Severity::Error && !firstBad) firstBad = it->control;
  }
  if (firstBad) firstBad->SetFocus();
  for (auto& f : fields_)
    if (f.message && f.message->GetParent()) f.message->GetParent()->Layout();
  // A dialog grows to show its messages (and shrinks back when they are gone).
  if (!fields_.empty() && fields_.front().control)
    if (auto* dialog = dynamic_cast<wxDialog*>(wxGetTopLevelParent(fields_.front().control))) {
      std::vector<wxStaticText*> labels;
      for (auto& f : fields_)
        if (f.message) labels.push_back(f.message);
      fitMessages(dialog, labels, 0);
    }
  return ok;
}

wxString FieldMessages::message(std::string_view column) const {
  for (const auto& f : fields_)
    if (f.column == column && f.message) return f.message->GetLabel();
  return {};
}

std::vector<core::Issue> checkCells(core::Table table, core::Cells cells, core::Date today, bool isNew) {
  const auto& spec = core::tableSpec(table);
  std::vector<core::Issue> issues;
  const auto idHint = core::idTypeHintOf(table, cells);
  for (auto& c : cells) {
    const auto* column = spec.column(c.column);
    if (!column) continue;
    auto found = core::normalizeCell(*column, c.value, today, idHint);
    issues.insert(issues.end(), found.begin(), found.end());
  }
  if (isNew && !core::hasErrors(issues)) {
    auto missing = core::checkRequired(spec, cells);
    issues.insert(issues.end(), missing.begin(), missing.end());
  }
  return issues;
}

bool saveOrShow(const std::function<void()>& write, FieldMessages& messages, wxWindow* parent) {
  try {
    write();
    messages.clear();
    return true;
  } catch (const ValidationError& e) {
    messages.show(e.issues());
    return false;
  } catch (const gl::Error&) {
    showError(parent, std::current_exception());
    return false;
  }
}

std::string saveRecord(db::Ledger& ledger, core::Table table, const std::string& id, core::Cells cells,
                       const core::Cells& original, FieldMessages& messages, wxWindow* parent) {
  const bool isNew = id.empty();
  std::erase_if(cells, [&](const core::Cell& c) {
    if (isNew) return !c.value;
    return std::any_of(original.begin(), original.end(),
                       [&](const core::Cell& o) { return o.column == c.column && o.value == c.value; });
  });
  auto issues = checkCells(table, cells, ledger.today(), false);
  if (isNew) {
    auto missing = core::checkRequired(core::tableSpec(table), cells);
    issues.insert(issues.end(), missing.begin(), missing.end());
  }
  if (core::hasErrors(issues)) {
    messages.show(issues);
    return {};
  }
  std::string saved;
  saveOrShow([&] {
    if (isNew)
      saved = ledger.insert(table, cells);
    else {
      if (!cells.empty()) ledger.update(table, id, cells);
      saved = id;
    }
  }, messages, parent);
  return saved;
}

namespace {

// The letter after a single '&' in a label, upper case; 0 when it has none.
int mnemonicOf(const wxString& label) {
  for (std::size_t i = 0; i + 1 < label.length(); ++i) {
    if (label[i] != '&') continue;
    if (label[i + 1] == '&') {
      ++i;
      continue;
    }
    return static_cast<int>(wxToupper(label[i + 1]));
  }
  return 0;
}

// The control a label names: the first sibling after it that takes the keyboard.
wxWindow* labelledBy(wxStaticText* label) {
  for (wxWindow* w = label->GetNextSibling(); w; w = w->GetNextSibling())
    if (w->IsShown() && w->IsEnabled() && !dynamic_cast<wxStaticText*>(w) && w->CanAcceptFocus()) return w;
  return nullptr;
}

wxWindow* controlForMnemonic(wxWindow* parent, int key) {
  for (wxWindow* child : parent->GetChildren()) {
    if (!child->IsShownOnScreen()) continue;
    if (auto* label = dynamic_cast<wxStaticText*>(child); label && mnemonicOf(label->GetLabel()) == key)
      if (wxWindow* target = labelledBy(label)) return target;
    if (wxWindow* inner = controlForMnemonic(child, key)) return inner;
  }
  return nullptr;
}

}  // namespace

void bindFormKeys(wxDialog* dialog) {
  dialog->Bind(wxEVT_CHAR_HOOK, [dialog](wxKeyEvent& e) {
    const int key = e.GetKeyCode();
#ifdef __WXGTK__
    if (e.GetModifiers() == wxMOD_ALT && key < 128 && wxIsalnum(key)) {
      if (wxWindow* target = controlForMnemonic(dialog, static_cast<int>(wxToupper(key)))) {
        target->SetFocus();
        return;
      }
    }
#endif
    wxWindow* focus = wxWindow::FindFocus();
    auto* button = dynamic_cast<wxButton*>(dialog->GetDefaultItem());
    auto* text = dynamic_cast<wxTextCtrl*>(focus);
    auto* combo = dynamic_cast<wxComboBox*>(focus);
    bool ownEnter = (text && (text->IsMultiLine() || text->HasFlag(wxTE_PROCESS_ENTER))) ||
                    (combo && combo->HasFlag(wxTE_PROCESS_ENTER));
    if ((key != WXK_RETURN && key != WXK_NUMPAD_ENTER) || e.HasAnyModifiers() || !button || !button->IsEnabled() ||
        !focus || wxGetTopLevelParent(focus) != dialog || dynamic_cast<wxButton*>(focus) || ownEnter) {
      e.Skip();
      return;
    }
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    wxPostEvent(button, click);
  });
}

bool confirmDiscard(wxWindow* parent) {
  return wxMessageBox(_("You have changes that are not saved. Close without saving them?"), _("Unsaved changes"),
                      wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, parent) == wxYES;
}

bool closeForm(wxDialog* dialog, bool dirty, int result) {
  if (dirty && !confirmDiscard(dialog)) return false;
  if (dialog->IsModal())
    dialog->EndModal(result);
  else
    dialog->Hide();
  return true;
}

void fitMessages(wxDialog* dialog, const std::vector<wxStaticText*>& labels, int wrapDialogUnits) {
  int wrap = wrapDialogUnits > 0 ? dialog->ConvertDialogToPixels(wxSize(wrapDialogUnits, 0)).x : 0;
  for (auto* label : labels) {
    bool show = !label->GetLabel().empty();
    if (show && wrap > 0 && label->GetTextExtent(label->GetLabel()).x > wrap) label->Wrap(wrap);
    label->Show(show);
  }
  dialog->Layout();
  if (!dialog->GetSizer()) return;
  wxSize fitting = dialog->GetSizer()->ComputeFittingWindowSize(dialog);
  wxSize now = dialog->GetSize();
  dialog->SetMinSize(fitting);
  if (fitting.y != now.y || fitting.x > now.x) dialog->SetSize(wxSize(std::max(fitting.x, now.x), fitting.y));
}

std::vector<wxStaticText*> messageLabels(wxDialog* dialog, std::initializer_list<const char*> extra) {
  std::vector<wxStaticText*> out;
  for (wxWindow* child : dialog->GetChildren()) {
    auto* label = dynamic_cast<wxStaticText*>(child);
    if (!label) continue;
    wxString name = label->GetName();
    bool wanted = name.EndsWith("Message");
    for (const char* e : extra) wanted |= name == e;
    if (wanted) out.push_back(label);
  }
  return out;
}

}  // namespace gl::app
