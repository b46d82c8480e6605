// Maintenance of the derived parts of a ledger: the search index can always be rebuilt from rows.
#include "db/connection.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/search_index.h"

namespace gl::db {

namespace {

// Inside the caller's transaction: every term and address of the live rows, written sorted.
void rebuildIndex(LedgerState& s) {
  s.db->exec("DELETE FROM search_term");
  s.db->exec("DELETE FROM search_recent");
  s.db->exec("INSERT INTO household_address (household_address) VALUES ('delete-all')");
  SearchIndex index(s);
  index.batch();
  for (auto table : {core::Table::Household, core::Table::Resident}) {
    const auto& spec = core::tableSpec(table);
    SQLite::Statement st(*s.db, "SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) +
                                    " WHERE deleted = 0");
    while (st.executeStep()) {
      std::int64_t rid = 0;
      Row row = readRow(st, spec, &rid);
      index.add(table, rid, row.cells);
    }
  }
  index.flush();
}

}  // namespace

void Ledger::rebuildSearchIndex() {
  withState(*state_, [&] {
    SQLite::Transaction tx(*state_->db, SQLite::TransactionBehavior::IMMEDIATE);
    rebuildIndex(*state_);
    tx.commit();
  });
}

void rebuildSearchIndexIfStale(LedgerState& s) {
  auto stale = [&] {
    SQLite::Statement st(*s.db, "SELECT 1 FROM setting WHERE key = 'search_index_stale'");
    return st.executeStep();
  };
  if (!stale()) return;
  SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!stale()) return;  // another connection rebuilt it meanwhile
  rebuildIndex(s);
  s.db->exec("DELETE FROM setting WHERE key = 'search_index_stale'");
  tx.commit();
}

}  // namespace gl::db
