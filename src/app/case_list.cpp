#include "app/case_list.h"

#include "app/check_sheet.h"
#include "app/quarantine_panel.h"
#include "core/mask.h"
#include "db/quarantine_queries.h"
#include "text/labels.h"

namespace gl::app {

namespace {

enum Column { kName, kIdNumber, kGrid, kAddress, kKind, kDay, kPlannedEnd, kStatus };

}  // namespace

CaseList::CaseList(QuarantinePanel* panel)
    : wxListView(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_THEME),
      panel_(panel) {
  AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(80));
  AppendColumn(_("Identity number"), wxLIST_FORMAT_LEFT, FromDIP(150));
  AppendColumn(_("Grid"), wxLIST_FORMAT_LEFT, FromDIP(70));
  AppendColumn(_("Address"), wxLIST_FORMAT_LEFT, FromDIP(160));
  AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(110));
  AppendColumn(_("Day"), wxLIST_FORMAT_LEFT, FromDIP(95));
  AppendColumn(_("Planned end"), wxLIST_FORMAT_LEFT, FromDIP(90));
  AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(240));
  release_.SetBackgroundColour(wxColour(222, 244, 222));
  extend_.SetBackgroundColour(wxColour(255, 240, 200));
  overdue_.SetBackgroundColour(wxColour(255, 222, 222));
  overdue_.SetTextColour(wxColour(150, 0, 0));
}

wxString CaseList::OnGetItemText(long item, long column) const {
  const auto& cases = panel_->cases_;
  if (item < 0 || item >= static_cast<long>(cases.size())) return {};
  const auto& q = cases[static_cast<std::size_t>(item)];
  switch (column) {
    case kName: return toWx(q.name);
    case kIdNumber: return q.idNumber.empty() ? wxString() : toWx(core::maskId(q.idNumber));
    case kGrid: return toWx(q.grid);
    case kAddress: return shortAddress(q.address);  // the grid is the column before
    case kKind: return toWx(text::codeLabel(q.kind));
    case kDay: return QuarantinePanel::dayText(q.day, q.totalDays);
    case kPlannedEnd: return toWx(q.plannedEnd.iso());
    case kStatus: return panel_->statusText(q.id);
    default: return {};
  }
}

wxItemAttr* CaseList::OnGetItemAttr(long item) const {
  const auto& cases = panel_->cases_;
  if (item < 0 || item >= static_cast<long>(cases.size())) return nullptr;
  auto it = panel_->reviews_.find(cases[static_cast<std::size_t>(item)].id);
  if (it == panel_->reviews_.end()) return nullptr;
  switch (it->second.proposal) {
    case core::Proposal::Release:
    case core::Proposal::ReleaseAndChain: return &release_;
    case core::Proposal::Extend: return &extend_;
    case core::Proposal::Overdue: return &overdue_;
    case core::Proposal::None: return nullptr;
  }
  return nullptr;
}

}  // namespace gl::app
