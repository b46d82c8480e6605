#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/hlc.h"
#include "db/sync_ledger.h"
#include "db/writer.h"
#include "temp_ledger.h"

using gl::core::Table;
using gl::test::TempLedger;

namespace {

struct Entry {
  long long seq;
  std::string col;
  long long hlc;
  std::optional<long long> base;
};

std::vector<Entry> entries(const std::filesystem::path& file, const std::string& row) {
  SQLite::Database db(file.string());
  SQLite::Statement st(db, "SELECT seq, col, hlc, base FROM clock WHERE row = ? ORDER BY seq");
  st.bind(1, row);
  std::vector<Entry> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                   st.getColumn(3).isNull() ? std::nullopt : std::optional<long long>(st.getColumn(3).getInt64())});
  return out;
}

void acknowledgeEverything(const std::filesystem::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  db.exec("UPDATE sync_state SET acked_seq = (SELECT max(seq) FROM clock), pending = 0");
}

}  // namespace

TEST_CASE("a new row is stamped once for all its cells") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村1001号")}, {"phone", std::string("13900001111")}});
  auto log = entries(l.file(), h);
  REQUIRE(log.size() == 1);
  CHECK(log[0].col.empty());
  CHECK_FALSE(log[0].base.has_value());
}

TEST_CASE("each changed cell gets its own stamp, later than the row's, and unchanged cells none") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村1002号")}});
  l->update(Table::Household, h, {{"phone", std::string("13900002222")}, {"address", std::string("青城镇李家村1002号")}});
  auto log = entries(l.file(), h);
  REQUIRE(log.size() == 2);
  CHECK(log[1].col == "phone");
  CHECK(log[1].hlc > log[0].hlc);
  CHECK(log[1].seq > log[0].seq);
}

TEST_CASE("the base is the clock the server had seen — repeated unsent edits keep it") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村1003号")}});
  // Not yet sent: the server never saw the row, so an edit has no base.
  l->update(Table::Household, h, {{"notes", std::string("a")}});
  CHECK_FALSE(entries(l.file(), h).back().base.has_value());

  acknowledgeEverything(l.file());
  auto l2 = gl::db::Ledger::open(l.file());
  long long sent = entries(l.file(), h).back().hlc;
  l2->update(Table::Household, h, {{"notes", std::string("b")}});
  CHECK(entries(l.file(), h).back().base == sent);
  l2->update(Table::Household, h, {{"notes", std::string("c")}});
  auto log = entries(l.file(), h);
  CHECK(log.back().base == sent);  // still the server's, not the unsent "b"
  CHECK(log.size() == 2);          // one entry per cell: the row's and the notes cell's
  CHECK(l2->pendingChanges() == 1);
}

TEST_CASE("stamps keep increasing across reopening the ledger") {
  TempLedger l;
  std::string a = l->insert(Table::Household, {{"address", std::string("一")}});
  long long first = entries(l.file(), a).back().hlc;
  l.ledger.reset();
  auto again = gl::db::Ledger::open(l.file());
  std::string b = again->insert(Table::Household, {{"address", std::string("二")}});
  CHECK(entries(l.file(), b).back().hlc > first);
}

TEST_CASE("a tombstone is an ordinary stamped cell") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村1004号")}});
  l->tombstone(Table::Household, h);
  auto log = entries(l.file(), h);
  REQUIRE(log.size() == 2);
  CHECK(log[1].col == "deleted");
}

TEST_CASE("a failed write leaves no change-log entries behind") {
  TempLedger l;
  long long before = l->pendingChanges();
  CHECK_THROWS(l->write([&](gl::db::Writer& w) {
    w.insert(Table::Household, {{"address", std::string("五")}});
    w.insert(Table::Resident, {{"name", std::string("")}});
  }));
  CHECK(l->pendingChanges() == before);
}

TEST_CASE("the pending count kept by the write code equals the unsent entries of the change log") {
  TempLedger l;
  auto realPending = [&] {
    SQLite::Database db(l.file().string());
    return db.execAndGet("SELECT count(*) FROM clock WHERE seq > (SELECT acked_seq FROM sync_state)").getInt64();
  };
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(l->insert(Table::Household, {{"address", "待发" + std::to_string(i)}}));
  l->update(Table::Household, ids[0], {{"notes", std::string("x")}});
  l->update(Table::Household, ids[0], {{"notes", std::string("y")}});
  l->tombstone(Table::Household, ids[1]);
  CHECK(l->pendingChanges() == realPending());
  acknowledgeEverything(l.file());
  auto again = gl::db::Ledger::open(l.file());
  again->update(Table::Household, ids[2], {{"notes", std::string("z")}, {"phone", std::string("13800138000")}});
  again->update(Table::Household, ids[2], {{"notes", std::string("w")}});
  again->insert(Table::Household, {{"address", std::string("新的")}});
  CHECK(again->pendingChanges() == 3);
  CHECK(again->pendingChanges() == realPending());
}

TEST_CASE("a pulled cell takes over its cell's change-log entry: the data center's clock and site, never pending") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("青城镇李家村1003号")}});
  l->update(Table::Household, h, {{"phone", std::string("13900003333")}});
  acknowledgeEverything(l.file());
  auto before = entries(l.file(), h);
  REQUIRE(before.size() == 2);
  gl::db::SyncLedger sync(*l);
  gl::core::Hlc later = gl::core::Hlc::unpack(before[1].hlc + (1 << 16));
  const std::string remote = "5d1b0c3e-0000-4000-8000-000000000001";
  sync.applyPage({{Table::Household, h, "phone", std::string("13700007777"), later, remote, {}}}, {}, 1);
  auto siteOf = [&](long long seq) {
    SQLite::Database db(l.file().string());
    SQLite::Statement st(db, "SELECT s.uuid FROM clock c JOIN site s ON s.n = c.site WHERE c.seq = ?");
    st.bind(1, static_cast<std::int64_t>(seq));
    return st.executeStep() ? st.getColumn(0).getString() : std::string();
  };
  auto after = entries(l.file(), h);
  REQUIRE(after.size() == 2);
  CHECK(after[1].seq == before[1].seq);  // the same entry, in place
  CHECK(after[1].hlc == static_cast<long long>(later.packed()));
  CHECK(siteOf(after[1].seq) == remote);
  CHECK(l->pendingChanges() == 0);
  CHECK(l->get(Table::Household, h)->text("phone") == "13700007777");

  // A later edit here is a new entry on top of the pulled clock, and pending.
  l->update(Table::Household, h, {{"phone", std::string("13700008888")}});
  auto edited = entries(l.file(), h);
  REQUIRE(edited.size() == 2);
  CHECK(edited[1].seq > before[1].seq);
  CHECK(edited[1].base == static_cast<long long>(later.packed()));
  CHECK(siteOf(edited[1].seq) != remote);
  CHECK(l->pendingChanges() == 1);

  // Put back as the data center has it (a refused edit): no longer pending, and the data center's site.
  gl::core::Hlc center = gl::core::Hlc::unpack(edited[1].hlc + (1 << 16));
  sync.applyPage({{Table::Household, h, "phone", std::string("13700007777"), center, remote, {}}}, {}, 2, true);
  CHECK(l->pendingChanges() == 0);
  CHECK(siteOf(entries(l.file(), h)[1].seq) == remote);
}
