#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "db/writer.h"
#include "temp_ledger.h"

using gl::core::Table;
using gl::test::TempLedger;

TEST_CASE("writes are audited by row id and count, never by value") {
  TempLedger l;
  l->setActor("grid-worker-7");
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村3001号")}});
  std::string r = l->insert(Table::Resident, {{"household", h}, {"name", std::string("吴十")},
                                              {"id_number", std::string("110101190001010014")}});
  l->update(Table::Resident, r, {{"phone", std::string("13800138000")}});
  l->write([&](gl::db::Writer& w) {
    for (int i = 0; i < 3; ++i) w.insert(Table::Household, {{"address", "批量" + std::to_string(i)}});
  });
  SQLite::Database db(l.file().string());
  SQLite::Statement st(db, "SELECT actor, action, tbl, coalesce(row, ''), count, coalesce(detail, '') FROM audit "
                           "WHERE actor = 'grid-worker-7' ORDER BY seq");
  std::vector<std::string> lines;
  while (st.executeStep())
    lines.push_back(st.getColumn(1).getString() + " " + st.getColumn(2).getString() + " " + st.getColumn(3).getString() +
                    " " + std::to_string(st.getColumn(4).getInt64()) + " " + st.getColumn(5).getString());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "insert household " + h + " 1 ");
  CHECK(lines[1] == "insert resident " + r + " 1 ");
  CHECK(lines[2] == "update resident " + r + " 1 phone");
  CHECK(lines[3] == "insert household  3 ");
  SQLite::Statement leak(db, "SELECT count(*) FROM audit WHERE detail LIKE '%1380013%' OR detail LIKE '%吴十%' "
                             "OR row LIKE '%110101%'");
  leak.executeStep();
  CHECK(leak.getColumn(0).getInt() == 0);
}

TEST_CASE("the audit log refuses changes and its hash chain exposes tampering") {
  TempLedger l;
  for (int i = 0; i < 5; ++i) l->insert(Table::Household, {{"address", "地址" + std::to_string(i)}});
  l->audit("export", "resident", "", 42, "csv; purpose: test");
  CHECK(l->verifyAuditChain() == 0);
  {
    SQLite::Database db(l.file().string(), SQLite::OPEN_READWRITE);
    CHECK_THROWS(db.exec("UPDATE audit SET count = 1 WHERE action = 'export'"));
    CHECK_THROWS(db.exec("DELETE FROM audit"));
    // Someone with the file and sqlite3 can drop the guard; the chain still tells.
    db.exec("DROP TRIGGER audit_no_update");
    db.exec("UPDATE audit SET count = 1 WHERE action = 'export'");
  }
  CHECK(l->verifyAuditChain() > 0);
}
