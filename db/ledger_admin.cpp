// Maintenance of the derived parts of a ledger: the search index can always be rebuilt from rows.
#include "db/connection.h"
#include "db/ledger.h"
#include "db/ledger_state.h"
#include "db/row_io.h"
#include "db/search_index.h"

namespace gl::db {

void Ledger::rebuildSearchIndex() {
  withState(*state_, [&] {
    SQLite::Transaction tx(*state_->db, SQLite::TransactionBehavior::IMMEDIATE);
    state_->db->exec("DELETE FROM search_term");
    state_->db->exec("INSERT INTO household_address (household_address) VALUES ('delete-all')");
    SearchIndex index(*state_);
    for (auto table : {core::Table::Household, core::Table::Resident}) {
      const auto& spec = core::tableSpec(table);
      SQLite::Statement st(*state_->db, "SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) +
                                            " WHERE deleted = 0");
      while (st.executeStep()) {
        std::int64_t rid = 0;
        Row row = readRow(st, spec, &rid);
        index.add(table, rid, row.cells);
      }
    }
    tx.commit();
  });
}

}  // namespace gl::db
