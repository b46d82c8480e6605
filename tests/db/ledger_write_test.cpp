#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/validation_error.h"
#include "db/writer.h"
#include "temp_ledger.h"
#include "db/figure_queries.h"
#include "db/search_queries.h"

using gl::core::IssueCode;
using gl::core::Table;
using gl::core::Value;
using gl::test::TempLedger;

namespace {

std::string addHousehold(gl::db::Ledger& l, const std::string& address = "田镇街道幸福社区3号楼2单元301室") {
  return l.insert(Table::Household, {{"address", address}, {"building", std::string("3")}});
}

long long liveCount(gl::db::Ledger& l, const std::string& plural) {
  for (const auto& t : gl::db::FigureQueries(l, l.readerScope()).today(l.today()).tables)
    if (t.table == plural) return t.rows;
  return -1;
}

IssueCode firstIssue(const std::function<void()>& write) {
  try {
    write();
  } catch (const gl::ValidationError& e) {
    REQUIRE_FALSE(e.issues().empty());
    return e.issues().front().code;
  }
  FAIL("the write was accepted");
  return IssueCode::IdEmpty;
}

}  // namespace

TEST_CASE("a resident is stored normalized with birth date, sex and document type derived from the id") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string id = l->insert(Table::Resident, {{"household", h},
                                               {"name", std::string(" 张三 ")},
                                               {"id_number", std::string("'11010119600101002x")},
                                               {"phone", std::string("+86 138-0013-8000")}});
  auto row = l->get(Table::Resident, id);
  REQUIRE(row);
  CHECK((*row)["name"] == Value("张三"));
  CHECK((*row)["id_number"] == Value("11010119600101002X"));
  CHECK((*row)["birth_date"] == Value("1960-01-01"));
  CHECK((*row)["sex"] == Value("female"));
  CHECK((*row)["id_type"] == Value("resident"));
  CHECK((*row)["phone"] == Value("13800138000"));
  CHECK_FALSE(row->deleted);
}

TEST_CASE("invalid values are refused with an issue per field and nothing is written") {
  TempLedger l;
  std::string h = addHousehold(*l);
  long long before = liveCount(*l, "residents");
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("李四")},
                                      {"id_number", std::string("110101190001010015")}});
        }) == IssueCode::IdBadChecksum);
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("李四")},
                                      {"id_number", std::string("3.70322198501011E+17")}});
        }) == IssueCode::IdStoredAsNumber);
  CHECK(firstIssue([&] { l->insert(Table::Resident, {{"household", h}}); }) == IssueCode::FieldRequired);
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("王五")}, {"religion", std::string("x")}});
        }) == IssueCode::UnknownColumn);
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", std::string("no-such-household")}, {"name", std::string("王五")}});
        }) == IssueCode::BadReference);
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("王五")}, {"sex", std::string("男的")}});
        }) == IssueCode::ValueNotAllowed);
  CHECK(liveCount(*l, "residents") == before);
}

TEST_CASE("a multi-row write is all or nothing") {
  TempLedger l;
  long long before = liveCount(*l, "households");
  CHECK_THROWS_AS(l->write([&](gl::db::Writer& w) {
    w.insert(Table::Household, {{"address", std::string("一号")}});
    w.insert(Table::Household, {{"address", std::string("二号")}});
    w.insert(Table::Household, {{"address", std::string("")}});  // required: refused
  }),
                  gl::ValidationError);
  CHECK(liveCount(*l, "households") == before);
  CHECK(gl::db::SearchQueries(*l, l->readerScope()).find("一号", 10).empty());
}

TEST_CASE("an update changes only the given cells and refuses bad values") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string id = l->insert(Table::Resident, {{"household", h}, {"name", std::string("赵六")},
                                               {"phone", std::string("13800138000")}});
  l->update(Table::Resident, id, {{"phone", std::string("0571-88888888")}, {"notes", std::string("独居")}});
  auto row = l->get(Table::Resident, id);
  CHECK((*row)["name"] == Value("赵六"));
  CHECK((*row)["notes"] == Value("独居"));
  CHECK((*row)["phone"].has_value());
  CHECK(firstIssue([&] { l->update(Table::Resident, id, {{"name", std::string("")}}); }) == IssueCode::FieldRequired);
  CHECK(firstIssue([&] { l->update(Table::Resident, id, {{"id", std::string("x")}}); }) == IssueCode::ReadOnlyColumn);
  CHECK((*l->get(Table::Resident, id))["name"] == Value("赵六"));
}

TEST_CASE("a tombstoned row stays in the ledger for sync but leaves every list") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string id = l->insert(Table::Resident, {{"household", h}, {"name", std::string("钱七")}});
  long long before = liveCount(*l, "residents");
  l->tombstone(Table::Resident, id);
  auto row = l->get(Table::Resident, id);
  REQUIRE(row);
  CHECK(row->deleted);
  CHECK(liveCount(*l, "residents") == before - 1);
  int seen = 0;
  l->forEachRow(Table::Resident, [&](const gl::db::Row& r) { seen += r.id == id; });
  CHECK(seen == 0);
  CHECK(gl::db::SearchQueries(*l, l->readerScope()).find("钱七", 10).empty());
  CHECK_THROWS_AS(l->update(Table::Resident, id, {{"name", std::string("钱八")}}), gl::Error);
  CHECK_THROWS_AS(l->tombstone(Table::Resident, id), gl::Error);
}

TEST_CASE("a quarantine takes its kind, status and planned end from its policy") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string r = l->insert(Table::Resident, {{"household", h}, {"name", std::string("孙八")}});
  std::string q = l->insert(Table::Quarantine, {{"resident", r},
                                                {"policy", std::string("central7_monitor3_2022")},
                                                {"start_on", std::string("2022年11月3日")}});
  auto row = l->get(Table::Quarantine, q);
  CHECK((*row)["start_on"] == Value("2022-11-03"));
  CHECK((*row)["planned_end_on"] == Value("2022-11-09"));
  CHECK((*row)["kind"] == Value("central"));
  CHECK((*row)["status"] == Value("active"));
  CHECK(firstIssue([&] {
          l->insert(Table::Quarantine, {{"resident", r}, {"kind", std::string("home")}, {"start_on", std::string("2022-11-05")},
                                        {"planned_end_on", std::string("2022-11-01")}});
        }) == IssueCode::QuarantineEndBeforeStart);
}

TEST_CASE("policies are data: an invalid one is refused and an edited one drives new cases") {
  TempLedger l;
  CHECK(l->policies().size() >= 5);
  CHECK(firstIssue([&] {
          l->insert(Table::Policy, {{"code", std::string("bad")}, {"name", std::string("bad")}, {"kind", std::string("home")},
                                    {"days", std::string("0")}, {"slots_per_day", std::string("2")}});
        }) == IssueCode::PolicyBadDays);
  std::string p = l->insert(Table::Policy, {{"code", std::string("home10")}, {"name", std::string("10 days at home")},
                                            {"kind", std::string("home")}, {"days", std::string("10")},
                                            {"slots_per_day", std::string("3")}, {"test_days", std::string("1,10")}});
  std::string h = addHousehold(*l);
  std::string r = l->insert(Table::Resident, {{"household", h}, {"name", std::string("周九")}});
  std::string q = l->insert(Table::Quarantine, {{"resident", r}, {"policy", std::string("home10")},
                                                {"start_on", std::string("2022-11-20")}});
  CHECK((*l->get(Table::Quarantine, q))["planned_end_on"] == Value("2022-11-29"));
  CHECK(gl::db::FigureQueries(*l, l->readerScope()).today(gl::core::Date{2022, 11, 20}).checksDueToday == 3);
  CHECK(firstIssue([&] { l->update(Table::Policy, p, {{"test_days", std::string("1,11")}}); }) == IssueCode::PolicyBadTestDay);
}

TEST_CASE("a second connection sees only committed writes") {
  TempLedger l;
  auto other = gl::db::Ledger::open(l.file());
  try {
    l->write([&](gl::db::Writer& w) {
      w.insert(Table::Household, {{"address", std::string("未提交的地址一号")}});
      throw std::runtime_error("power cut");
    });
  } catch (const std::runtime_error&) {
  }
  CHECK(gl::db::SearchQueries(*other, other->readerScope()).find("未提交的地址", 5).empty());
  addHousehold(*l, "已提交的地址二号");
  CHECK(gl::db::SearchQueries(*other, other->readerScope()).find("已提交的地址", 5).size() == 1);
}

TEST_CASE("the policy set stays whole: no dangling follow-on, no duplicate code, no deleting a used policy") {
  TempLedger l;
  std::string central, monitor;
  l->forEachRow(Table::Policy, [&](const gl::db::Row& r) {
    if (r["code"] == Value("central7_monitor3_2022")) central = r.id;
    if (r["code"] == Value("monitor3_2022")) monitor = r.id;
  });
  REQUIRE_FALSE(central.empty());
  REQUIRE_FALSE(monitor.empty());
  CHECK(firstIssue([&] { l->update(Table::Policy, central, {{"follow_on", std::string("nothing_here")}}); }) ==
        IssueCode::BadReference);
  CHECK(firstIssue([&] { l->update(Table::Policy, central, {{"code", std::string("home14_2020")}}); }) ==
        IssueCode::ValueNotAllowed);
  CHECK_THROWS_AS(l->tombstone(Table::Policy, monitor), gl::Error);  // central7_monitor3_2022 follows on to it
  CHECK((*l->get(Table::Policy, central))["follow_on"] == Value("monitor3_2022"));
  CHECK_FALSE(l->get(Table::Policy, monitor)->deleted);
}

TEST_CASE("text that is not UTF-8 or holds control characters is refused") {
  TempLedger l;
  std::string h = addHousehold(*l);
  CHECK(firstIssue([&] { l->insert(Table::Resident, {{"household", h}, {"name", std::string("\xff\xfe张")}}); }) ==
        IssueCode::BadText);
  CHECK(firstIssue([&] {
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("张三")}, {"notes", std::string("a\x01" "b")}});
        }) == IssueCode::BadText);
  CHECK(firstIssue([&] {  // an overlong encoding of "1"
          l->insert(Table::Resident, {{"household", h}, {"name", std::string("张三")}, {"id_number", std::string("\xc0\xb1")}});
        }) != IssueCode::FieldRequired);
  l->insert(Table::Resident, {{"household", h}, {"name", std::string("张三")}, {"notes", std::string("第一行\n第二行\t完")}});
}

TEST_CASE("birth date, sex and document type follow the identity number and may not contradict it") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string id = l->insert(Table::Resident, {{"household", h}, {"name", std::string("冯某")},
                                               {"id_number", std::string("11010119600101002X")}});
  CHECK(firstIssue([&] { l->update(Table::Resident, id, {{"sex", std::string("male")}}); }) == IssueCode::IdContradiction);
  CHECK(firstIssue([&] { l->update(Table::Resident, id, {{"birth_date", std::string("1961-01-01")}}); }) ==
        IssueCode::IdContradiction);
  l->update(Table::Resident, id, {{"id_number", std::string("110101198002290018")}});
  auto row = *l->get(Table::Resident, id);
  CHECK(row["birth_date"] == Value("1980-02-29"));
  CHECK(row["sex"] == Value("male"));
  l->update(Table::Resident, id, {{"id_number", std::string("EF1260892")}});
  CHECK((*l->get(Table::Resident, id))["id_type"] == Value("passport"));
  l->update(Table::Resident, id, {{"id_number", std::string("")}});
  CHECK_FALSE((*l->get(Table::Resident, id))["id_type"].has_value());
  std::string other = l->insert(Table::Resident, {{"household", h}, {"name", std::string("褚某")}});
  CHECK(firstIssue([&] { l->update(Table::Resident, other, {{"birth_date", std::string("2099-01-01")}}); }) ==
        IssueCode::DateOutOfRange);
}

TEST_CASE("a household with residents and a person under quarantine cannot be deleted") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string r = l->insert(Table::Resident, {{"household", h}, {"name", std::string("卫某")}});
  CHECK_THROWS_AS(l->tombstone(Table::Household, h), gl::Error);
  std::string q = l->insert(Table::Quarantine, {{"resident", r}, {"policy", std::string("home7_2022")},
                                                {"start_on", std::string("2022-11-18")}});
  CHECK_THROWS_AS(l->tombstone(Table::Resident, r), gl::Error);
  l->update(Table::Quarantine, q, {{"status", std::string("cancelled")}});
  l->tombstone(Table::Resident, r);
  l->tombstone(Table::Household, h);
  CHECK(l->get(Table::Household, h)->deleted);
}

TEST_CASE("a quarantine's policy must exist, a new policy re-derives the end, and a closed case has its end date") {
  TempLedger l;
  std::string h = addHousehold(*l);
  std::string r = l->insert(Table::Resident, {{"household", h}, {"name", std::string("蒋某")}});
  CHECK(firstIssue([&] {
          l->insert(Table::Quarantine, {{"resident", r}, {"policy", std::string("no_such_policy")},
                                        {"start_on", std::string("2022-11-18")}});
        }) == IssueCode::BadReference);
  std::string q = l->insert(Table::Quarantine, {{"resident", r}, {"policy", std::string("home14_2020")},
                                                {"start_on", std::string("2022-11-10")}});
  CHECK((*l->get(Table::Quarantine, q))["planned_end_on"] == Value("2022-11-23"));
  l->update(Table::Quarantine, q, {{"policy", std::string("home7_2022")}});
  CHECK((*l->get(Table::Quarantine, q))["planned_end_on"] == Value("2022-11-16"));
  CHECK(firstIssue([&] { l->update(Table::Quarantine, q, {{"status", std::string("released")}}); }) ==
        IssueCode::FieldRequired);
  l->update(Table::Quarantine, q, {{"status", std::string("released")}, {"ended_on", std::string("2022-11-17")}});
  CHECK((*l->get(Table::Quarantine, q))["status"] == Value("released"));
}
