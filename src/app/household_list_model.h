// The Households tab's list as a virtual model (docs/style.md §6, after Poedit's edlistctrl): it holds
// the row keys of the filtered households only (Ledger::householdKeys) and reads rows a page at a time
// when the view draws them (Ledger::householdsByKey), so a county of 300,000 households costs 2.4 MB
// of keys and a few pages of rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/dataview.h>

#include "db/ledger.h"

namespace gl::app {

class HouseholdListModel : public wxDataViewVirtualListModel {
 public:
  enum Column : unsigned { kNumber, kAddress, kBuilding, kUnit, kRoom, kKind, kPhone, kColumnCount };
  static constexpr std::size_t kPageSize = 200;

  explicit HouseholdListModel(const db::Ledger& ledger);

  // Replaces the rows (after a filter change or a reload): the view is told the new count and every
  // cached page is dropped.
  void setKeys(std::vector<std::int64_t> keys);
  // Drops the cached pages so that edited rows are read again (the keys stay).
  void forgetRows();

  std::size_t size() const { return keys_.size(); }
  std::int64_t keyAt(std::size_t row) const { return keys_[row]; }
  // The household shown on a row (its page is read when not cached); nullptr when it has gone since
  // the keys were read.
  const db::Row* rowAt(std::size_t row) const;
  // The row showing the household `id`, looking first at the page of `near` and then outwards, at
  // most `maxPages` pages (reading them as needed).
  std::optional<std::size_t> findId(const std::string& id, std::size_t near = 0,
                                    std::size_t maxPages = static_cast<std::size_t>(-1)) const;
  // How many pages were read from the ledger since the model was made (for tests: a view that shows
  // twenty rows of a 300,000-row list must not read them all).
  std::size_t pagesRead() const { return pagesRead_; }

  // The text of a cell as the list shows it (ids masked, codes translated).
  wxString text(std::size_t row, unsigned column) const;

  void GetValueByRow(wxVariant& variant, unsigned row, unsigned column) const override;
  bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

 private:
  using Page = std::vector<std::optional<db::Row>>;
  const Page& page(std::size_t index) const;

  const db::Ledger& ledger_;
  std::vector<std::int64_t> keys_;
  mutable std::map<std::size_t, Page> pages_;
  mutable std::size_t pagesRead_ = 0;
};

}  // namespace gl::app
