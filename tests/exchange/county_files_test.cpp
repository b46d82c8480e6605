// The classes of county files the import used to guess on (docs/import.md), each in several variants
// and formats, written by make_county_files.py with what importing each must do: every good row in
// once, every doubtful row rejected with its row, column header and the cell as written, and a second
// import creating and changing nothing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/identity.h"
#include "exchange/roster_import.h"
#include "temp_ledger.h"
#include "text/describe.h"

using gl::core::IssueCode;
using gl::core::Table;
using json = nlohmann::json;

namespace {

const std::map<std::string, IssueCode> kCodes = {
    {"IdWrongDigitCount", IssueCode::IdWrongDigitCount},
    {"IdNotResidentNumber", IssueCode::IdNotResidentNumber},
    {"IdWrongDocumentShape", IssueCode::IdWrongDocumentShape},
    {"ValueNotAllowed", IssueCode::ValueNotAllowed},
    {"IdNameMismatch", IssueCode::IdNameMismatch},
    {"IdNameMismatchInFile", IssueCode::IdNameMismatchInFile},
    {"FieldRequired", IssueCode::FieldRequired},
    {"IdContradiction", IssueCode::IdContradiction},
    {"IdUnknownCounty", IssueCode::IdUnknownCounty},
    {"PersonUnidentified", IssueCode::PersonUnidentified},
    {"IdColumnsDisagree", IssueCode::IdColumnsDisagree},
    {"IdStoredAsNumber", IssueCode::IdStoredAsNumber},
};

struct Files {
  gl::test::TempDir dir;
  json expected;
  Files() {
    std::string cmd = std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/make_county_files.py' '" +
                      dir.path.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(dir.path / "expected.json");
    expected = json::parse(in);
  }
};

const Files& files() {
  static const Files f;
  return f;
}

// The person with this number as the ledger stores it (15 digits are kept as their 18-digit form).
std::optional<gl::db::Row> person(const gl::db::Ledger& l, const std::string& number) {
  auto checked = gl::core::checkId(number, l.today());
  auto ids = l.residentsWithIdNumber(checked.valid ? checked.normalized : gl::core::normalizeIdText(number));
  if (ids.size() != 1) return std::nullopt;
  return l.get(Table::Resident, ids.front());
}

void checkRejected(const gl::exchange::ImportReport& report, const json& want) {
  CHECK(report.rejected == static_cast<std::int64_t>(want.size()));
  for (const auto& w : want) {
    CAPTURE(w.dump());
    const gl::exchange::RejectedRow* row = nullptr;
    for (const auto& r : report.rejectedRows)
      if (r.row == w["row"].get<std::int64_t>()) row = &r;
    REQUIRE(row);
    const gl::core::Issue* issue = nullptr;
    for (const auto& i : row->issues)
      if (i.code == kCodes.at(w["code"])) issue = &i;
    REQUIRE(issue);
    const std::string said = gl::text::describe(*issue);
    CAPTURE(said);
    if (w["header"].is_null()) {
      CHECK(issue->column == 0);  // the sheet has no column for it: none is named
    } else {
      CHECK(issue->column > 0);
      CHECK(issue->heading == w["header"].get<std::string>());
      CHECK(said.find(w["header"].get<std::string>()) != std::string::npos);
    }
    if (w["quote"].is_string()) CHECK(said.find("“" + w["quote"].get<std::string>() + "”") != std::string::npos);
  }
}

void checkLedger(const gl::db::Ledger& l, const json& e) {
  for (const auto& p : e["persons"]) {
    CAPTURE(p.dump());
    auto r = person(l, p["id_number"]);
    REQUIRE(r);
    for (const auto& [key, value] : p.items()) {
      if (key == "id_number") continue;
      if (key.starts_with("household.")) {
        auto h = l.get(Table::Household, r->text("household"));
        REQUIRE(h);
        std::string column = key.substr(10);
        if (column.ends_with("~"))
          CHECK(h->text(column.substr(0, column.size() - 1)).find(value.get<std::string>()) != std::string::npos);
        else
          CHECK(h->text(column) == value.get<std::string>());
      } else if (value.is_null()) {
        CHECK(r->text(key).empty());
      } else {
        CHECK(r->text(key) == value.get<std::string>());
      }
    }
  }
  auto householdOf = [&](const json& number) {
    auto r = person(l, number);
    REQUIRE(r);
    return r->text("household");
  };
  for (const auto& pair : e["same_household"]) CHECK(householdOf(pair[0]) == householdOf(pair[1]));
  for (const auto& pair : e["different_household"]) CHECK(householdOf(pair[0]) != householdOf(pair[1]));
  for (const auto& q : e["quarantines"]) {
    CAPTURE(q.dump());
    auto r = person(l, q["id_number"]);
    REQUIRE(r);
    int found = 0;
    l.forEachRow(Table::Quarantine, [&](const gl::db::Row& row) {
      if (row.text("resident") != r->id) return;
      ++found;
      CHECK(row.text("kind") == q["kind"].get<std::string>());
      CHECK(row.text("place") == (q["place"].is_null() ? std::string() : q["place"].get<std::string>()));
    });
    CHECK(found == 1);
  }
}

void importOne(const json& e) {
  const auto& dir = files().dir.path;
  gl::test::TempLedger l;
  for (const auto& seed : e["seed"]) REQUIRE(gl::exchange::importRoster(*l, dir / seed.get<std::string>(), {}).rejected == 0);
  gl::exchange::ImportOptions options;
  options.acceptRenames = e["options"].value("accept_renames", false);
  auto report = gl::exchange::importRoster(*l, dir / e["file"].get<std::string>(), options);
  CHECK(report.imported == e["imported"].get<std::int64_t>());
  if (!e["households_created"].is_null()) CHECK(report.householdsCreated == e["households_created"].get<std::int64_t>());
  if (!e["persons_created"].is_null()) CHECK(report.personsCreated == e["persons_created"].get<std::int64_t>());
  checkRejected(report, e["rejected"]);
  CHECK(report.warnings.size() == e["warnings"].size());
  for (std::size_t i = 0; i < report.warnings.size() && i < e["warnings"].size(); ++i) {
    CHECK(report.warnings[i].row == e["warnings"][i]["row"].get<int>());
    CHECK(report.warnings[i].code == kCodes.at(e["warnings"][i]["code"]));
  }
  std::vector<std::string> missing;
  for (const auto& m : report.missingColumns) missing.push_back(m.field);
  CHECK(json(missing) == e["missing"]);
  CHECK(report.renames.size() == e["renames"].get<std::size_t>());
  checkLedger(*l, e);
  if (!e["idempotent"].get<bool>()) return;
  auto again = gl::exchange::importRoster(*l, dir / e["file"].get<std::string>(), options);
  CHECK(again.imported == report.imported);
  CHECK(again.personsCreated == 0);
  CHECK(again.personsUpdated == 0);
  CHECK(again.householdsCreated == 0);
  CHECK(again.quarantinesCreated == 0);
  CHECK(again.visitsCreated == 0);
}

}  // namespace

TEST_CASE("county files of every class import every good row once and reject each doubtful one with a reason") {
  for (const auto& e : files().expected) {
    const std::string name = e["file"].get<std::string>() + " " + e["options"].dump();
    SUBCASE(name.c_str()) { importOne(e); }
  }
}
