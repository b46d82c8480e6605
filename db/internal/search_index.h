// Internal to gl_db.
// The derived search index (local, never synced): search_term rows for names, pinyin initials, full
// pinyin, identity numbers and phones reversed (so a suffix is a prefix range), household numbers;
// household addresses in the trigram FTS5 table. Kept by the write code from old and new values,
// so no second index on search_term is needed for deletions.
#pragma once

#include <cstdint>
#include <string_view>
#include <string>
#include <vector>

#include "core/schema.h"

namespace gl::db {

struct LedgerState;

// Term prefixes, one letter per kind of key.
namespace term {
inline constexpr std::string_view kName = "n:";
inline constexpr std::string_view kInitials = "a:";
inline constexpr std::string_view kPinyin = "f:";
inline constexpr std::string_view kIdNumber = "i:";
inline constexpr std::string_view kPhone = "p:";
inline constexpr std::string_view kHouseholdNo = "h:";
inline constexpr std::string_view kHouseholdKey = "k:";  // core::householdKey of a household
}  // namespace term

// The terms one row contributes, from its cells (schema order, as Row holds them). `householdKey`: a
// household's matching key where the caller has it already (debug builds check it).
std::vector<std::string> searchTerms(core::Table table, const core::Cells& cells, std::string_view householdKey = {});
std::string reversed(std::string_view ascii);
// The significant digits of each phone in a normalized phone cell ("0571-88888888,13800138000").
std::vector<std::string> phoneDigits(std::string_view cell);

class SearchIndex {
 public:
  explicit SearchIndex(LedgerState& state);
  void add(core::Table table, std::int64_t rid, const core::Cells& cells);
  // The terms alone, already made (searchTerms, off the writer's thread); the address is the caller's.
  void addTerms(core::Table table, std::int64_t rid, std::vector<std::string> terms);
  void remove(core::Table table, std::int64_t rid, const core::Cells& cells);
  // From here on terms are kept and written sorted, in batches and at flush(): a bulk import's
  // hundreds of thousands of terms go in several times faster in key order than one by one. Until
  // they are written, lookups through the index do not see them.
  void batch() { batched_ = true; }
  void flush();
  // The first half of flush(), which touches no connection: it may run on another thread while the
  // writer's thread writes something else (nothing may be queued meanwhile).
  void sortPending();
  // Moves the terms of earlier bulk writes from search_recent into search_term once they are many
  // (search_recent: db/migrations/0006); called at the end of a write transaction.
  void foldIfMany();
  void fold();  // now, whatever their number
  static bool indexed(core::Table table) {
    return table == core::Table::Resident || table == core::Table::Household;
  }

 private:
  // A pending term: its text in arena_ (NUL-terminated), 24 bytes an op instead of a string's 56 and
  // its heap block; an import keeps hundreds of thousands of them until it writes them sorted.
  struct Op {
    std::uint32_t offset, length;
    std::int32_t tbl;
    bool add;
    std::int64_t rid;
  };
  void queue(std::string_view term, core::Table table, std::int64_t rid, bool add);
  std::string_view termOf(const Op& op) const { return {arena_.data() + op.offset, op.length}; }
  void apply(std::string_view term, int tbl, std::int64_t rid, bool add);
  LedgerState& s_;
  bool batched_ = false;
  bool sorted_ = false;  // pending_ is in flush()'s order
  std::vector<Op> pending_;  // in the order they were asked for
  std::string arena_;
};

}  // namespace gl::db
