// The search index's second half (db/internal/search_index.h, docs/data-model.md §7): the terms of a bulk write
// small beside the index go to search_recent, are found as any others, leave with their rows, and are
// folded into search_term.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/identity.h"
#include "db/internal/ledger_state.h"
#include "db/internal/search_index.h"
#include "db/writer.h"
#include "demo/demo.h"
#include "temp_ledger.h"
#include "db/search_queries.h"

using gl::core::Table;

namespace {

std::int64_t recentTerms(const gl::test::TempLedger& l) {
  SQLite::Database db(l.file().string());
  return db.execAndGet("SELECT count(*) FROM search_recent").getInt64();
}

bool found(const gl::db::Ledger& l, const std::string& query, const std::string& id) {
  for (const auto& h : gl::db::SearchQueries(l, l.readerScope()).find(query, 20))
    if (h.id == id) return true;
  return false;
}

}  // namespace

TEST_CASE("a small bulk write into a big index goes to search_recent, and is found, removed and folded as any") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {300, 9});
  const std::string first17 = "37032219850101077";
  const std::string number = first17 + gl::core::gb11643CheckDigit(first17);
  std::string household, person;
  l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    household = w.insert(Table::Household, {{"address", std::string("高青县芦湖街道新城社区8号楼1单元101室")}});
    person = w.insert(Table::Resident, {{"household", household}, {"name", std::string("郗晓燕")},
                                        {"id_number", number}, {"phone", std::string("13912340077")}});
  });
  CHECK(recentTerms(l) > 0);
  CHECK(found(*l, "郗晓燕", person));
  CHECK(found(*l, "xxy", person));
  CHECK(found(*l, number.substr(14), person));  // the last four digits
  CHECK(found(*l, "0077", person));
  CHECK(l->residentsWithIdNumber(number) == std::vector<std::string>{person});

  SUBCASE("an edit moves the person's terms, whichever half held them") {
    l->update(Table::Resident, person, {{"name", std::string("郗晓雁")}});
    CHECK_FALSE(found(*l, "郗晓燕", person));
    CHECK(found(*l, "郗晓雁", person));
    l->tombstone(Table::Resident, person);
    CHECK_FALSE(found(*l, "郗晓雁", person));
    CHECK(l->residentsWithIdNumber(number).empty());
  }
  SUBCASE("folded into search_term, the terms are found the same way") {
    l->bulkWrite([&](gl::db::Writer& w) { w.foldSearchTerms(); });
    CHECK(recentTerms(l) == 0);
    CHECK(found(*l, "郗晓燕", person));
    CHECK(found(*l, "0077", person));
  }
  SUBCASE("a rebuilt index has no second half") {
    l->rebuildSearchIndex();
    CHECK(recentTerms(l) == 0);
    CHECK(found(*l, "xxy", person));
  }
}

TEST_CASE("a bulk edit that leaves some of a person's terms as they were does not index them twice") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {300, 9});
  std::string person, number, name;
  l->forEachRow(Table::Resident, [&](const gl::db::Row& r) {
    if (person.empty() && r.text("id_number").size() == 18) {
      person = r.id;
      number = r.text("id_number");
      name = r.text("name");
    }
  });
  REQUIRE_FALSE(person.empty());
  const std::int64_t before = recentTerms(l);
  l->bulkWrite([&](gl::db::Writer& w) {
    w.bulkLoad();
    w.update(Table::Resident, person, {{"phone", std::string("13912345678")}});
  });
  // Only the new phone is a new term; the name and the number stay where they were.
  CHECK(recentTerms(l) == before + 1);
  CHECK(l->residentsWithIdNumber(number) == std::vector<std::string>{person});
  int hits = 0;
  for (const auto& h : gl::db::SearchQueries(*l, l->readerScope()).find(name, 50)) hits += h.id == person;
  CHECK(hits == 1);
  CHECK(found(*l, "5678", person));
}
