// Daily rosters read back: the right people for the date and scope, grouped by grid in walking
// order, masked; the PDF read with pdfinfo/pdftotext (pages numbered consistently, the header on
// every page, no unmasked id or phone anywhere in its text) and page 1 rendered to PNG to look at.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "db/writer.h"
#include "report/door_cards.h"
#include "report/roster.h"
#include "report/roster_files.h"
#include "report/roster_pdf.h"
#include "roster_fixture.h"

using gl::report::buildRoster;
using gl::report::RosterKind;
using gl::test::RosterCounty;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  REQUIRE(pclose(p) == 0);
  return out;
}

// The text of a page (0: all), laid out as on paper, or in drawing order (`raw`: cards side by side
// stay apart).
std::string pdfText(const std::filesystem::path& pdf, int page = 0, bool raw = false) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : std::string();
  return run(std::string("pdftotext ") + (raw ? "-raw" : "-layout") + range + " '" + pdf.string() + "' -");
}

int pdfPages(const std::filesystem::path& pdf) {
  std::smatch m;
  std::string info = run("pdfinfo '" + pdf.string() + "'");
  REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(m[1]);
}

std::vector<std::string> names(const gl::report::Roster& r) {
  std::vector<std::string> out;
  for (const auto& g : r.groups)
    for (const auto& row : g.rows) out.push_back(row.at(1));
  return out;
}

// No 18-character id (17 digits and a digit or X) and no 11-digit mobile number in the text.
void checkNothingUnmasked(const std::string& text) {
  CHECK_FALSE(std::regex_search(text, std::regex(R"(\d{17}[\dX])")));
  CHECK_FALSE(std::regex_search(text, std::regex(R"((^|\D)1\d{10}(\D|$))")));
}

gl::exchange::ExportStamp stamp() {
  auto s = gl::exchange::ExportStamp::now("核对");
  s.user = "tester";
  s.host = "office-pc";
  s.time = "2022-11-20 07:30:00";
  return s;
}

}  // namespace

TEST_CASE("each roster holds the people due on its date, grouped by grid in walking order, masked") {
  RosterCounty county;
  auto checks = buildRoster(*county.l, RosterKind::Checks, county.day, "");
  CHECK(checks.total() == 4);
  REQUIRE(checks.groups.size() == 3);
  CHECK(checks.groups[0].title.find("370322001001-1") != std::string::npos);
  CHECK(names(checks) == std::vector<std::string>{"柏青松", "林海", "周小川", "吴敏"});
  const auto& bai = checks.groups[0].rows[0];
  CHECK(bai[0] == "1");
  CHECK(bai[3] == "370322********0020");  // the id, masked
  CHECK(bai[4] == "138****8001");
  CHECK(bai[5] == "3-2-301");
  CHECK(bai[7] == "7/7");
  CHECK(bai[8] == "36.5");  // the morning reading; the evening is a box to fill in
  CHECK(bai[9].empty());
  CHECK(checks.groups[1].rows[0][7].find("overdue") != std::string::npos);  // still active past its end
  CHECK(checks.landscape);

  CHECK(names(buildRoster(*county.l, RosterKind::Releases, county.day, "")) ==
        std::vector<std::string>{"柏青松", "吴敏"});
  auto arrivals = buildRoster(*county.l, RosterKind::Arrivals, county.day, "");
  CHECK(names(arrivals) == std::vector<std::string>{"林海"});
  CHECK(arrivals.groups[0].rows[0].at(8) == "上海市");

  auto care = buildRoster(*county.l, RosterKind::Care, county.day, "");
  REQUIRE(care.total() == 1);
  CHECK(care.groups[0].rows[0][1] == "柏老汉");
  CHECK(care.groups[0].rows[0][3] == "87");  // age on the roster's date
  CHECK(care.groups[0].rows[0][7].find("elderly living alone") != std::string::npos);
  CHECK(care.groups[0].rows[0][8] == "2022-11-05");  // the household's last visit

  auto visits = buildRoster(*county.l, RosterKind::VisitsDue, county.day, "");
  CHECK(visits.campaign == "冬季入户排查");
  REQUIRE(visits.total() == 2);  // 3-2-301 was visited; the household of no grid is not in the campaign
  CHECK(visits.groups[0].rows[0][1] == "3-2-302");
  CHECK(visits.groups[0].rows[0][3] == "林海");
  CHECK(visits.groups[1].rows[0][1] == "5-1-101");
}

TEST_CASE("a roster's scope is a township, community or grid code, and an unknown code is refused") {
  RosterCounty county;
  CHECK(names(buildRoster(*county.l, RosterKind::Checks, county.day, "370322001001-1")) ==
        std::vector<std::string>{"柏青松", "林海"});
  auto township = buildRoster(*county.l, RosterKind::Checks, county.day, "370322001");
  CHECK(township.total() == 3);  // the household of no grid belongs to no township yet
  CHECK(township.scope.name == "田镇街道");
  CHECK(township.scopeText() == "田镇街道 (370322001)");
  CHECK(buildRoster(*county.l, RosterKind::Checks, county.day, "370322").total() == 4);
  CHECK_THROWS_AS(buildRoster(*county.l, RosterKind::Checks, county.day, "370322999"), gl::Error);
  // Tomorrow the cases that ended today are gone from the releases, and nobody starts.
  CHECK(buildRoster(*county.l, RosterKind::Releases, gl::core::Date{2022, 11, 22}, "").total() == 0);
}

TEST_CASE("the PDF reads back: one page, the people, page numbers, nothing unmasked") {
  RosterCounty county;
  auto roster = buildRoster(*county.l, RosterKind::Checks, county.day, "");
  auto pdf = county.l.dir.path / "checks.pdf";
  gl::report::saveRoster(*county.l, roster, stamp(), pdf);
  CHECK(pdfPages(pdf) == 1);
  std::string text = pdfText(pdf);
  for (const char* name : {"柏青松", "林海", "周小川", "吴敏", "370322********0020", "138****8001", "Page 1 of 1",
                           "Temperature check roster", "Total: 4 persons", "office-pc", "核对"})
    CHECK_MESSAGE(text.find(name) != std::string::npos, name);
  checkNothingUnmasked(text);
  CHECK(std::filesystem::status(pdf).permissions() ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

TEST_CASE("a long roster repeats its header and numbers its pages, and page 1 is drawn to PNG to look at") {
  RosterCounty county;
  std::string household;
  county.l->forEachRow(gl::core::Table::Household, [&](const gl::db::Row& h) {
    if (h.text("grid") == county.grid1 && household.empty()) household = h.id;
  });
  county.l->write([&](gl::db::Writer& w) {
    for (int i = 0; i < 150; ++i) {
      char seq[4];
      std::snprintf(seq, sizeof seq, "%03d", 100 + i);
      auto who = w.insert(gl::core::Table::Resident, {{"household", household}, {"name", "居民" + std::to_string(i)},
                                                      {"id_number", gl::test::idNumber("19750505", seq)},
                                                      {"phone", "139" + std::to_string(10000000 + i)}});
      w.insert(gl::core::Table::Quarantine, {{"resident", who}, {"kind", std::string("home")},
                                              {"start_on", std::string("2022-11-18")},
                                              {"planned_end_on", std::string("2022-11-24")}});
    }
  });
  auto roster = buildRoster(*county.l, RosterKind::Checks, county.day, "");
  REQUIRE(roster.total() == 154);
  auto pdf = county.l.dir.path / "long.pdf";
  gl::report::saveRoster(*county.l, roster, stamp(), pdf);
  const int pages = pdfPages(pdf);
  gl::report::RosterLayout layout(roster, stamp());
  CHECK(pages == layout.pageCount());
  CHECK(pages >= 5);
  for (int p = 1; p <= pages; ++p) {
    std::string text = pdfText(pdf, p);
    CAPTURE(p);
    CHECK(text.find("Page " + std::to_string(p) + " of " + std::to_string(pages)) != std::string::npos);
    CHECK(text.find("ID number") != std::string::npos);  // the header row, on every page
    CHECK(text.find("Grid worker (signature)") != std::string::npos);
    checkNothingUnmasked(text);
  }
  CHECK(pdfText(pdf, 2).find("(continued)") != std::string::npos);
  CHECK(pdfText(pdf, pages).find("Total: 154 persons") != std::string::npos);
  std::filesystem::create_directories(GL_REPORT_OUTPUT_DIR);
  run("pdftoppm -r 80 -png -f 1 -l 1 '" + pdf.string() + "' '" + std::string(GL_REPORT_OUTPUT_DIR) + "/checks'");
  CHECK(std::filesystem::exists(std::string(GL_REPORT_OUTPUT_DIR) + "/checks-1.png"));
}

TEST_CASE("the same roster as .csv and .xlsx, the grid a column, masked") {
  RosterCounty county;
  auto roster = buildRoster(*county.l, RosterKind::Releases, county.day, "");
  auto csv = county.l.dir.path / "releases.csv";
  gl::report::saveRoster(*county.l, roster, stamp(), csv);
  std::ifstream in(csv, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  CHECK(text.find("370322001001-1") != std::string::npos);
  CHECK(text.find("柏青松") != std::string::npos);
  checkNothingUnmasked(text);
  auto xlsx = county.l.dir.path / "releases.xlsx";
  gl::report::saveRoster(*county.l, roster, stamp(), xlsx);
  CHECK(std::filesystem::file_size(xlsx) > 1000);
  CHECK_THROWS_AS(gl::report::saveRoster(*county.l, roster, stamp(), county.l.dir.path / "r.docx"), gl::Error);
}

TEST_CASE("door cards: one per household of the scope, with the grid worker, a QR code and nothing personal") {
  RosterCounty county;
  auto cards = gl::report::buildDoorCards(*county.l, "370322001001-1");
  REQUIRE(cards.doors.size() == 2);
  CHECK(cards.doors[0].workerName == "王网格");
  CHECK(cards.doors[0].workerPhone == "13900000000");
  auto pdf = county.l.dir.path / "doors.pdf";
  gl::report::saveDoorCards(*county.l, cards, stamp(), pdf);
  CHECK(pdfPages(pdf) == 1);
  std::string text = pdfText(pdf, 0, true);
  // An address wraps on its card: compare without line breaks and spaces.
  std::erase_if(text, [](char c) { return c == '\n' || c == ' '; });
  for (std::string s : {"3号楼2单元301室", "3号楼2单元302室", "370322001001-1", "王网格", "13900000000"})
    CHECK_MESSAGE(text.find(s) != std::string::npos, s);
  for (std::string s : {"柏青松", "林海", "370322********"}) CHECK_MESSAGE(text.find(s) == std::string::npos, s);
  // The whole county, the household of no grid too.
  auto all = gl::report::buildDoorCards(*county.l, "");
  CHECK(all.doors.size() == 4);
  CHECK(gl::report::DoorCardLayout(all, stamp()).pageCount() == 1);
  CHECK_THROWS_AS(gl::report::saveDoorCards(*county.l, cards, stamp(), county.l.dir.path / "doors.xlsx"), gl::Error);
  std::filesystem::create_directories(GL_REPORT_OUTPUT_DIR);
  run("pdftoppm -r 60 -png -f 1 -l 1 '" + pdf.string() + "' '" + std::string(GL_REPORT_OUTPUT_DIR) + "/door-cards'");
}

TEST_CASE("a roster and its PDF stop when asked: reading throws Cancelled, and no PDF is left half-written") {
  RosterCounty county;
  std::stop_source stop;
  std::vector<gl::core::Progress> heard;
  gl::core::Reporter reporter([&](const gl::core::Progress& p) { heard.push_back(p); }, stop.get_token());
  auto roster = buildRoster(*county.l, RosterKind::Checks, county.day, "", reporter);
  REQUIRE_FALSE(heard.empty());
  CHECK(heard.front().stage == gl::report::kReading);
  CHECK(heard.back().stage == gl::report::kMaking);
  CHECK(heard.back().done == heard.back().total);
  heard.clear();
  auto pdf = county.l.dir.path / "checks.pdf";
  gl::report::saveRoster(*county.l, roster, stamp(), pdf, reporter);
  REQUIRE_FALSE(heard.empty());
  CHECK(heard.back().stage == gl::report::kWriting);

  stop.request_stop();
  CHECK_THROWS_AS(buildRoster(*county.l, RosterKind::Care, county.day, "", reporter), gl::Error);
  auto other = county.l.dir.path / "stopped.pdf";
  CHECK_THROWS_AS(gl::report::saveRoster(*county.l, roster, stamp(), other, reporter), gl::Error);
  CHECK_FALSE(std::filesystem::exists(other));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(county.l.dir.path))
    files += entry.path().filename().string().find("stopped") != std::string::npos;
  CHECK(files == 0);  // nor its temporary file
}
