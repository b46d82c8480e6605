// The Quarantine tab's list of active cases: a virtual list, because a county may have thousands and
// rows are drawn on demand; a case the lifecycle proposes something for is coloured by the proposal.
#pragma once

#include <wx/listctrl.h>

namespace gl::app {

class QuarantinePanel;

class CaseList : public wxListView {
 public:
  explicit CaseList(QuarantinePanel* panel);

  wxString OnGetItemText(long item, long column) const override;
  wxItemAttr* OnGetItemAttr(long item) const override;

 private:
  QuarantinePanel* panel_;
  mutable wxItemAttr release_, extend_, overdue_;
};

}  // namespace gl::app
