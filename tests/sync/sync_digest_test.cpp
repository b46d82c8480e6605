// Per-grid digests repair divergence: a ledger that lost a row, missed an edit or holds a row the data
// center never had finds its grid's digest different at the end of a pull, pulls that grid again
// from zero and ends up holding exactly what the data center holds.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "center_fixture.h"
#include "demo/demo.h"

using gl::core::Table;
using gl::test::Center;
using gl::test::Client;

TEST_CASE("a ledger whose grid drifted from the data center's is repaired by the per-grid digest") {
  Center center;
  center.start();
  Client a, b;
  gl::demo::Options o;
  o.households = 4;
  gl::demo::generate(*a.ledger, o);
  a.sync(center.admin());
  b.sync(center.admin());
  REQUIRE(b.dump() == a.dump());
  auto verify = center.admin();
  verify.verify = true;
  CHECK(b.sync(verify).repaired == 0);  // in step: nothing to repair

  std::string lost = a.resident(1), stale = a.resident(2);
  a.ledger->update(Table::Resident, stale, {{"notes", std::string("最新情况")}});
  a.sync(center.admin());
  b.sync(center.admin());
  REQUIRE(b.cell(Table::Resident, stale, "notes") == "最新情况");
  std::string household, grid;
  b.ledger->forEachRow(Table::Household, [&](const gl::db::Row& r) {
    household = r.id;
    grid = r.text("grid");
  });

  {
    // What a bug or a restored backup could leave behind, written past the ledger's own code.
    SQLite::Database raw((b.dir.path / "client.gridledger").string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = OFF");
    SQLite::Statement gone(raw, "DELETE FROM resident WHERE id = ?");
    gone.bind(1, lost);
    gone.exec();
    SQLite::Statement goneLog(raw, "DELETE FROM clock WHERE row = ?");
    goneLog.bind(1, lost);
    goneLog.exec();
    SQLite::Statement old(raw, "UPDATE resident SET notes = '旧情况' WHERE id = ?");
    old.bind(1, stale);
    old.exec();
    SQLite::Statement oldLog(raw, "DELETE FROM clock WHERE row = ? AND col = 'notes'");
    oldLog.bind(1, stale);
    oldLog.exec();
    SQLite::Statement stray(raw, "INSERT INTO household (id, grid, address, deleted) VALUES ('0190aaaa-0000-7000-8000-00000000beef', ?, '无中生有路1号', 0)");
    stray.bind(1, grid);
    stray.exec();
    raw.exec("INSERT INTO clock (tbl, row, col, hlc, site) VALUES (4, '0190aaaa-0000-7000-8000-00000000beef', '', 1, 1)");
    raw.exec("UPDATE sync_state SET acked_seq = (SELECT max(seq) FROM clock), pending = 0");
  }
  REQUIRE(b.dump() != a.dump());
  // The day's check has been made: an ordinary sync does not look; a verifying one does.
  CHECK(b.sync(center.admin()).repaired == 0);
  auto r = b.sync(verify);
  CHECK(r.repaired >= 1);
  CHECK(b.dump() == a.dump());
  CHECK(b.cell(Table::Resident, stale, "notes") == "最新情况");
  CHECK(b.ledger->get(Table::Resident, lost).has_value());
  CHECK_FALSE(b.ledger->get(Table::Household, "0190aaaa-0000-7000-8000-00000000beef").has_value());
  CHECK(b.sync(verify).repaired == 0);
}
