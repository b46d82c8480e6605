#include "app/household_list_model.h"

#include <algorithm>

#include "app/form_support.h"
#include "core/mask.h"
#include "text/labels.h"
#include "db/household_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {
// Pages kept while scrolling: 64 × 200 rows, a few MB; scrolling back to them reads nothing.
constexpr std::size_t kMaxPages = 64;
}  // namespace

HouseholdListModel::HouseholdListModel(const db::Ledger& ledger) : wxDataViewVirtualListModel(0), ledger_(ledger) {}

void HouseholdListModel::setKeys(std::vector<std::int64_t> keys) {
  keys_ = std::move(keys);
  pages_.clear();
  Reset(static_cast<unsigned>(keys_.size()));
}

void HouseholdListModel::forgetRows() { pages_.clear(); }

const HouseholdListModel::Page& HouseholdListModel::page(std::size_t index) const {
  auto found = pages_.find(index);
  if (found != pages_.end()) return found->second;
  if (pages_.size() >= kMaxPages) {
    // Drop the cached page farthest from the one asked for (the view scrolls, it rarely jumps back).
    auto first = pages_.begin();
    auto last = std::prev(pages_.end());
    pages_.erase(index - std::min(index, first->first) > last->first - std::min(last->first, index) ? first : last);
  }
  std::size_t begin = index * kPageSize;
  std::size_t end = std::min(keys_.size(), begin + kPageSize);
  std::vector<std::int64_t> keys(keys_.begin() + static_cast<std::ptrdiff_t>(begin),
                                 keys_.begin() + static_cast<std::ptrdiff_t>(end));
  Page rows;
  rows.reserve(keys.size());
  auto fetched = db::HouseholdQueries(ledger_, ledger_.readerScope()).byKeys(keys);
  ++pagesRead_;
  if (fetched.size() == keys.size()) {
    for (auto& r : fetched) rows.emplace_back(std::move(r));
  } else {
    // A household deleted since the keys were read leaves no row: read the page key by key so that
    // every other row stays on its line.
    for (std::int64_t key : keys) {
      auto one = db::HouseholdQueries(ledger_, ledger_.readerScope()).byKeys({key});
      if (one.empty())
        rows.emplace_back(std::nullopt);
      else
        rows.emplace_back(std::move(one.front()));
    }
  }
  return pages_.emplace(index, std::move(rows)).first->second;
}

const db::Row* HouseholdListModel::rowAt(std::size_t row) const {
  if (row >= keys_.size()) return nullptr;
  const Page& p = page(row / kPageSize);
  std::size_t offset = row % kPageSize;
  if (offset >= p.size() || !p[offset]) return nullptr;
  return &*p[offset];
}

std::optional<std::size_t> HouseholdListModel::findId(const std::string& id, std::size_t near,
                                                      std::size_t maxPages) const {
  if (keys_.empty() || id.empty()) return std::nullopt;
  std::size_t pageCount = (keys_.size() + kPageSize - 1) / kPageSize;
  std::size_t start = std::min(near, keys_.size() - 1) / kPageSize;
  auto look = [&](std::size_t index) -> std::optional<std::size_t> {
    const Page& p = page(index);
    for (std::size_t i = 0; i < p.size(); ++i)
      if (p[i] && p[i]->id == id) return index * kPageSize + i;
    return std::nullopt;
  };
  // start, start+1, start-1, start+2, … : a reload finds a row that moved a little at once.
  std::size_t looked = 0;
  for (std::size_t distance = 0; looked < maxPages && looked < pageCount; ++distance) {
    if (start + distance < pageCount) {
      ++looked;
      if (auto found = look(start + distance)) return found;
    }
    if (distance > 0 && distance <= start && looked < maxPages) {
      ++looked;
      if (auto found = look(start - distance)) return found;
    }
    if (start + distance >= pageCount && distance >= start) break;
  }
  return std::nullopt;
}

wxString HouseholdListModel::text(std::size_t row, unsigned column) const {
  const db::Row* r = rowAt(row);
  if (!r) return {};
  auto cell = [&](const core::Column& column) { return r->text(column); };
  switch (column) {
    case kNumber: return toWx(cell(col::household::householdNo));
    case kAddress: return toWx(cell(col::household::address));
    case kBuilding: return toWx(cell(col::household::building));
    case kUnit: return toWx(cell(col::household::unit));
    case kRoom: return toWx(cell(col::household::room));
    case kKind: {
      std::string kind = cell(col::household::kind);
      return kind.empty() ? wxString() : toWx(text::codeLabel(kind));
    }
    case kPhone: {
      std::string phone = cell(col::household::phone);
      return phone.empty() ? wxString() : toWx(core::maskPhone(phone));
    }
    default: return {};
  }
}

void HouseholdListModel::GetValueByRow(wxVariant& variant, unsigned row, unsigned column) const {
  variant = text(row, column);
}

}  // namespace gl::app
