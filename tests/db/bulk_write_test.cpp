// A bulk write (db/internal/bulk_inserts.h): its queued rows are written on a thread of their own while the
// caller goes on, yet every read of the same write sees them, and a failure of that thread takes the
// whole write back.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "core/validation_error.h"
#include "db/writer.h"
#include "temp_ledger.h"
#include "db/search_queries.h"

using gl::core::Table;

namespace {

std::int64_t clockRows(const gl::test::TempLedger& l) {
  SQLite::Database db(l.file().string());
  return db.execAndGet("SELECT count(*) FROM clock WHERE tbl IN (4, 5)").getInt64();
}

std::string address(int i) { return "高青县田镇街道第" + std::to_string(i / 40 + 1) + "社区" + std::to_string(i) + "号"; }

}  // namespace

TEST_CASE("rows a bulk write has handed to its writing thread are seen by every read of the same write") {
  gl::test::TempLedger l;
  const std::int64_t clockBefore = clockRows(l);
  constexpr int kRows = 2600;  // two and a half queues: some written, one in flight, one filling
  std::vector<std::string> households, people;
  l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    for (int i = 0; i < kRows; ++i) {
      households.push_back(w.insert(Table::Household, {{"address", address(i)}}));
      // A person of a household queued long before (its batch written, or being written).
      const std::string& home = households[i < 1500 ? i : i - 1500];
      people.push_back(w.insert(Table::Resident, {{"household", home}, {"name", "住户" + std::to_string(i)}}));
    }
    // Reads of rows in each state: written out, handed off, still queued.
    for (int i : {0, 1200, kRows - 1}) {
      auto person = w.row(Table::Resident, people[i]);
      REQUIRE(person);
      CHECK(person->text("name") == "住户" + std::to_string(i));
    }
    // An update of a row still queued, and one written.
    CHECK(w.stageUpdate(Table::Resident, people[kRows - 1], {{"phone", std::string("13800138000")}}));
    CHECK(w.stageUpdate(Table::Resident, people[3], {{"phone", std::string("13800138003")}}));
    w.writeStaged();
    // A reference to a household queued in this very write is accepted.
    people.push_back(w.insert(Table::Resident, {{"household", households[5]}, {"name", std::string("后来者")}}));
  });
  CHECK(l->liveRows(Table::Household) == kRows);
  CHECK(l->liveRows(Table::Resident) == kRows + 1);
  CHECK(clockRows(l) - clockBefore == 2 * kRows + 1 + 2);  // a creation stamp a row, a stamp an edited cell
  CHECK(l->get(Table::Resident, people[kRows - 1])->text("phone") == "13800138000");
  CHECK(l->get(Table::Resident, people[3])->text("phone") == "13800138003");
  CHECK(l->get(Table::Resident, people[2000])->text("household") == households[500]);
  auto hits = gl::db::SearchQueries(*l, l->readerScope()).find("住户2599", 5);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].id == people[kRows - 1]);
}

TEST_CASE("a failure on a bulk write's writing thread takes the whole write back, and the ledger goes on") {
  gl::test::TempLedger l;
  const std::int64_t before = l->liveRows(Table::Household);
  // Two rows with one id: the second INSERT fails on the writing thread, after the caller moved on.
  CHECK_THROWS(l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    for (int i = 0; i < 1500; ++i) w.insert(Table::Household, {{"address", address(i)}});
    w.insert(Table::Household, {{"address", address(9000)}}, "0190a1b2-0000-7000-8000-000000000001");
    w.insert(Table::Household, {{"address", address(9001)}}, "0190a1b2-0000-7000-8000-000000000001");
    for (int i = 0; i < 1500; ++i) w.insert(Table::Household, {{"address", address(i)}});
  }));
  CHECK(l->liveRows(Table::Household) == before);
  CHECK(gl::db::SearchQueries(*l, l->readerScope()).find("高青县田镇街道", 5).empty());
  // The ledger writes on as before.
  std::string id;
  l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    for (int i = 0; i < 1100; ++i) id = w.insert(Table::Household, {{"address", address(i)}});
  });
  CHECK(l->liveRows(Table::Household) == before + 1100);
  CHECK(l->get(Table::Household, id)->text("address") == address(1099));
}

TEST_CASE("a row a bulk write has written and then deleted cannot be referred to") {
  gl::test::TempLedger l;
  l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    const std::string home = w.insert(Table::Household, {{"address", address(1)}});
    w.tombstone(Table::Household, home);  // written out first, then deleted
    CHECK_THROWS_AS(w.insert(Table::Resident, {{"household", home}, {"name", std::string("无家者")}}),
                    gl::ValidationError);
    CHECK_FALSE(w.row(Table::Household, home));
  });
  CHECK(l->liveRows(Table::Resident) == 0);
}
