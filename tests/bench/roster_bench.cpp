// Roster benchmark (issue "Daily rosters"): a `checks` roster of N people (default 5,000: a county's
// busiest day) read from the ledger and written to PDF, at a quarter, half and the whole size to
// show it grows linearly. Target: 5,000 people under 2 s.
// Usage: roster_bench [--people N] [--dir PATH]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/identity.h"
#include "db/ledger.h"
#include "db/writer.h"
#include "report/roster.h"
#include "report/roster_pdf.h"

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A county of `people` cases under quarantine on 2022-11-21, in 50 grids of one community.
std::unique_ptr<gl::db::Ledger> county(const std::filesystem::path& file, int people) {
  using gl::core::Table;
  auto l = gl::db::Ledger::open(file, gl::db::Ledger::Mode::CreateNew);
  l->initialize("370322", "高青县");
  std::string countyId;
  l->forEachRow(Table::Region, [&](const gl::db::Row& r) { countyId = r.id; });
  l->write([&](gl::db::Writer& w) {
    auto township = w.insert(Table::Region, {{"code", std::string("370322001")}, {"name", std::string("田镇街道")},
                                             {"level", std::string("township")}, {"parent", countyId}});
    auto community = w.insert(Table::Region, {{"code", std::string("370322001001")}, {"name", std::string("银杏社区")},
                                              {"level", std::string("community")}, {"parent", township}});
    std::vector<std::string> grids;
    for (int g = 1; g <= 50; ++g)
      grids.push_back(w.insert(Table::Grid, {{"code", "370322001001-" + std::to_string(g)},
                                             {"name", "第" + std::to_string(g) + "网格"}, {"region", community}}));
    const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    for (int i = 0; i < people; ++i) {
      auto h = w.insert(Table::Household, {{"grid", grids[static_cast<std::size_t>(i % 50)]},
                                           {"address", "田镇街道银杏社区" + std::to_string(i / 40 + 1) + "号楼"},
                                           {"building", std::to_string(i / 40 + 1)},
                                           {"unit", std::to_string(i / 10 % 4 + 1)},
                                           {"room", std::to_string(i % 10 + 101)}});
      char seq[4];
      std::snprintf(seq, sizeof seq, "%03d", i % 1000);
      std::string first17 = "3703221980" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "15" + seq;
      auto r = w.insert(Table::Resident, {{"household", h}, {"name", std::string(surnames[i % 10]) + "建国"},
                                          {"id_number", first17 + gl::core::gb11643CheckDigit(first17)},
                                          {"phone", "138" + std::to_string(10000000 + i)}});
      w.insert(Table::Quarantine, {{"resident", r}, {"kind", std::string(i % 3 ? "home" : "central")},
                                   {"start_on", std::string("2022-11-18")}, {"planned_end_on", std::string("2022-11-24")}});
    }
  });
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  int people = 5000;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "gridledger-roster-bench";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--people" && i + 1 < argc) people = std::stoi(argv[++i]);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto stamp = gl::exchange::ExportStamp::now("benchmark");
  for (int n : {people / 4, people / 2, people}) {
    auto l = county(dir / ("county" + std::to_string(n) + ".gridledger"), n);
    auto t = Clock::now();
    auto roster = gl::report::buildRoster(*l, gl::report::RosterKind::Checks, gl::core::Date{2022, 11, 21}, "");
    double read = secondsSince(t);
    auto pdf = dir / ("checks" + std::to_string(n) + ".pdf");
    gl::report::writeRosterPdf(roster, stamp, pdf);
    double total = secondsSince(t);
    gl::report::RosterLayout layout(roster, stamp);
    std::printf("checks roster of %zu people: %.2f s (read %.2f s, PDF %.2f s), %d pages, %.1f MB; %.0f µs a person%s\n",
                roster.total(), total, read, total - read, layout.pageCount(),
                static_cast<double>(std::filesystem::file_size(pdf)) / 1e6, total * 1e6 / static_cast<double>(n),
                n == people ? " (target: 5,000 under 2 s)" : "");
  }
  return 0;
}
