// The grid tree: township → community → grid → building, loaded one level at a time when opened
// (a county has thousands of grids). Choosing a grid or building filters the Households tab.
#pragma once

#include <functional>

#include <wx/treectrl.h>

#include "db/ledger.h"

namespace gl::app {

class GridTree : public wxTreeCtrl {
 public:
  using Select = std::function<void(const db::HouseholdFilter&)>;
  GridTree(wxWindow* parent, db::Ledger& ledger);

  void onSelect(Select select) { select_ = std::move(select); }
  void reload();

 private:
  void loadChildren(const wxTreeItemId& item);

  db::Ledger& ledger_;
  Select select_;
};

}  // namespace gl::app
