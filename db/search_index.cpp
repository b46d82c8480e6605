#include "db/internal/search_index.h"

#include <algorithm>
#include <cassert>
#include <tuple>

#include "core/address.h"
#include "core/columns.h"
#include "core/identity.h"
#include "core/phone.h"
#include "core/ascii.h"
#include "core/pinyin.h"
#include "db/internal/ledger_state.h"

namespace gl::db {

namespace col = core::col;

namespace {

const core::Value* cell(const core::Cells& cells, std::string_view column) {
  for (const auto& c : cells)
    if (c.column == column) return c.value ? &c.value : nullptr;
  return nullptr;
}

using core::ascii::toLower;

std::string joined(std::string_view prefix, std::string_view key) {
  std::string t;
  t.reserve(prefix.size() + key.size());
  t.append(prefix).append(key);
  return t;
}

}  // namespace

std::string reversed(std::string_view ascii) { return std::string(ascii.rbegin(), ascii.rend()); }

std::vector<std::string> phoneDigits(std::string_view cellText) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < cellText.size()) {
    auto comma = cellText.find(',', start);
    auto part = cellText.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    auto checked = core::checkPhone(part);
    if (checked.valid && !checked.digits.empty()) out.push_back(checked.digits);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> searchTerms(core::Table table, const core::Cells& cells, std::string_view householdKey) {
  std::vector<std::string> terms;
  auto addPhones = [&](const core::Value* phone) {
    if (!phone) return;
    for (const auto& digits : phoneDigits(**phone)) terms.push_back(joined(term::kPhone, reversed(digits)));
  };
  if (table == core::Table::Resident) {
    if (auto* name = cell(cells, col::resident::name)) {
      terms.push_back(joined(term::kName, **name));
      // A surname with its own reading (曾 zēng, 单 shàn) is found under both readings: the surname's
      // and the everyday one people may type.
      auto [fulls, initials] = core::pinyin::nameSpellings(**name);
      for (std::size_t k = 0; k < fulls.size() && k < initials.size(); ++k) {
        // Initials first, then the full pinyin: "zs" lists 张三 before 张思 in pinyin order.
        if (!initials[k].empty()) terms.push_back(joined(term::kInitials, initials[k] + '\x1f' + fulls[k]));
        if (!fulls[k].empty()) terms.push_back(joined(term::kPinyin, fulls[k]));
      }
    }
    if (auto* id = cell(cells, col::resident::idNumber)) {
      terms.push_back(joined(term::kIdNumber, reversed(**id)));
      // A travel permit is also found under its lifetime number: a reissue is the same person.
      if (auto key = core::idMatchKey(**id); key != **id) terms.push_back(joined(term::kIdNumber, reversed(key)));
    }
    addPhones(cell(cells, col::resident::phone));
  } else if (table == core::Table::Household) {
    if (auto* no = cell(cells, col::household::householdNo)) terms.push_back(joined(term::kHouseholdNo, toLower(**no)));
    // The matching key of the address and flat (core/address.h), for an import's lookups.
    if (auto* address = cell(cells, col::household::address)) {
      auto text = [&](std::string_view column) {
        auto* v = cell(cells, column);
        return v ? std::string_view(**v) : std::string_view();
      };
      auto own = [&] {
        return core::householdKey(**address, text(col::household::building), text(col::household::unit),
                                  text(col::household::room));
      };
      assert(householdKey.empty() || householdKey == own());
      terms.push_back(joined(term::kHouseholdKey, householdKey.empty() ? own() : std::string(householdKey)));
    }
    addPhones(cell(cells, col::household::phone));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

SearchIndex::SearchIndex(LedgerState& s) : s_(s) {}

namespace {
// Terms are written sorted, all at once where memory allows: batches written one after the other each
// spread over the whole index (names run from a to z in every batch), so fewer, larger batches keep
// the writes near the end of the tree. A million terms are about 60 MB; an import of 100,000 people
// makes some 700,000.
constexpr std::size_t kBatchTerms = 1 << 20;
}

void SearchIndex::queue(std::string_view term, core::Table table, std::int64_t rid, bool add) {
  pending_.push_back({static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(term.size()),
                      static_cast<std::int32_t>(table), add, rid});
  arena_.append(term).push_back('\0');
  sorted_ = false;
}

void SearchIndex::apply(std::string_view term, int tbl, std::int64_t rid, bool add) {
  // A term may be in either table: a removal looks in both.
  for (const char* sql : {add ? "INSERT OR IGNORE INTO search_term (term, tbl, rid) VALUES (?, ?, ?)"
                              : "DELETE FROM search_term WHERE term = ? AND tbl = ? AND rid = ?",
                          add ? nullptr : "DELETE FROM search_recent WHERE term = ? AND tbl = ? AND rid = ?"}) {
    if (!sql) continue;
    auto& st = s_.statement(sql);
    st.bind(1, std::string(term));
    st.bind(2, tbl);
    st.bind(3, rid);
    st.exec();
  }
}

namespace {

std::int64_t count(LedgerState& s, const char* sql) {
  auto& st = s.statement(sql);
  std::int64_t n = st.executeStep() ? st.getColumn(0).getInt64() : 0;
  st.reset();
  return n;
}

// About how many terms search_term holds: six a resident, three a household.
std::int64_t indexedTerms(LedgerState& s) {
  return count(s, "SELECT coalesce(sum(CASE tbl WHEN 5 THEN 6 * live WHEN 4 THEN 3 * live END), 0) FROM row_count");
}

}  // namespace

void SearchIndex::foldIfMany() {
  // Folded when the recent terms are a tenth of the index: each fold then touches every leaf page of
  // search_term once for that many terms, instead of once for every daily list.
  const std::int64_t recent = count(s_, "SELECT count(*) FROM search_recent");
  if (recent == 0 || recent < std::max<std::int64_t>(200000, indexedTerms(s_) / 10)) return;
  fold();
}

void SearchIndex::fold() {
  s_.db->exec("INSERT OR IGNORE INTO search_term SELECT term, tbl, rid FROM search_recent");
  s_.db->exec("DELETE FROM search_recent");
}

void SearchIndex::sortPending() {
  if (sorted_) return;
  // The words on each (term, table, row) together, in the order they were said.
  std::stable_sort(pending_.begin(), pending_.end(), [this](const Op& a, const Op& b) {
    return std::make_tuple(termOf(a), a.tbl, a.rid) < std::make_tuple(termOf(b), b.tbl, b.rid);
  });
  sorted_ = true;
}

void SearchIndex::flush() {
  sortPending();
  // Additions go in many to a statement (the statement, not the B-tree, was most of their cost).
  constexpr std::size_t kPerStatement = 128;
  std::vector<const Op*> adds;
  adds.reserve(kPerStatement);
  // A batch small beside the index goes to search_recent (see foldIfMany): into search_term it would
  // touch most of its leaf pages for a few terms each.
  std::size_t added = 0;
  for (const auto& op : pending_) added += op.add;
  const bool recent = static_cast<std::int64_t>(added) * 4 < indexedTerms(s_);
  static const auto manyAdds = [](std::string_view table) {
    std::string sql = "INSERT OR IGNORE INTO ";
    sql.append(table).append(" (term, tbl, rid) VALUES (?, ?, ?)");
    for (std::size_t k = 1; k < kPerStatement; ++k) sql += ", (?, ?, ?)";
    return sql;
  };
  static const std::string intoMain = manyAdds("search_term"), intoRecent = manyAdds("search_recent");
  auto writeAdds = [&] {
    const bool full = adds.size() == kPerStatement;
    auto& st = s_.statement(full ? (recent ? intoRecent : intoMain)
                                 : recent ? "INSERT OR IGNORE INTO search_recent (term, tbl, rid) VALUES (?, ?, ?)"
                                          : "INSERT OR IGNORE INTO search_term (term, tbl, rid) VALUES (?, ?, ?)");
    int i = 1;
    for (const Op* op : adds) {
      st.bindNoCopy(i++, arena_.data() + op->offset);  // NUL-terminated in the arena
      st.bind(i++, op->tbl);
      st.bind(i++, op->rid);
    }
    st.exec();
    adds.clear();
  };
  // Each (term, table, row) in turn: it was in the index before the batch when its first word is a
  // removal (only a row's present terms are removed), and is after it when its last word is an
  // addition. A term an update leaves as it was is neither removed nor added again (added again, it
  // could land in the other table, and be found twice).
  for (std::size_t first = 0; first < pending_.size();) {
    std::size_t last = first;
    while (last + 1 < pending_.size() && termOf(pending_[last + 1]) == termOf(pending_[first]) &&
           pending_[last + 1].tbl == pending_[first].tbl && pending_[last + 1].rid == pending_[first].rid)
      ++last;
    const Op& op = pending_[last];
    const bool before = !pending_[first].add, after = op.add;
    first = last + 1;
    if (before == after) continue;
    if (!after) {
      apply(termOf(op), op.tbl, op.rid, false);
      continue;
    }
    adds.push_back(&op);
    if (adds.size() == kPerStatement) writeAdds();
  }
  // The last few, one by one.
  std::vector<const Op*> rest;
  rest.swap(adds);
  for (const Op* op : rest) {
    adds.assign(1, op);
    writeAdds();
  }
  pending_.clear();
  arena_.clear();
  sorted_ = false;
}

void SearchIndex::add(core::Table table, std::int64_t rid, const core::Cells& cells) {
  for (auto& t : searchTerms(table, cells)) {
    if (batched_) queue(t, table, rid, true);
    else apply(t, static_cast<int>(table), rid, true);
  }
  if (batched_ && pending_.size() >= kBatchTerms) flush();
  if (table == core::Table::Household)
    if (auto* address = cell(cells, col::household::address)) {
      auto& st = s_.statement("INSERT INTO household_address (rowid, address) VALUES (?, ?)");
      st.bind(1, static_cast<std::int64_t>(rid));
      st.bind(2, **address);
      st.exec();
    }
}

void SearchIndex::addTerms(core::Table table, std::int64_t rid, std::vector<std::string> terms) {
  for (auto& t : terms) {
    if (batched_) queue(t, table, rid, true);
    else apply(t, static_cast<int>(table), rid, true);
  }
  if (batched_ && pending_.size() >= kBatchTerms) flush();
}

void SearchIndex::remove(core::Table table, std::int64_t rid, const core::Cells& cells) {
  for (auto& t : searchTerms(table, cells)) {
    if (batched_) queue(t, table, rid, false);
    else apply(t, static_cast<int>(table), rid, false);
  }
  if (table == core::Table::Household)
    if (auto* address = cell(cells, col::household::address)) {
      // A contentless FTS5 table forgets a row only when told its old text.
      auto& st = s_.statement("INSERT INTO household_address (household_address, rowid, address) VALUES ('delete', ?, ?)");
      st.bind(1, static_cast<std::int64_t>(rid));
      st.bind(2, **address);
      st.exec();
    }
}

}  // namespace gl::db
