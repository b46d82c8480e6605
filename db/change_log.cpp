#include "db/internal/change_log.h"

#include <algorithm>

#include "db/internal/ledger_state.h"

namespace gl::db {

namespace {
constexpr int kLocalSite = 1;

std::int64_t readAckedSeq(LedgerState& s) {
  auto& st = s.statement("SELECT acked_seq FROM sync_state WHERE one = 1");
  std::int64_t acked = st.executeStep() ? st.getColumn(0).getInt64() : 0;
  st.reset();
  return acked;
}
}  // namespace

ChangeLog::ChangeLog(LedgerState& s) : s_(s), ackedSeq_(readAckedSeq(s)) {}

void ChangeLog::rowInserted(core::Table table, std::string_view row, core::Hlc hlc) {
  auto& st = s_.statement("INSERT INTO clock (tbl, row, col, hlc, site, base) VALUES (?, ?, '', ?, ?, NULL)");
  st.bind(1, static_cast<int>(table));
  st.bind(2, std::string(row));
  st.bind(3, static_cast<std::int64_t>(hlc.packed()));
  st.bind(4, kLocalSite);
  st.exec();
  ++pendingAdded_;
}

void ChangeLog::cellChanged(core::Table table, std::string_view row, std::string_view column, core::Hlc hlc) {
  std::string rowText(row), col(column);
  // What this site had seen for the cell: its own entry, else the row's creation stamp. 0 = none.
  std::int64_t base = 0;
  bool settled = false;
  auto& own = s_.statement("SELECT seq, hlc, base, site FROM clock WHERE row = ? AND col = ?");
  own.bind(1, rowText);
  own.bind(2, col);
  if (own.executeStep()) {
    if (own.getColumn(3).getInt() == kLocalSite && own.getColumn(0).getInt64() > ackedSeq_) {
      // Still unsent: the server has not seen the earlier local value, so the base stays as it was.
      settled = true;
      base = own.getColumn(2).isNull() ? 0 : own.getColumn(2).getInt64();
    } else {
      base = own.getColumn(1).getInt64();
    }
  }
  own.reset();
  if (!settled) ++pendingAdded_;
  if (!settled) {
    auto& created = s_.statement("SELECT seq, hlc, site FROM clock WHERE row = ? AND col = ''");
    created.bind(1, rowText);
    if (created.executeStep()) {
      // A row the server has never seen gives its later edits no base either.
      if (created.getColumn(2).getInt() == kLocalSite && created.getColumn(0).getInt64() > ackedSeq_) base = 0;
      else base = std::max(base, created.getColumn(1).getInt64());
    }
    created.reset();
  }
  auto& st = s_.statement("INSERT OR REPLACE INTO clock (tbl, row, col, hlc, site, base) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, static_cast<int>(table));
  st.bind(2, rowText);
  st.bind(3, col);
  st.bind(4, static_cast<std::int64_t>(hlc.packed()));
  st.bind(5, kLocalSite);
  if (base != 0) st.bind(6, base);
  else st.bind(6);
  st.exec();
}

}  // namespace gl::db
