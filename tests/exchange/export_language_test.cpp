// An .xlsx export speaks the clerk's language (docs/import.md "Exports"): the fields' names and the
// codes' words in Chinese or English as the program runs, the ids last; and it comes back through the
// import unchanged, or changed in exactly the cells a clerk edited, whichever language it was made in
// and whichever the import runs in.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>

#include "demo/demo.h"
#include "exchange/column_map.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"
#include "exchange/table_export.h"
#include "temp_ledger.h"
#include "text/gettext_setup.h"
#include "text/labels.h"
#include "text/text.h"

using gl::core::Table;

namespace {

// Runs the library in a language for the scope of the object, English again afterwards.
struct Language {
  explicit Language(const std::string& language) {
    setenv("GRIDLEDGER_LOCALEDIR", GL_LOCALE_DIR, 1);
    CHECK(gl::text::useGettext(language, nullptr) == language);
  }
  ~Language() { gl::text::useGettext("en", nullptr); }
};

std::vector<std::vector<std::string>> readSheet(const std::filesystem::path& file) {
  auto reader = gl::exchange::openSpreadsheet(file);
  reader->openSheet(0);
  std::vector<std::vector<std::string>> rows;
  gl::exchange::SheetRow row;
  while (reader->next(row)) {
    std::vector<std::string> cells;
    for (const auto& c : row.cells) cells.push_back(c.text);
    rows.push_back(std::move(cells));
  }
  return rows;
}

int columnOf(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i) + 1;
  FAIL("no column " << name);
  return 0;
}

std::map<std::string, gl::db::Row> everyone(const gl::db::Ledger& l) {
  std::map<std::string, gl::db::Row> out;
  l.forEachRow(Table::Resident, [&](const gl::db::Row& r) { out.emplace(r.id, r); });
  return out;
}

struct Words {
  std::string language, name, sex, idType, idNumber, residence, care, household, record;
  std::string male, residentCard, disabledAlone, temporary;
};

const Words kChinese{"zh_CN", "姓名", "性别", "证件类型", "证件号码", "居住类型", "特殊人群", "户编号", "记录编号",
                     "男", "居民身份证", "残疾、独居老人", "暂住"};
const Words kEnglish{"en", "Name", "Sex", "Document type", "Identity number", "Residence status", "Care needs",
                     "Household ID", "Record ID", "male", "resident ID card", "disability, elderly living alone",
                     "temporary resident"};

void roundTrip(const Words& w, const std::string& importLanguage) {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {30, 11});
  auto file = l.dir.path / "residents.xlsx";
  {
    Language in(w.language);
    gl::exchange::exportTable(*l, Table::Resident, file, "核对");
  }
  auto sheet = readSheet(file);
  REQUIRE(sheet.size() > 20);
  const auto& header = sheet.front();
  CHECK(header.front() == w.name);
  CHECK(header[header.size() - 2] == w.household);
  CHECK(header.back() == w.record);
  const int sex = columnOf(header, w.sex), type = columnOf(header, w.idType), residence = columnOf(header, w.residence),
            care = columnOf(header, w.care), phone = columnOf(header, w.language == "en" ? "Phone" : "联系电话");
  columnOf(header, w.idNumber);
  int males = 0, cards = 0;
  for (std::size_t i = 1; i < sheet.size(); ++i) {
    const auto& row = sheet[i];
    males += row.size() >= static_cast<std::size_t>(sex) && row[static_cast<std::size_t>(sex - 1)] == w.male;
    cards += row.size() >= static_cast<std::size_t>(type) && row[static_cast<std::size_t>(type - 1)] == w.residentCard;
  }
  CHECK(males > 5);
  CHECK(cards > 10);

  Language in(importLanguage);
  auto before = everyone(*l);
  auto untouched = gl::exchange::importRoster(*l, file, {});
  CHECK(untouched.rejected == 0);
  CHECK(untouched.personsCreated == 0);
  CHECK(untouched.personsUpdated == 0);
  CHECK(untouched.householdsCreated == 0);

  // A clerk edits three people: a phone, the care groups (two, in the language's own list), a residence.
  const std::string a = sheet[3].back(), b = sheet[6].back(), c = sheet[9].back();
  std::string cmd = std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/edit_xlsx.py' '" + file.string() +
                    "' 4 " + std::to_string(phone) + " 13900139000 7 " + std::to_string(care) + " '" + w.disabledAlone +
                    "' 10 " + std::to_string(residence) + " '" + w.temporary + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto edited = gl::exchange::importRoster(*l, file, {});
  CHECK(edited.rejected == 0);
  CHECK(edited.personsCreated == 0);
  CHECK(edited.personsUpdated == 3);
  std::vector<std::string> changed;
  for (const auto& [id, row] : everyone(*l))
    for (const auto& cell : row.cells)
      if (before.at(id)[cell.column] != cell.value) changed.push_back(id + " " + cell.column);
  std::sort(changed.begin(), changed.end());
  std::vector<std::string> expected{a + " phone", b + " care_flags", c + " residence"};
  std::sort(expected.begin(), expected.end());
  CHECK(changed == expected);
  CHECK(l->get(Table::Resident, b)->text("care_flags") == "disability,elderly_alone");
  CHECK(l->get(Table::Resident, c)->text("residence") == "temporary");
}

}  // namespace

TEST_CASE("an export in Chinese re-imports unchanged, and an edited one changes exactly the edited cells") {
  roundTrip(kChinese, "zh_CN");
}

TEST_CASE("an export in English re-imports unchanged, and an edited one changes exactly the edited cells") {
  roundTrip(kEnglish, "en");
}

TEST_CASE("an export made in Chinese imports in a program running in English, and the other way round") {
  roundTrip(kChinese, "en");
  roundTrip(kEnglish, "zh_CN");
}

TEST_CASE("a .csv export keeps the data model's names and codes for scripts, unless asked for labels") {
  gl::test::TempLedger l;
  gl::demo::generate(*l, {5, 3});
  Language in("zh_CN");
  gl::exchange::exportTable(*l, Table::Resident, l.dir.path / "codes.csv", "脚本");
  auto codes = readSheet(l.dir.path / "codes.csv");
  CHECK(codes.front().front() == "id");
  CHECK(columnOf(codes.front(), "id_number") > 0);
  gl::exchange::exportTable(*l, Table::Resident, l.dir.path / "words.csv", "核对", {.labels = true});
  auto words = readSheet(l.dir.path / "words.csv");
  CHECK(words.front().front() == "姓名");
  CHECK(words.front().back() == "记录编号");
  const int sex = columnOf(words.front(), "性别");
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& v = words[i][static_cast<std::size_t>(sex - 1)];
    CHECK((v == "男" || v == "女" || v.empty()));
  }
  auto again = gl::exchange::importRoster(*l, l.dir.path / "words.csv", {});
  CHECK(again.rejected == 0);
  CHECK(again.personsUpdated == 0);
  CHECK(again.personsCreated == 0);
}

TEST_CASE("every export header of a column the import takes maps back to that column, in both languages") {
  using gl::exchange::fieldByName;
  using gl::exchange::fieldForHeader;
  const std::pair<const char*, std::vector<const char*>> columns[] = {
      {"resident", {"name", "sex", "id_type", "id_number", "birth_date", "ethnicity", "phone", "relation", "residence",
                    "care_flags", "notes"}},
      {"household", {"household_no", "building", "unit", "room", "address"}},
      {"quarantine", {"kind", "reason", "source_place", "arrived_on", "start_on", "planned_end_on", "place", "status"}},
      {"visit", {"visited_on", "temperature", "symptoms", "health_code", "travel"}},
  };
  for (const char* language : {"en", "zh_CN"}) {
    Language in(language);
    for (const auto& [table, names] : columns)
      for (const char* name : names) {
        const std::string header = gl::text::fieldLabel(table, name);
        CAPTURE(language);
        CAPTURE(header);
        CHECK(fieldForHeader(header) == fieldByName(name));
      }
    CHECK(fieldForHeader(gl::text::tr("Record ID")) == gl::exchange::ImportField::RecordId);
    CHECK(fieldForHeader(gl::text::tr("Household ID")) == gl::exchange::ImportField::HouseholdRef);
    CHECK(fieldForHeader(gl::text::tr("Why the row was rejected")) == gl::exchange::ImportField::Ignore);
  }
}
