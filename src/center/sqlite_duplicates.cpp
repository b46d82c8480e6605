// The SQLite store's duplicate pairs: merged on the data center, or marked as two people.
#include "center/sqlite_store.h"

namespace gl::center {

bool SqliteStore::openPairInScope(const Account& who, const std::string& a, const std::string& b) {
  if (!core::settlesProblems(who.role)) return false;
  auto& st = statement("SELECT 1 FROM duplicate WHERE a = ? AND b = ? AND status = 'open'");
  st.bind(1, std::min(a, b));
  st.bind(2, std::max(a, b));
  bool open = st.executeStep();
  st.reset();
  if (!open) return false;
  for (const auto& row : {a, b}) {
    auto p = placeOf(row);
    if (!p || !who.access(county_).writes(p->second)) return false;
  }
  return true;
}

bool SqliteStore::mergeDuplicate(const Account& who, const std::string& keep, const std::string& drop,
                                 core::HlcClock& clock) {
  auto lock = lockRequest();
  if (!openPairInScope(who, keep, drop)) return false;
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  beginWrite(3);
  auto write = [&](core::Table table, const std::string& row, const char* column, core::Value value) {
    writeCell({table, row, column, std::move(value), clock.now(), std::string(kCenterSite), {}});
  };
  write(core::Table::Resident, drop, "deleted", "1");
  for (const auto& row : {keep, drop})
    if (auto p = placeOf(row)) markDirty(p->second);
  // What hung on the dropped row now hangs on the kept one (quarantines and visits name it in their
  // `resident` column, which both tables index).
  for (auto table : {core::Table::Quarantine, core::Table::Visit}) {
    auto& st = statement("SELECT row FROM cell_now WHERE col = 'resident' AND val = ? AND tbl = ?");
    st.bind(1, drop);
    st.bind(2, static_cast<int>(table));
    std::vector<std::string> rows;
    while (st.executeStep()) rows.push_back(st.getColumn(0).getString());
    st.reset();
    for (const auto& row : rows) {
      write(table, row, "resident", keep);
      auto& parent = statement("UPDATE place SET parent = ? WHERE row = ? AND parent = ?");
      parent.bind(1, keep);
      parent.bind(2, row);
      parent.bind(3, drop);
      parent.exec();
    }
  }
  auto& done = statement("UPDATE duplicate SET status = 'merged' WHERE (a = ? OR b = ?) AND status = 'open'");
  done.bind(1, drop);
  done.bind(2, drop);
  done.exec();
  saveClocks(clock);
  tx.commit();
  return true;
}

bool SqliteStore::markDistinct(const Account& who, const std::string& a, const std::string& b) {
  auto lock = lockRequest();
  if (!openPairInScope(who, a, b)) return false;
  auto& st = statement("UPDATE duplicate SET status = 'distinct' WHERE a = ? AND b = ?");
  st.bind(1, std::min(a, b));
  st.bind(2, std::max(a, b));
  st.exec();
  return true;
}

}  // namespace gl::center
