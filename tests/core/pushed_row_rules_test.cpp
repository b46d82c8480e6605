// The record rules as the data center applies them to a pushed row (core/pushed_row_rules.h): what
// is derived, what is refused, and what an old row's own faults do not block.
#include <doctest/doctest.h>

#include "core/identity.h"
#include "core/pushed_row_rules.h"

using gl::core::Cells;
using gl::core::Date;
using gl::core::Table;
using gl::core::Value;

namespace {

const Date kToday{2022, 11, 20};
std::string validId(const std::string& first17) { return first17 + gl::core::gb11643CheckDigit(first17); }
const std::string kWoman = validId("37032219850101002");  // born 1985-01-01, female
const std::string kMan = validId("37032219900215003");    // born 1990-02-15, male

Value at(const Cells& cells, const char* column) {
  const Value* v = gl::core::findCell(cells, column);
  return v ? *v : Value("(absent)");
}

gl::core::Policy home7() {
  gl::core::Policy p;
  p.code = "home7";
  p.kind = gl::core::QuarantineKind::Home;
  p.days = 7;
  return p;
}

struct Case {
  const char* name;
  Table table;
  Cells stored, pushed;
  bool isNew;
  std::vector<std::string> refused;
  bool wholeRow;
  Cells derived;  // exactly these, in any order
};

}  // namespace

TEST_CASE("the data center derives what a pushed row leaves out and refuses what contradicts it") {
  const Cells womanRow{{"id_number", kWoman}, {"id_type", "resident"}, {"birth_date", "1985-01-01"}, {"sex", "female"}};
  const Cells passportRow{{"id_number", "E12345678"}, {"id_type", "passport"}, {"birth_date", "1970-05-05"}, {"sex", "male"}};
  const Cells caseRow{{"policy", "home7"}, {"start_on", "2022-11-10"}, {"planned_end_on", "2022-11-16"},
                      {"kind", "home"}, {"status", "active"}};
  const std::vector<Case> cases = {
      {"a new number alone: birth date and sex follow, under the data center's stamp", Table::Resident, womanRow,
       {{"id_number", kMan}}, false, {}, false, {{"birth_date", "1990-02-15"}, {"sex", "male"}}},
      {"a number with its own derived cells: nothing to add", Table::Resident, womanRow,
       {{"id_number", kMan}, {"birth_date", "1990-02-15"}, {"sex", "male"}}, false, {}, false, {}},
      {"a birth date the stored number contradicts: refused", Table::Resident, womanRow,
       {{"birth_date", "1999-09-09"}}, false, {"birth_date"}, false, {}},
      {"a number with a contradicting sex: the sex refused, the number's own sex derived", Table::Resident, womanRow,
       {{"id_number", kMan}, {"birth_date", "1990-02-15"}, {"sex", "female"}}, false, {"sex"}, false,
       {{"sex", "male"}}},
      {"a birth date in the future: refused", Table::Resident, passportRow, {{"birth_date", "2031-01-01"}}, false,
       {"birth_date"}, false, {}},
      {"a passport holder's birth date: nothing to check it against", Table::Resident, passportRow,
       {{"birth_date", "1971-06-06"}}, false, {}, false, {}},
      {"a row that already contradicted itself is not blocked by an unrelated fix", Table::Resident,
       {{"id_number", kWoman}, {"id_type", "resident"}, {"birth_date", "1901-01-01"}, {"sex", "female"}},
       {{"sex", "female"}}, false, {}, false, {}},
      {"a new row: every derived cell", Table::Resident, {}, {{"id_number", kWoman}}, true, {}, false,
       {{"id_type", "resident"}, {"birth_date", "1985-01-01"}, {"sex", "female"}}},
      {"a new start: the planned end follows from the policy", Table::Quarantine, caseRow,
       {{"start_on", "2022-11-12"}}, false, {}, false, {{"planned_end_on", "2022-11-18"}}},
      {"a planned end before the start: refused", Table::Quarantine, caseRow, {{"planned_end_on", "2022-11-01"}},
       false, {"planned_end_on"}, false, {}},
      {"released with no end date: the row is refused whole", Table::Quarantine, caseRow,
       {{"status", "released"}}, false, {}, true, {}},
      {"released with its end date: taken", Table::Quarantine, caseRow,
       {{"status", "released"}, {"ended_on", "2022-11-17"}}, false, {}, false, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto ruling = gl::core::rulePushedRow(c.table, c.stored, c.pushed, home7(), c.isNew, kToday);
    CHECK(ruling.refused == c.refused);
    CHECK(ruling.wholeRow == c.wholeRow);
    CHECK(ruling.derived.size() == c.derived.size());
    for (const auto& d : c.derived) CHECK(at(ruling.derived, d.column.c_str()) == d.value);
    CHECK(ruling.issues.empty() == (c.refused.empty() && !c.wholeRow));
  }
}

TEST_CASE("only the columns a rule reads bring the rules in") {
  CHECK(gl::core::ruledColumn(Table::Resident, "id_number"));
  CHECK(gl::core::ruledColumn(Table::Quarantine, "start_on"));
  CHECK_FALSE(gl::core::ruledColumn(Table::Resident, "phone"));
  CHECK_FALSE(gl::core::ruledColumn(Table::Household, "address"));
}
