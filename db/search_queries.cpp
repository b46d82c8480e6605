// One search box for everything a grid worker types: a name (张三), pinyin initials (zs) or full
// pinyin (zhangsan), an identity or phone number whole or by its last 4+ digits, a household number,
// or address text. Every kind is a prefix range on search_term's primary key or a trigram FTS5 match:
// no table scan, whatever the ledger's size.
#include <algorithm>
#include <set>

#include "core/ascii.h"
#include "core/columns.h"
#include "core/door_code.h"
#include "core/identity.h"
#include "core/phone.h"
#include "core/pinyin.h"
#include "core/utf8.h"
#include "db/search_queries.h"
#include "db/connection.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/search_index.h"

namespace gl::db {

namespace col = core::col;

namespace {

using core::Table;

struct Found {
  Table table;
  std::int64_t rid;
  std::string_view matchedBy;
};

bool allDigits(std::string_view s, bool allowTrailingX) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= '0' && c <= '9') || (allowTrailingX && i + 1 == s.size() && (c == 'X' || c == 'x'));
    if (!ok) return false;
  }
  return true;
}

std::string withoutSeparators(std::string_view s, std::string_view drop) {
  std::string out;
  for (char c : s)
    if (drop.find(c) == std::string_view::npos) out += c;
  return out;
}

std::string ftsPhrase(std::string_view q) {
  std::string out = "\"";
  for (char c : q) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class Collector {
 public:
  Collector(LedgerState& s, int limit) : s_(s), limit_(limit) {}
  bool full() const { return static_cast<int>(found_.size()) >= limit_; }

  void prefix(std::string_view termPrefix, std::string_view key, std::string_view matchedBy) {
    if (full()) return;
    std::string low = std::string(termPrefix) + std::string(key);
    // UTF-8 never contains 0xFF, so every term starting with `low` sorts below low + 0xFF.
    // Both halves of the index (db/internal/search_index.h), merged in term order.
    auto& st = s_.statement(
        "SELECT tbl, rid FROM (SELECT term, tbl, rid FROM search_term WHERE term >= ?1 AND term < ?2 UNION ALL "
        "SELECT term, tbl, rid FROM search_recent WHERE term >= ?1 AND term < ?2) ORDER BY term LIMIT ?3");
    st.bind(1, low);
    st.bind(2, low + "\xFF");
    st.bind(3, limit_ * 2);
    while (!full() && st.executeStep())
      add({static_cast<Table>(st.getColumn(0).getInt()), st.getColumn(1).getInt64(), matchedBy});
    st.reset();
  }

  void address(std::string_view q) {
    if (full() || core::utf8::decode(q).size() < 3) return;  // trigrams need three characters
    auto& st = s_.statement("SELECT rowid FROM household_address WHERE household_address MATCH ? LIMIT ?");
    st.bind(1, ftsPhrase(q));
    st.bind(2, limit_);
    while (!full() && st.executeStep())
      add({Table::Household, st.getColumn(0).getInt64(), col::household::address});
    st.reset();
  }

  void household(const std::string& id, std::string_view matchedBy) {
    auto& st = s_.statement("SELECT rid FROM household WHERE id = ? AND deleted = 0");
    st.bind(1, id);
    if (st.executeStep()) add({Table::Household, st.getColumn(0).getInt64(), matchedBy});
    st.reset();
  }

  const std::vector<Found>& found() const { return found_; }

 private:
  void add(Found f) {
    if (seen_.insert({static_cast<int>(f.table), f.rid}).second) found_.push_back(f);
  }
  LedgerState& s_;
  int limit_;
  std::vector<Found> found_;
  std::set<std::pair<int, std::int64_t>> seen_;
};

std::optional<SearchHit> resolve(LedgerState& s, const Found& f) {
  SearchHit hit;
  hit.table = f.table;
  hit.matchedBy = f.matchedBy;
  if (f.table == Table::Resident) {
    auto& st = s.statement(
        "SELECT r.id, r.name, r.id_number, r.phone, h.id, h.address, g.name FROM resident r "
        "LEFT JOIN household h ON h.id = r.household AND h.deleted = 0 LEFT JOIN grid g ON g.id = h.grid "
        "WHERE r.rid = ? AND r.deleted = 0");
    st.bind(1, f.rid);
    if (!st.executeStep()) return std::nullopt;
    hit.id = textOf(st, 0);
    hit.name = textOf(st, 1);
    hit.idNumber = textOf(st, 2);
    hit.phone = textOf(st, 3);
    hit.householdId = textOf(st, 4);
    hit.address = textOf(st, 5);
    hit.grid = textOf(st, 6);
    st.reset();
  } else {
    auto& st = s.statement(
        "SELECT h.id, h.address, h.phone, g.name FROM household h LEFT JOIN grid g ON g.id = h.grid "
        "WHERE h.rid = ? AND h.deleted = 0");
    st.bind(1, f.rid);
    if (!st.executeStep()) return std::nullopt;
    hit.id = textOf(st, 0);
    hit.name = hit.address = textOf(st, 1);
    hit.phone = textOf(st, 2);
    hit.householdId = hit.id;
    hit.grid = textOf(st, 3);
    st.reset();
  }
  return hit;
}

}  // namespace

std::vector<SearchHit> SearchQueries::find(std::string_view query, int limit) const {
  std::string q = core::utf8::trim(core::utf8::foldWidth(query));
  if (q.empty() || limit <= 0) return {};
  return withState(*state_, [&] {
    Collector c(*state_, limit);
    // A door card scanned into the search box: that household, at once.
    if (auto household = core::householdOfDoorCode(q)) c.household(*household, "door_card");
    // A whole document or phone number in any written form (EF1260892, +86 138-0013-8000, an old
    // 15-digit number) is looked up by its normalized form first.
    if (auto id = core::checkId(q, state_->currentDate()); id.valid)
      c.prefix(term::kIdNumber, reversed(id.normalized), col::resident::idNumber);
    if (auto phone = core::checkPhone(q); phone.valid && !phone.digits.empty())
      c.prefix(term::kPhone, reversed(phone.digits), col::resident::phone);
    std::string digits = withoutSeparators(q, " -");
    if (allDigits(digits, true) && digits.size() >= 4) {
      std::string upper = digits;
      if (upper.back() == 'x') upper.back() = 'X';
      c.prefix(term::kIdNumber, reversed(upper), col::resident::idNumber);
      if (allDigits(digits, false)) c.prefix(term::kPhone, reversed(digits), col::resident::phone);
      c.prefix(term::kHouseholdNo, digits, col::household::householdNo);
    } else if (core::pinyin::looksLikePinyin(q)) {
      std::string letters = core::ascii::toLower(withoutSeparators(q, " '"));
      c.prefix(term::kInitials, letters, "initials");
      c.prefix(term::kPinyin, letters, "pinyin");
      c.prefix(term::kHouseholdNo, letters, col::household::householdNo);
    } else {
      c.prefix(term::kName, q, col::resident::name);
      c.prefix(term::kHouseholdNo, core::ascii::toLower(q), col::household::householdNo);
      c.address(q);
    }
    std::vector<SearchHit> hits;
    for (const auto& f : c.found())
      if (auto hit = resolve(*state_, f)) hits.push_back(std::move(*hit));
    // Name matches come from the index in code-point order; people expect pinyin order (张三 before
    // 张思 before 张伟), so each kind's page is sorted by the pinyin sort key.
    auto isName = [](const SearchHit& h) { return h.matchedBy == col::resident::name.name; };
    auto first = std::find_if(hits.begin(), hits.end(), isName);
    auto last = std::find_if_not(first, hits.end(), isName);
    std::stable_sort(first, last, [](const SearchHit& a, const SearchHit& b) {
      return core::pinyin::sortKey(a.name) < core::pinyin::sortKey(b.name);
    });
    return hits;
  });
}

}  // namespace gl::db
