#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/door_code.h"
#include "db/internal/search_index.h"
#include "db/writer.h"
#include "temp_ledger.h"
#include "db/search_queries.h"

using gl::core::Table;
using gl::test::TempLedger;

namespace {

struct People {
  TempLedger l;
  std::string household, zhangsan, zhangsi, lisi, ouyang;
  People() {
    household = l->insert(Table::Household, {{"address", std::string("高青县田镇街道幸福社区3号楼2单元301室")},
                                              {"household_no", std::string("000123456")}});
    auto add = [&](const char* name, const char* id, const char* phone) {
      return l->insert(Table::Resident, {{"household", household}, {"name", std::string(name)},
                                         {"id_number", std::string(id)}, {"phone", std::string(phone)}});
    };
    zhangsan = add("张三", "110101190001010014", "13800138000");
    zhangsi = add("张思", "110101190001010022", "13912345678");
    lisi = add("李四", "11010119040229007X", "15066667777");
    ouyang = add("欧阳娜娜", "110101198002290018", "0533-6123456");
  }
  std::vector<std::string> ids(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& h : gl::db::SearchQueries(*l, l->readerScope()).find(query, 20)) out.push_back(h.id);
    return out;
  }
};

bool has(const std::vector<std::string>& v, const std::string& id) { return std::find(v.begin(), v.end(), id) != v.end(); }

}  // namespace

TEST_CASE("a name, its beginning, its pinyin initials and its full pinyin find the person") {
  People p;
  CHECK(p.ids("张三") == std::vector<std::string>{p.zhangsan});
  auto zhang = p.ids("张");
  CHECK(has(zhang, p.zhangsan));
  CHECK(has(zhang, p.zhangsi));
  CHECK_FALSE(has(zhang, p.lisi));
  auto zs = p.ids("zs");
  REQUIRE(zs.size() == 2);
  CHECK(zs[0] == p.zhangsan);  // zhangsan sorts before zhangsi
  CHECK(p.ids("ZS") == zs);
  CHECK(p.ids("zhangsan") == std::vector<std::string>{p.zhangsan});
  CHECK(p.ids("oynn") == std::vector<std::string>{p.ouyang});
  CHECK(p.ids("ouyang") == std::vector<std::string>{p.ouyang});
}

TEST_CASE("identity and phone numbers are found whole or by their last digits") {
  People p;
  CHECK(p.ids("110101190001010014") == std::vector<std::string>{p.zhangsan});
  CHECK(p.ids("0014") == std::vector<std::string>{p.zhangsan});
  CHECK(p.ids("007x") == std::vector<std::string>{p.lisi});
  CHECK(p.ids("８０００") == std::vector<std::string>{p.zhangsan});  // full-width digits from a Chinese IME
  CHECK(p.ids("13912345678") == std::vector<std::string>{p.zhangsi});
  CHECK(p.ids("5678") == std::vector<std::string>{p.zhangsi});
  CHECK(p.ids("6123456") == std::vector<std::string>{p.ouyang});
  CHECK(p.ids("123").empty() == true);  // fewer than 4 digits matches no number (and no address trigram here)
}

TEST_CASE("address text and household numbers find the household") {
  People p;
  auto hits = gl::db::SearchQueries(*p.l, p.l->readerScope()).find("幸福社区", 10);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].table == Table::Household);
  CHECK(hits[0].id == p.household);
  CHECK(p.ids("2单元301") == std::vector<std::string>{p.household});
  CHECK(p.ids("000123456") == std::vector<std::string>{p.household});
  CHECK(p.ids("和平社区").empty());
}

TEST_CASE("search results carry what a list shows, and follow edits and deletions") {
  People p;
  auto hit = gl::db::SearchQueries(*p.l, p.l->readerScope()).find("张三", 5).at(0);
  CHECK(hit.name == "张三");
  CHECK(hit.idNumber == "110101190001010014");
  CHECK(hit.householdId == p.household);
  CHECK(hit.address.find("幸福社区") != std::string::npos);
  CHECK(hit.matchedBy == "name");
  p.l->update(Table::Resident, p.zhangsan, {{"name", std::string("章三")}});
  CHECK(p.ids("张三").empty());
  CHECK(p.ids("章三") == std::vector<std::string>{p.zhangsan});
  CHECK(p.ids("zs").size() == 2);  // 章 is zhang too
  p.l->tombstone(Table::Resident, p.zhangsi);
  CHECK(p.ids("张思").empty());
  CHECK(p.ids("5678").empty());
  p.l->update(Table::Household, p.household, {{"address", std::string("高青县芦湖街道和平社区1号楼")}});
  CHECK(p.ids("幸福社区").empty());
  CHECK(p.ids("和平社区") == std::vector<std::string>{p.household});
}

TEST_CASE("the limit is respected and an empty query finds nothing") {
  People p;
  CHECK(gl::db::SearchQueries(*p.l, p.l->readerScope()).find("z", 1).size() == 1);
  CHECK(gl::db::SearchQueries(*p.l, p.l->readerScope()).find("   ", 10).empty());
  CHECK(gl::db::SearchQueries(*p.l, p.l->readerScope()).find("张", 0).empty());
}

TEST_CASE("every search kind reads an index, never scans a table") {
  People p;
  SQLite::Database db(p.l.file().string());
  auto plan = [&](const std::string& sql) {
    SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
    std::string all;
    while (st.executeStep()) all += st.getColumn(3).getString() + "\n";
    return all;
  };
  std::string terms = plan("SELECT tbl, rid FROM search_term WHERE term >= 'n:张' AND term < 'n:张\xFF' LIMIT 40");
  CHECK(terms.find("SEARCH search_term USING PRIMARY KEY") != std::string::npos);
  std::string address = plan("SELECT rowid FROM household_address WHERE household_address MATCH '\"幸福社区\"'");
  CHECK(address.find("VIRTUAL TABLE INDEX") != std::string::npos);
  std::string resolve = plan("SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household "
                             "LEFT JOIN grid g ON g.id = h.grid WHERE r.rid = 1");
  CHECK(resolve.find("SCAN") == std::string::npos);
}

TEST_CASE("a rebuilt index answers exactly like the maintained one") {
  People p;
  auto before = gl::db::SearchQueries(*p.l, p.l->readerScope()).find("zs", 10);
  p.l->rebuildSearchIndex();
  auto after = gl::db::SearchQueries(*p.l, p.l->readerScope()).find("zs", 10);
  REQUIRE(before.size() == after.size());
  for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i].id == after[i].id);
  CHECK(p.ids("幸福社区") == std::vector<std::string>{p.household});
}

TEST_CASE("people found by name are listed in pinyin order") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("木李镇刘庄1号")}});
  for (const char* name : {"张伟", "张三", "张思", "张爱国"})
    l->insert(Table::Resident, {{"household", h}, {"name", std::string(name)}});
  std::vector<std::string> names;
  for (const auto& hit : gl::db::SearchQueries(*l, l->readerScope()).find("张", 10)) names.push_back(hit.name);
  CHECK(names == std::vector<std::string>{"张爱国", "张三", "张思", "张伟"});
}

TEST_CASE("whole numbers in any written form find their person, and surnames under both readings") {
  TempLedger l;
  std::string h = l->insert(Table::Household, {{"address", std::string("高城镇孙庄8号")}});
  std::string traveller = l->insert(Table::Resident, {{"household", h}, {"name", std::string("曾小贤")},
                                                      {"id_number", std::string("EF1260892")},
                                                      {"phone", std::string("13878481630")}});
  auto ids = [&](const std::string& q) {
    std::vector<std::string> out;
    for (const auto& hit : gl::db::SearchQueries(*l, l->readerScope()).find(q, 10)) out.push_back(hit.id);
    return out;
  };
  CHECK(ids("EF1260892") == std::vector<std::string>{traveller});
  CHECK(ids("ef1260892") == std::vector<std::string>{traveller});
  CHECK(ids("+86 138-7848-1630") == std::vector<std::string>{traveller});
  CHECK(ids("zxx") == std::vector<std::string>{traveller});  // 曾 as a surname: zēng
  CHECK(ids("cxx") == std::vector<std::string>{traveller});  // as typed by someone who reads it céng
  CHECK(ids("zengxiaoxian") == std::vector<std::string>{traveller});
}

TEST_CASE("today's figures and the active list read only active cases through their partial index") {
  TempLedger l;
  SQLite::Database db(l.file().string());
  auto plan = [&](const std::string& sql) {
    SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
    std::string all;
    while (st.executeStep()) all += st.getColumn(3).getString() + "\n";
    return all;
  };
  CHECK(plan("SELECT planned_end_on, start_on, policy FROM quarantine INDEXED BY quarantine_active "
             "WHERE status = 'active' AND deleted = 0")
            .find("quarantine_active") != std::string::npos);
}

TEST_CASE("a batched search index (an import) ends as the rows do: added, changed and deleted in one batch") {
  People p;
  std::string wang, zhao;
  p.l->write([&](gl::db::Writer& w) {
    w.batchSearchIndex();
    wang = w.insert(Table::Resident, {{"household", p.household}, {"name", std::string("王五")},
                                      {"phone", std::string("13700001111")}});
    w.update(Table::Resident, wang, {{"phone", std::string("13700002222")}});
    zhao = w.insert(Table::Resident, {{"household", p.household}, {"name", std::string("赵六")}});
    w.tombstone(Table::Resident, zhao);
    // Terms already in the index before the batch change too.
    w.update(Table::Resident, p.lisi, {{"phone", std::string("15088889999")}});
    // Rows from before the batch are still found through the index.
    CHECK(w.residentWithIdNumber("110101190001010014") == p.zhangsan);
  });
  CHECK(p.ids("王五") == std::vector<std::string>{wang});
  CHECK(p.ids("ww") == std::vector<std::string>{wang});
  CHECK(p.ids("2222") == std::vector<std::string>{wang});
  CHECK(p.ids("1111").empty());
  CHECK(p.ids("赵六").empty());
  CHECK(p.ids("9999") == std::vector<std::string>{p.lisi});
  CHECK(p.ids("7777").empty());
}

TEST_CASE("a batch of more terms than one statement takes is written whole") {
  TempLedger l;
  auto household = l->insert(Table::Household, {{"address", std::string("高青县田镇街道幸福社区1号楼")}});
  std::vector<std::string> ids;
  l->write([&](gl::db::Writer& w) {
    w.batchSearchIndex();
    for (int i = 0; i < 301; ++i)
      ids.push_back(w.insert(Table::Resident, {{"household", household}, {"name", "居民" + std::to_string(i)},
                                               {"phone", "1370000" + std::to_string(1000 + i)}}));
  });
  for (int i : {0, 127, 128, 255, 300}) {
    auto hits = gl::db::SearchQueries(*l, l->readerScope()).find("1370000" + std::to_string(1000 + i), 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == ids[static_cast<std::size_t>(i)]);
  }
  CHECK(gl::db::SearchQueries(*l, l->readerScope()).find("居民", 1000).size() == 301);
}

TEST_CASE("a door card's code, scanned into the search, finds its household first") {
  People p;
  auto code = gl::core::doorCode(p.household);
  REQUIRE(code);
  auto hits = gl::db::SearchQueries(*p.l, p.l->readerScope()).find(*code, 5);
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].id == p.household);
  CHECK(hits[0].matchedBy == "door_card");
  p.l->tombstone(Table::Resident, p.zhangsan);
  p.l->tombstone(Table::Resident, p.zhangsi);
  p.l->tombstone(Table::Resident, p.lisi);
  p.l->tombstone(Table::Resident, p.ouyang);
  p.l->tombstone(Table::Household, p.household);
  CHECK(gl::db::SearchQueries(*p.l, p.l->readerScope()).find(*code, 5).empty());  // a deleted household's card finds nothing
}
