#include "app/sync_problems_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include "app/form_support.h"
#include "core/error.h"
#include "core/mask.h"
#include "core/role.h"
#include "db/sync_ledger.h"
#include "text/describe.h"
#include "text/labels.h"

namespace gl::app {

namespace col = core::col;

namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

wxString reasonText(const std::string& reason) {
  if (reason == core::refusal::kOutsideScope) return _("outside your grids or not yours to change");
  if (reason == core::refusal::kUnknownColumn) return _("a field the data center does not know");
  if (reason == core::refusal::kWrongTable) return _("the row belongs to another table");
  if (reason == core::refusal::kInconsistent)
    return _("contradicts the rest of the record there (for example a birth date the identity number does not give)");
  return u8(reason);
}

void columns(wxListCtrl* list, std::initializer_list<wxString> names) {
  int i = 0;
  for (const auto& n : names) list->AppendColumn(n, wxLIST_FORMAT_LEFT, list->FromDIP(names.size() > 2 ? 150 : 260));
  (void)i;
}
}  // namespace

SyncProblemsDialog::SyncProblemsDialog(wxWindow* parent, db::Ledger& ledger, sync::SyncOptions options)
    : ledger_(ledger), options_(std::move(options)) {
  wxXmlResource::Get()->LoadDialog(this, parent, "SyncProblemsDialog");
  refused_ = XRCCTRL(*this, "refused", wxListCtrl);
  duplicates_ = XRCCTRL(*this, "duplicates", wxListCtrl);
  conflictList_ = XRCCTRL(*this, "conflicts", wxListCtrl);
  status_ = XRCCTRL(*this, "status", wxStaticText);
  columns(refused_, {_("Record"), _("Field"), _("Value refused"), _("Why")});
  columns(duplicates_, {_("Resident"), _("Same identity number as")});
  columns(conflictList_, {_("Record"), _("Field"), _("Value kept"), _("Other value"), _("Other by")});
  // Grid leaders and above see the concurrent edits; the list comes from the data center.
  auto role = db::SyncLedger(ledger_).account().role;
  leader_ = !options_.server.empty() && !role.empty() && core::settlesProblems(core::roleOrLeast(role));
  if (!leader_) conflictList_->Disable();
  fill();
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    db::SyncLedger(ledger_).clearRefusals();
    fill();
  }, XRCID("clearRefused"));
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { restoreSelected(); }, XRCID("restore"));
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { settleSelected(true); }, XRCID("merge"));
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { settleSelected(false); }, XRCID("distinct"));
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
  SetEscapeId(wxID_CLOSE);
  bindFormKeys(this);
  fitMessages(this, {status_}, 360);
  if (leader_) fetchConflicts();  // last: nothing after it may throw with the thread running
}

SyncProblemsDialog::~SyncProblemsDialog() = default;  // job_ stops asking and waits

void SyncProblemsDialog::fetchConflicts() {
  ask(_("Asking the data center for concurrent edits…"),
      [this](db::Ledger& own, const sync::SyncOptions& o) { fetched_ = sync::listConflicts(own, o); },
      [this] {
        conflicts_ = std::move(fetched_);
        status_->SetLabel(wxString());
      });
}

void SyncProblemsDialog::ask(const wxString& asking, std::function<void(db::Ledger&, const sync::SyncOptions&)> work,
                             std::function<void()> then) {
  status_->SetLabel(asking);
  fitMessages(this, {status_}, 360);
  then_ = std::move(then);
  for (const char* button : {"restore", "merge", "distinct"}) FindWindow(XRCID(button))->Disable();
  auto withStop = [work = std::move(work), options = options_](db::Ledger& own, const core::Reporter& reporter) {
    auto o = options;
    o.progress = reporter;
    work(own, o);
  };
  job_ = std::make_unique<BackgroundTask>(*this, onLedger<void>(ledger_.path(), withStop),
                                          BackgroundTask::Hooks{{}, [this](std::exception_ptr e) { answered(e); }});
}

void SyncProblemsDialog::answered(std::exception_ptr error) {
  job_.reset();  // busy() is false from here: fill() below enables the actions again
  if (error) status_->SetLabel(u8(failureText(error)));
  else then_();
  fill();
  fitMessages(this, {status_}, 360);
}

std::string SyncProblemsDialog::describeRow(core::Table table, const std::string& id) const {
  const auto& spec = core::tableSpec(table);
  auto row = ledger_.get(table, id);
  std::string what = text::tableLabel(spec.name);
  if (!row) return what + " " + id.substr(0, 8);
  if (table == core::Table::Resident) return what + " " + row->text(col::resident::name);
  if (table == core::Table::Household) return what + " " + row->text(col::household::address);
  if (spec.column("name")) return what + " " + row->text("name");
  return what + " " + id.substr(0, 8);
}

void SyncProblemsDialog::fill() {
  db::SyncLedger store(ledger_);
  refused_->DeleteAllItems();
  for (const auto& r : store.refusals()) {
    long i = refused_->InsertItem(refused_->GetItemCount(), u8(describeRow(r.table, r.row)));
    refused_->SetItem(i, 1, u8(text::fieldLabel(core::tableSpec(r.table).name, r.column)));
    refused_->SetItem(i, 2, u8(r.value.value_or("")));
    refused_->SetItem(i, 3, reasonText(r.reason));
  }
  duplicates_->DeleteAllItems();
  pairs_ = store.duplicates();
  for (const auto& [a, b] : pairs_) {
    auto person = [&](const std::string& id) {
      if (id.empty()) return std::string(_("registered elsewhere in the county: ask your grid leader").utf8_string());
      auto row = ledger_.get(core::Table::Resident, id);
      if (!row) return std::string(_("(outside your grids)").utf8_string());
      return row->text(col::resident::name) + " " + core::maskId(row->text(col::resident::idNumber));
    };
    long i = duplicates_->InsertItem(duplicates_->GetItemCount(), u8(person(a)));
    duplicates_->SetItem(i, 1, u8(person(b)));
  }
  conflictList_->DeleteAllItems();
  for (const auto& k : conflicts_) {
    long i = conflictList_->InsertItem(conflictList_->GetItemCount(), u8(describeRow(k.table, k.row)));
    conflictList_->SetItem(i, 1, u8(text::fieldLabel(core::tableSpec(k.table).name, k.column)));
    conflictList_->SetItem(i, 2, u8(k.kept.value_or("")));
    conflictList_->SetItem(i, 3, u8(k.other.value_or("")));
    conflictList_->SetItem(i, 4, u8(k.by));
  }
  FindWindow(XRCID("restore"))->Enable(!busy() && !conflicts_.empty());
  FindWindow(XRCID("merge"))->Enable(!busy() && leader_ && !pairs_.empty());
  FindWindow(XRCID("distinct"))->Enable(!busy() && leader_ && !pairs_.empty());
  FindWindow(XRCID("clearRefused"))->Enable(refused_->GetItemCount() > 0);
}

int SyncProblemsDialog::refusedCount() const { return refused_->GetItemCount(); }
int SyncProblemsDialog::duplicateCount() const { return duplicates_->GetItemCount(); }
int SyncProblemsDialog::conflictCount() const { return conflictList_->GetItemCount(); }

bool SyncProblemsDialog::settleSelected(bool merge) {
  long i = duplicates_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (busy() || i < 0 || i >= static_cast<long>(pairs_.size())) {
    if (!busy()) status_->SetLabel(_("Select a pair of residents first."));
    return false;
  }
  auto [a, b] = pairs_[static_cast<std::size_t>(i)];
  if (b.empty()) {
    status_->SetLabel(_("The other record is outside your grids: a grid leader who sees both settles the pair."));
    return false;
  }
  ask(_("Sending to the data center…"),
      [merge, a, b](db::Ledger& own, const sync::SyncOptions& o) {
        if (merge) sync::mergeDuplicate(own, o, a, b);
        else sync::markDistinct(own, o, a, b);
      },
      [this, merge, a, b] {
        std::erase(pairs_, std::pair{a, b});
        db::SyncLedger(ledger_).setDuplicates(pairs_);
        status_->SetLabel(merge ? _("Merged: the second record is removed with the next sync, its cases and visits moved to the first.")
                                : _("Marked as two different people."));
      });
  return true;
}

bool SyncProblemsDialog::restoreSelected() {
  long i = conflictList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (busy() || i < 0 || i >= static_cast<long>(conflicts_.size())) {
    if (!busy()) status_->SetLabel(_("Select a concurrent edit first."));
    return false;
  }
  std::int64_t id = conflicts_[static_cast<std::size_t>(i)].id;
  ask(_("Sending to the data center…"),
      [id](db::Ledger& own, const sync::SyncOptions& o) { sync::restoreConflict(own, o, id); },
      [this, id] {
        std::erase_if(conflicts_, [id](const sync::ConflictInfo& k) { return k.id == id; });
        status_->SetLabel(_("Restored: the other value reaches every ledger with the next sync."));
      });
  return true;
}

}  // namespace gl::app
