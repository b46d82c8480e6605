#include "db/search_index.h"

#include <algorithm>
#include <tuple>

#include "core/address.h"
#include "core/identity.h"
#include "core/phone.h"
#include "core/ascii.h"
#include "core/pinyin.h"
#include "db/ledger_state.h"

namespace gl::db {

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

std::vector<std::string> searchTerms(core::Table table, const core::Cells& cells) {
  std::vector<std::string> terms;
  auto addPhones = [&](const core::Value* phone) {
    if (!phone) return;
    for (const auto& digits : phoneDigits(**phone)) terms.push_back(joined(term::kPhone, reversed(digits)));
  };
  if (table == core::Table::Resident) {
    if (auto* name = cell(cells, "name")) {
      terms.push_back(joined(term::kName, **name));
      // A surname with its own reading (曾 zēng, 单 shàn) is found under both readings: the surname's
      // and the everyday one people may type.
      auto fulls = core::pinyin::fullVariants(**name);
      auto initials = core::pinyin::initialsVariants(**name);
      for (std::size_t k = 0; k < fulls.size() && k < initials.size(); ++k) {
        // Initials first, then the full pinyin: "zs" lists 张三 before 张思 in pinyin order.
        if (!initials[k].empty()) terms.push_back(joined(term::kInitials, initials[k] + '\x1f' + fulls[k]));
        if (!fulls[k].empty()) terms.push_back(joined(term::kPinyin, fulls[k]));
      }
    }
    if (auto* id = cell(cells, "id_number")) {
      terms.push_back(joined(term::kIdNumber, reversed(**id)));
      // A travel permit is also found under its lifetime number: a reissue is the same person.
      if (auto key = core::idMatchKey(**id); key != **id) terms.push_back(joined(term::kIdNumber, reversed(key)));
    }
    addPhones(cell(cells, "phone"));
  } else if (table == core::Table::Household) {
    if (auto* no = cell(cells, "household_no")) terms.push_back(joined(term::kHouseholdNo, toLower(**no)));
    // The matching key of the address and flat (core/address.h), for an import's lookups.
    if (auto* address = cell(cells, "address")) {
      auto text = [&](std::string_view column) {
        auto* v = cell(cells, column);
        return v ? std::string_view(**v) : std::string_view();
      };
      terms.push_back(joined(term::kHouseholdKey,
                             core::householdKey(**address, text("building"), text("unit"), text("room"))));
    }
    addPhones(cell(cells, "phone"));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

SearchIndex::SearchIndex(LedgerState& s) : s_(s) {}

namespace {
constexpr std::size_t kBatchTerms = 131072;  // about 12 MB of pending terms
}

void SearchIndex::apply(const std::string& term, int tbl, std::int64_t rid, bool add) {
  auto& st = s_.statement(add ? "INSERT OR IGNORE INTO search_term (term, tbl, rid) VALUES (?, ?, ?)"
                              : "DELETE FROM search_term WHERE term = ? AND tbl = ? AND rid = ?");
  st.bind(1, term);
  st.bind(2, tbl);
  st.bind(3, rid);
  st.exec();
}

void SearchIndex::flush() {
  // The last word on each (term, table, row) wins: a row added and changed again in one batch.
  std::stable_sort(pending_.begin(), pending_.end(), [](const Op& a, const Op& b) {
    return std::tie(a.term, a.tbl, a.rid) < std::tie(b.term, b.tbl, b.rid);
  });
  // Additions go in many to a statement (the statement, not the B-tree, was most of their cost).
  constexpr std::size_t kPerStatement = 128;
  std::vector<const Op*> adds;
  adds.reserve(kPerStatement);
  static const std::string manyAdds = [] {
    std::string sql = "INSERT OR IGNORE INTO search_term (term, tbl, rid) VALUES (?, ?, ?)";
    for (std::size_t k = 1; k < kPerStatement; ++k) sql += ", (?, ?, ?)";
    return sql;
  }();
  auto writeAdds = [&] {
    auto& st = s_.statement(manyAdds);
    int i = 1;
    for (const Op* op : adds) {
      st.bind(i++, op->term);
      st.bind(i++, op->tbl);
      st.bind(i++, op->rid);
    }
    st.exec();
    adds.clear();
  };
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const Op& op = pending_[i];
    bool last = i + 1 == pending_.size() || pending_[i + 1].term != op.term || pending_[i + 1].tbl != op.tbl ||
                pending_[i + 1].rid != op.rid;
    if (!last) continue;
    if (!op.add) {
      apply(op.term, op.tbl, op.rid, false);
      continue;
    }
    adds.push_back(&op);
    if (adds.size() == kPerStatement) writeAdds();
  }
  for (const Op* op : adds) apply(op->term, op->tbl, op->rid, true);  // the last few, one by one
  pending_.clear();
}

void SearchIndex::add(core::Table table, std::int64_t rid, const core::Cells& cells) {
  for (auto& t : searchTerms(table, cells)) {
    if (batched_) pending_.push_back({std::move(t), static_cast<int>(table), rid, true});
    else apply(t, static_cast<int>(table), rid, true);
  }
  if (batched_ && pending_.size() >= kBatchTerms) flush();
  if (table == core::Table::Household)
    if (auto* address = cell(cells, "address")) {
      auto& st = s_.statement("INSERT INTO household_address (rowid, address) VALUES (?, ?)");
      st.bind(1, static_cast<std::int64_t>(rid));
      st.bind(2, **address);
      st.exec();
    }
}

void SearchIndex::remove(core::Table table, std::int64_t rid, const core::Cells& cells) {
  for (auto& t : searchTerms(table, cells)) {
    if (batched_) pending_.push_back({std::move(t), static_cast<int>(table), rid, false});
    else apply(t, static_cast<int>(table), rid, false);
  }
  if (table == core::Table::Household)
    if (auto* address = cell(cells, "address")) {
      // A contentless FTS5 table forgets a row only when told its old text.
      auto& st = s_.statement("INSERT INTO household_address (household_address, rowid, address) VALUES ('delete', ?, ?)");
      st.bind(1, static_cast<std::int64_t>(rid));
      st.bind(2, **address);
      st.exec();
    }
}

}  // namespace gl::db
