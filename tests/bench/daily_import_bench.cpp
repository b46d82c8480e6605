// The common case of import (docs/import.md): a 5,000-row daily file into a county's ledger of 100,000
// households, end to end through the real `gridctl import` (process start, ledger open, read, match,
// write, commit). Half the rows are people the county already has (the same name, number and address,
// a new quarantine), half are new. The baseline, in the same run: the same file into an empty ledger.
// Target: under 0.5 s into the county. Each figure is the median of --rounds runs (default 3), each on
// a fresh copy of the ledger.
// Usage: daily_import_bench [--households N] [--rows N] [--rounds N] [--dir PATH] [--county FILE]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "core/identity.h"
#include "db/ledger.h"
#include "demo/demo.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Person {
  std::string name, id, address;
};

// Every 47th of the county's residents with their numbers and addresses: people a daily list names again.
std::vector<Person> known(const gl::db::Ledger& ledger, std::size_t wanted) {
  std::vector<Person> out;
  std::size_t seen = 0;
  ledger.forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
    if (out.size() >= wanted || r.text("id_number").size() != 18 || ++seen % 47 != 0) return;
    auto h = ledger.get(gl::core::Table::Household, r.text("household"));
    if (h) out.push_back({r.text("name"), r.text("id_number"), h->text("address")});
  });
  return out;
}

void writeDaily(const fs::path& file, const std::vector<Person>& existing, long rows) {
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "来返人员");
  const char* header[] = {"序号", "姓名", "身份证号", "现住址", "管控措施", "隔离开始时间", "解除隔离时间"};
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  for (long r = 0; r < rows; ++r) {
    Person p;
    if (r % 2 == 0 && static_cast<std::size_t>(r / 2) < existing.size()) {
      p = existing[static_cast<std::size_t>(r / 2)];
    } else {
      char first17[32];
      // Born in 沂源县 (370323), next door: numbers the county's own people do not have.
      std::snprintf(first17, sizeof first17, "370323%04d%02d%02d%03d", static_cast<int>(1950 + r / 300),
                    static_cast<int>(1 + (r / 25) % 12), static_cast<int>(1 + r % 25), static_cast<int>(r % 1000));
      p.name = std::string("新来").append(std::to_string(r));
      p.id = std::string(first17) + gl::core::gb11643CheckDigit(first17);
      p.address = std::string("高青县芦湖街道新城社区").append(std::to_string(r / 40 + 1)).append("号楼");
      p.address.append(std::to_string(r % 40 + 101)).append("室");
    }
    auto row = static_cast<lxw_row_t>(r + 1);
    worksheet_write_number(ws, row, 0, static_cast<double>(r + 1), nullptr);
    worksheet_write_string(ws, row, 1, p.name.c_str(), nullptr);
    worksheet_write_string(ws, row, 2, p.id.c_str(), nullptr);
    worksheet_write_string(ws, row, 3, p.address.c_str(), nullptr);
    worksheet_write_string(ws, row, 4, r % 3 ? "居家隔离" : "集中隔离", nullptr);
    worksheet_write_string(ws, row, 5, "2026-12-01", nullptr);
    worksheet_write_string(ws, row, 6, "2026-12-08", nullptr);
  }
  workbook_close(wb);
}

std::string quoted(const fs::path& p) { return std::string(1, '\'').append(p.string()).append("'"); }

// Seconds of one `gridctl import` of `file` into a fresh copy of `ledger` ("" = a new empty ledger).
double importOnce(const fs::path& gridctl, const fs::path& ledger, const fs::path& file, const fs::path& work) {
  fs::remove(work);
  fs::remove(work.string() + "-wal");
  fs::remove(work.string() + "-shm");
  std::string quiet = " >/dev/null 2>&1";
  if (ledger.empty()) {
    std::string init = quoted(gridctl).append(" --db ").append(quoted(work)).append(" init --county 370322 --name 高青县");
    init += quiet;
    if (std::system(init.c_str()) != 0) return -1;
  } else {
    fs::copy_file(ledger, work);
  }
  ::sync();  // the copy's pages on disk before the clock starts: its write-back is not the import's
  std::string cmd = quoted(gridctl).append(" --db ").append(quoted(work)).append(" import ").append(quoted(file));
  cmd += quiet;
  auto t = Clock::now();
  int status = std::system(cmd.c_str());
  double s = std::chrono::duration<double>(Clock::now() - t).count();
  return WIFEXITED(status) && WEXITSTATUS(status) <= 1 ? s : -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  long households = 100000, rows = 5000;
  int rounds = 3;
  fs::path dir = fs::temp_directory_path() / "gridledger-daily-bench", county;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--households") households = std::stol(argv[i + 1]);
    else if (a == "--rows") rows = std::stol(argv[i + 1]);
    else if (a == "--rounds") rounds = std::max(1, std::stoi(argv[i + 1]));
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--county") county = argv[i + 1];
  }
  fs::create_directories(dir);
  const fs::path gridctl = fs::read_symlink("/proc/self/exe").parent_path() / "gridctl";
  if (county.empty() || !fs::exists(county)) {
    if (county.empty()) county = dir / "county.gridledger";
    fs::remove(county);
    auto t = Clock::now();
    auto ledger = gl::db::Ledger::open(county, gl::db::Ledger::Mode::CreateNew);
    ledger->initialize("370322", "高青县");
    gl::demo::generate(*ledger, {households, 7});
    std::printf("county of %ld households generated in %.1f s\n", households,
                std::chrono::duration<double>(Clock::now() - t).count());
  }
  std::vector<Person> existing;
  {
    auto ledger = gl::db::Ledger::open(county);
    existing = known(*ledger, static_cast<std::size_t>(rows + 1) / 2);
  }  // closed: its log copied into the file, so the file alone is the ledger
  auto daily = dir / "daily.xlsx";
  writeDaily(daily, existing, rows);
  std::vector<double> intoCounty, intoEmpty;
  for (int r = 0; r < rounds; ++r) {
    intoEmpty.push_back(importOnce(gridctl, {}, daily, dir / "empty.gridledger"));
    intoCounty.push_back(importOnce(gridctl, county, daily, dir / "work.gridledger"));
  }
  if (std::count(intoCounty.begin(), intoCounty.end(), -1.0) || std::count(intoEmpty.begin(), intoEmpty.end(), -1.0)) {
    std::printf("gridctl import failed\n");
    return 1;
  }
  std::printf("daily file of %ld rows (%zu people the county has) through gridctl import, median of %d:\n", rows,
              std::min(existing.size(), static_cast<std::size_t>(rows + 1) / 2), rounds);
  std::printf("  into a county of %ld households: %.2f s (best %.2f, worst %.2f; target < 0.5 s)\n", households,
              median(intoCounty), *std::min_element(intoCounty.begin(), intoCounty.end()),
              *std::max_element(intoCounty.begin(), intoCounty.end()));
  std::printf("  baseline, into an empty ledger: %.2f s (best %.2f, worst %.2f)\n", median(intoEmpty),
              *std::min_element(intoEmpty.begin(), intoEmpty.end()), *std::max_element(intoEmpty.begin(), intoEmpty.end()));
  return 0;
}
