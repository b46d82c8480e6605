// .xlsx exports read back by a second, independent reader (openpyxl, check_xlsx.py).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <zip.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "../db/temp_ledger.h"
#include "core/error.h"
#include "demo/demo.h"
#include "exchange/table_export.h"
#include "exchange/xlsx_writer.h"
#include "text/labels.h"

using gl::core::ColumnType;
using gl::core::Table;
using gl::exchange::CellType;
using gl::exchange::XlsxWriter;
using gl::test::TempDir;
using gl::test::TempLedger;
using nlohmann::json;

namespace {

json describe(const std::filesystem::path& file) {
  std::string cmd =
      std::string(GL_SYSTEM_PYTHON) + " '" + GL_EXCHANGE_TEST_DIR + "/check_xlsx.py' '" + file.string() + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  REQUIRE(pclose(p) == 0);
  return json::parse(out);
}

std::set<std::string> filesIn(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Makes writes past `bytes` fail as on a full disk (EFBIG), for this process, while in scope.
struct FileSizeLimit {
  rlimit old{};
  void (*oldHandler)(int) = nullptr;
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &old);
    oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{bytes, old.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
  }
};

std::vector<gl::db::Row> liveRows(gl::db::Ledger& ledger, Table table) {
  std::vector<gl::db::Row> rows;
  ledger.forEachRow(table, [&](const gl::db::Row& r) { rows.push_back(r); });
  return rows;
}

// The columns of an .xlsx export in order: the fields (references left out), then the references,
// then the record's id (index -1 here).
std::vector<int> exportOrder(const gl::core::TableSpec& spec) {
  std::vector<int> fields, refs;
  for (std::size_t c = 0; c < spec.columns.size(); ++c)
    (spec.columns[c].type == gl::core::ColumnType::Reference ? refs : fields).push_back(static_cast<int>(c));
  fields.insert(fields.end(), refs.begin(), refs.end());
  fields.push_back(-1);
  return fields;
}

// A stored value as the export shows it: codes as their words.
std::string shownValue(const gl::core::ColumnSpec& spec, const std::string& value) {
  if (spec.type == gl::core::ColumnType::Code) return gl::text::codeLabel(value);
  if (spec.type != gl::core::ColumnType::CodeList) return value;
  std::string out;
  std::size_t start = 0;
  for (auto comma = value.find(','); ; comma = value.find(',', start)) {
    out += (out.empty() ? "" : ", ") + gl::text::codeLabel(value.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Every exported row equals the ledger's: text as the same string, codes as their words, dates as the
// same day, numbers as the same value.
void checkSameRows(const json& sheet, gl::db::Ledger& ledger, Table table) {
  const auto& spec = gl::core::tableSpec(table);
  auto rows = liveRows(ledger, table);
  const auto order = exportOrder(spec);
  REQUIRE(sheet["rows"].size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& got = sheet["rows"][i];
    for (std::size_t k = 0; k < order.size(); ++k) {
      const json& cell = got.size() > k ? got[k] : json();
      if (order[k] < 0) {
        CHECK(cell == rows[i].id);
        continue;
      }
      const auto c = static_cast<std::size_t>(order[k]);
      const auto& value = rows[i].cells[c].value;
      INFO(spec.columns[c].name, " row ", i + 2);
      if (!value) {
        CHECK(cell.is_null());
      } else if (cell.is_number()) {
        CHECK(cell.get<double>() == doctest::Approx(std::stod(*value)));
      } else {
        CHECK(cell == shownValue(spec.columns[c], *value));
      }
    }
  }
}

}  // namespace

TEST_CASE("an xlsx export of a demo ledger has the data model's header, every live row and typed cells") {
  TempLedger l;
  gl::demo::generate(*l, {.households = 40, .seed = 7});
  auto before = liveRows(*l, Table::Resident);
  REQUIRE(before.size() > 40);
  std::string gone = before[3].id;
  l->tombstone(Table::Resident, gone);
  auto out = l.dir.path / "residents.xlsx";
  auto result = gl::exchange::exportTable(*l, Table::Resident, out, "核对");
  CHECK(result.rows == static_cast<long long>(before.size() - 1));

  json sheet = describe(out);
  std::vector<std::string> header;
  const auto& spec = gl::core::tableSpec(Table::Resident);
  for (int c : exportOrder(spec))
    header.push_back(c < 0 ? "Record ID" : spec.columns[static_cast<std::size_t>(c)].type == gl::core::ColumnType::Reference
                                               ? "Household ID"
                                               : gl::text::fieldLabel("resident", spec.columns[static_cast<std::size_t>(c)].name));
  CHECK(sheet["header"] == header);
  CHECK(header.front() == "Name");
  CHECK(header.back() == "Record ID");
  CHECK(sheet["header_bold"] == true);
  CHECK(sheet["sheets"] == json::array({"residents"}));
  CHECK(sheet["rows"].size() == static_cast<std::size_t>(result.rows));
  checkSameRows(sheet, *l, Table::Resident);
  for (const auto& row : sheet["rows"]) CHECK(row.back() != gone);

  // Identity numbers and phones are strings with every digit; birth dates are real dates.
  const auto& columns = sheet["columns"];
  CHECK(columns["Identity number"]["kinds"] == json::array({"text"}));
  CHECK(columns["Identity number"]["formats"] == json::array({"@"}));
  CHECK(columns["Phone"]["kinds"] == json::array({"text"}));
  CHECK(columns["Date of birth"]["kinds"] == json::array({"date"}));
  CHECK(columns["Date of birth"]["formats"] == json::array({"yyyy-mm-dd"}));
  int ids = 0;
  for (const auto& row : sheet["rows"]) {
    if (!row[3].is_string() || row[3].get<std::string>().size() != 18) continue;
    ++ids;
  }
  CHECK(ids > 40);

  CHECK(sheet["freeze"] == "A2");
  CHECK(sheet["autofilter"] == "A1:M" + std::to_string(result.rows + 1));
  CHECK(sheet["print_titles"] == "$1:$1");  // the header on every printed page
}

TEST_CASE("an xlsx export names who exported it, when and why on every page and in its properties") {
  TempLedger l;
  gl::demo::generate(*l, {.households = 5, .seed = 2});
  auto out = l.dir.path / "households.xlsx";
  auto stamp = gl::exchange::ExportStamp::now("疫情排查核对");
  gl::exchange::exportTable(*l, Table::Household, out, "疫情排查核对");
  json sheet = describe(out);
  REQUIRE(!stamp.user.empty());
  std::string left = sheet["footer"]["left"], center = sheet["footer"]["center"],
              right = sheet["footer"]["right"];
  CHECK(left.find(stamp.user) != std::string::npos);
  CHECK(center.find(stamp.time.substr(0, 10)) != std::string::npos);  // the day; the second may have turned
  CHECK(center.find(stamp.host) != std::string::npos);
  CHECK(right.find("疫情排查核对") != std::string::npos);
  CHECK(sheet["properties"]["creator"] == stamp.user);
  CHECK(sheet["properties"]["title"].get<std::string>().find("household") != std::string::npos);
  std::string comments = sheet["properties"]["comments"];
  CHECK(comments.find(stamp.user) != std::string::npos);
  CHECK(comments.find("疫情排查核对") != std::string::npos);

  // The export is audited with its purpose and row count, as the CSV one is.
  SQLite::Database db(l.file().string());
  SQLite::Statement st(db, "SELECT count, detail FROM audit WHERE action = 'export' AND tbl = 'household'");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getInt64() == 5);
  CHECK(st.getColumn(1).getString() == "xlsx; purpose: 疫情排查核对");
}

TEST_CASE("visits export dates as dates, temperatures as one-decimal numbers and codes as text") {
  TempLedger l;
  gl::demo::generate(*l, {.households = 30, .seed = 5});
  auto out = l.dir.path / "visits.xlsx";
  auto result = gl::exchange::exportTable(*l, Table::Visit, out, "test");
  REQUIRE(result.rows > 0);
  json sheet = describe(out);
  checkSameRows(sheet, *l, Table::Visit);
  CHECK(sheet["columns"]["Visit date"]["kinds"] == json::array({"date"}));
  CHECK(sheet["columns"]["Outcome"]["kinds"] == json::array({"text"}));
  if (!sheet["columns"]["Temperature"]["kinds"].empty()) {
    CHECK(sheet["columns"]["Temperature"]["kinds"] == json::array({"number"}));
    CHECK(sheet["columns"]["Temperature"]["formats"] == json::array({"0.0"}));
  }
}

TEST_CASE("an xlsx export is readable by its owner only and leaves no temporary file") {
  TempLedger l;
  gl::demo::generate(*l, {.households = 3, .seed = 1});
  auto before = filesIn(l.dir.path);
  mode_t old = ::umask(0);  // even a umask that allows everything gives 0600
  auto out = l.dir.path / "grids.xlsx";
  gl::exchange::exportTable(*l, Table::Grid, out, "test");
  ::umask(old);
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  auto after = filesIn(l.dir.path);
  before.insert("grids.xlsx");
  CHECK(after == before);
}

TEST_CASE("a failed xlsx export leaves nothing behind and says which file") {
  TempLedger l;
  gl::demo::generate(*l, {.households = 3, .seed = 1});
  auto before = filesIn(l.dir.path);
  auto missing = l.dir.path / "no-such-folder" / "r.xlsx";
  try {
    gl::exchange::exportTable(*l, Table::Resident, missing, "test");
    FAIL("exported into a folder that does not exist");
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Environment);
    bool named = false;
    for (const auto& a : e.args()) named |= a.value == missing.string();
    CHECK(named);
  }
  // A folder where the file should go: everything is written, then the rename fails.
  std::filesystem::create_directory(l.dir.path / "taken.xlsx");
  std::filesystem::create_directory(l.dir.path / "taken.xlsx" / "inside");
  CHECK_THROWS_AS(gl::exchange::exportTable(*l, Table::Resident, l.dir.path / "taken.xlsx", "test"),
                  gl::Error);
  before.insert("taken.xlsx");
  CHECK(filesIn(l.dir.path) == before);
  CHECK(!std::filesystem::exists(missing.parent_path()));
  // A writer given up half way (an exception while rows are read) leaves no file, and no open one.
  auto descriptors = [] { return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), {}); };
  auto open = descriptors();
  {
    XlsxWriter w(l.dir.path / "half.xlsx", "s", {{"a", CellType::Text}}, gl::exchange::ExportStamp::now("t"),
                 "t");
    std::array<std::optional<std::string_view>, 1> v{std::string_view("x")};
    w.row(v);
  }
  CHECK(filesIn(l.dir.path) == before);
  CHECK(descriptors() == open);
}

TEST_CASE("cells keep their text when it is not exactly what the column's type expects") {
  TempDir dir;
  auto out = dir.path / "typed.xlsx";
  {
    XlsxWriter w(out, "typed",
                 {{"int", CellType::Integer},
                  {"real", CellType::Real},
                  {"date", CellType::Date},
                  {"flag", CellType::Boolean},
                  {"text", CellType::Text}},
                 gl::exchange::ExportStamp::now("t"), "t");
    using V = std::optional<std::string_view>;
    std::vector<std::array<V, 5>> rows{
        {V("12"), V("36.5"), V("2022-11-20"), V("1"), V("110101190001010014")},
        {V("007"), V("abc"), V("2022-02-30"), V("0"), V("=SUM(A1)")},
        {V("99999999999999999999"), V("1e400"), V("1899-12-31"), V("maybe"), V("00123")},
        {std::nullopt, std::nullopt, V("1900-01-01"), std::nullopt, V("")},
    };
    for (const auto& r : rows) w.row(r);
    w.commit();
    CHECK(w.rows() == 4);
  }
  json sheet = describe(out);
  CHECK(sheet["rows"][0] == json::array({12, 36.5, "2022-11-20", true, "110101190001010014"}));
  CHECK(sheet["kinds"][0] == json::array({"number", "number", "date", "bool", "text"}));
  CHECK(sheet["rows"][1] == json::array({"007", "abc", "2022-02-30", false, "=SUM(A1)"}));
  CHECK(sheet["kinds"][1] == json::array({"text", "text", "text", "bool", "text"}));
  CHECK(sheet["rows"][2] == json::array({"99999999999999999999", "1e400", "1899-12-31", "maybe", "00123"}));
  CHECK(sheet["rows"][3][2] == "1900-01-01");
  CHECK(sheet["kinds"][3][2] == "date");
}

TEST_CASE("column widths fit the content, Chinese characters counting double, up to a cap") {
  CHECK(gl::exchange::displayWidth("abc") == 3);
  CHECK(gl::exchange::displayWidth("张三") == 4);
  CHECK(gl::exchange::displayWidth("3号楼2单元") == 10);
  CHECK(gl::exchange::displayWidth("１２") == 4);  // full-width digits are wide too
  TempDir dir;
  auto out = dir.path / "w.xlsx";
  {
    XlsxWriter w(out, "w", {{"a", CellType::Text}, {"name", CellType::Text}, {"notes", CellType::Text}},
                 gl::exchange::ExportStamp::now("t"), "t");
    std::string longText(300, 'x');
    using V = std::optional<std::string_view>;
    std::array<V, 3> row{V("x"), V("欧阳娜娜娜娜娜娜娜娜"), V(longText)};
    w.row(row);
    w.commit();
  }
  json sheet = describe(out);
  double a = sheet["columns"]["a"]["width"], name = sheet["columns"]["name"]["width"],
         notes = sheet["columns"]["notes"]["width"];
  CHECK(a >= 3);
  CHECK(a < 8);
  CHECK(name >= 20);  // 10 Chinese characters
  CHECK(name < 24);
  CHECK(notes >= 55);
  CHECK(notes < 62);
}

TEST_CASE("a long purpose or an ampersand still fits Excel's footer") {
  TempDir dir;
  auto out = dir.path / "f.xlsx";
  std::string purpose = "A&B ";
  for (int i = 0; i < 200; ++i) purpose += "核";
  {
    XlsxWriter w(out, "f", {{"a", CellType::Text}}, gl::exchange::ExportStamp::now(purpose), "t");
    w.commit();
  }
  json sheet = describe(out);
  std::string right = sheet["footer"]["right"];
  CHECK(right.find("A&") != std::string::npos);
  CHECK(right.find("核核核") != std::string::npos);
  CHECK(right.find("…") != std::string::npos);
  CHECK(sheet["rows"].empty());
  CHECK(sheet["autofilter"] == "A1");
}

TEST_CASE("an export that runs out of disk space fails at whatever stage and leaves nothing") {
  // libxlsxwriter 1.1.4 ignores failed writes to its temporary files and zips what it has: without
  // the writer's own checks each of these limits gives a damaged file and no error.
  TempDir dir;
  auto write = [](const std::filesystem::path& out) {
    XlsxWriter w(out, "s", {{"name", CellType::Text}, {"n", CellType::Integer}},
                 gl::exchange::ExportStamp::now("t"), "t");
    for (int i = 0; i < 500; ++i) {
      std::string name = "张三" + std::to_string(i), n = std::to_string(i * 7919);
      std::array<std::optional<std::string_view>, 2> row{name, n};
      w.row(row);
    }
    w.commit();
  };
  write(dir.path / "whole.xlsx");
  int err = 0;
  zip_t* zip = zip_open((dir.path / "whole.xlsx").c_str(), ZIP_RDONLY, &err);
  REQUIRE(zip != nullptr);
  zip_stat_t sheet;
  REQUIRE(zip_stat(zip, "xl/worksheets/sheet1.xml", 0, &sheet) == 0);
  zip_discard(zip);
  auto size = static_cast<rlim_t>(sheet.size);
  // The rows' file fills first, then its last row, then the sheet assembled around it.
  std::vector<rlim_t> limits{size / 2};
  for (rlim_t cut = size - 1500; cut < size; cut += 25) limits.push_back(cut);
  for (rlim_t limit : limits) {
    std::optional<gl::Error::Kind> failed;
    {
      FileSizeLimit full(limit);
      try {
        write(dir.path / "cut.xlsx");
      } catch (const gl::Error& e) {
        failed = e.kind();
      }
    }
    INFO("limit ", limit, " of ", size);
    CHECK(failed == gl::Error::Kind::Environment);
    CHECK(filesIn(dir.path) == std::set<std::string>{"whole.xlsx"});
  }
}
