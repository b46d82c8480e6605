// The ledger's side of per-grid digests: which grid each row belongs to (through its household),
// the newest clock of its cells, and the rows of one grid for a repair.
#include "core/scope.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/sync_apply.h"
#include "db/sync_ledger.h"

namespace gl::db {

namespace {
// Every row that lives under a household, with the household's grid code ("" for none), per table.
constexpr std::pair<core::Table, const char*> kRowsWithGrid[] = {
    {core::Table::Household, "SELECT h.id, coalesce(g.code, '') FROM household h LEFT JOIN grid g ON g.id = h.grid"},
    {core::Table::Resident,
     "SELECT r.id, coalesce(g.code, '') FROM resident r LEFT JOIN household h ON h.id = r.household "
     "LEFT JOIN grid g ON g.id = h.grid"},
    {core::Table::Quarantine,
     "SELECT q.id, coalesce(g.code, '') FROM quarantine q LEFT JOIN resident r ON r.id = q.resident "
     "LEFT JOIN household h ON h.id = r.household LEFT JOIN grid g ON g.id = h.grid"},
    {core::Table::HealthCheck,
     "SELECT c.id, coalesce(g.code, '') FROM health_check c LEFT JOIN quarantine q ON q.id = c.quarantine "
     "LEFT JOIN resident r ON r.id = q.resident LEFT JOIN household h ON h.id = r.household "
     "LEFT JOIN grid g ON g.id = h.grid"},
    {core::Table::Visit,
     "SELECT v.id, coalesce(g.code, '') FROM visit v LEFT JOIN household h ON h.id = v.household "
     "LEFT JOIN grid g ON g.id = h.grid"},
};
}  // namespace

std::map<std::string, core::GridDigest> SyncLedger::gridDigests() const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    std::map<std::string, core::GridDigest> out;
    auto& newest = s.statement("SELECT max(hlc) FROM clock WHERE row = ?");
    for (const auto& [table, sql] : kRowsWithGrid) {
      SQLite::Statement st(*s.db, sql);
      while (st.executeStep()) {
        std::string id = st.getColumn(0).getString();
        newest.bind(1, id);
        std::int64_t hlc = newest.executeStep() && !newest.getColumn(0).isNull() ? newest.getColumn(0).getInt64() : 0;
        newest.reset();
        out[st.getColumn(1).getString()].add(id, hlc);
      }
    }
    return out;
  });
}

std::vector<ScopeExit> SyncLedger::rowsOfGrid(const std::string& gridCode) const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    std::vector<ScopeExit> out;
    for (const auto& [table, sql] : kRowsWithGrid) {
      SQLite::Statement st(*s.db, sql);
      while (st.executeStep())
        if (st.getColumn(1).getString() == gridCode) out.push_back({table, st.getColumn(0).getString()});
    }
    return out;
  });
}

std::int64_t SyncLedger::removeRows(const std::vector<ScopeExit>& rows) {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    std::set<int> touched;
    std::int64_t removed = removeOutOfScope(s, rows, touched);
    recount(s, touched);
    refreshPending(s);
    s.resetAll();
    tx.commit();
    return removed;
  });
}

}  // namespace gl::db
