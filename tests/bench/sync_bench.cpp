// Sync benchmark (issue: merge with the county data center), over loopback TLS to a real gridcenter:
//   the county's first push of a demo ledger of N households (default 100,000),
//   a county admin's first pull of it into an empty ledger,
//   10,000 changed cells pushed by one ledger and pulled by another (target: under 0.5 s together), once
//   the first load has settled,
// each with the bytes on the wire, and the baseline: SQLite's own session changeset of the same
// 10,000 one-column updates applied to a copy of the ledger (sqlite3changeset_apply).
// Usage: sync_bench [--households N] [--rounds N] [--snapshot DIR]
//   --rounds N times the 10,000-cell exchange N times (default 3), each with its own edits, and reports
//   the median.
//   --snapshot DIR keeps the data center and both ledgers as they are after the first push and pull in
//   DIR, and on later runs starts from there (the 10,000-cell exchange alone, for measuring changes).
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../sync/center_fixture.h"
#include "db/writer.h"
#include "demo/demo.h"

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void report(const char* what, double seconds, const gl::sync::SyncResult& r, std::int64_t cells) {
  std::printf("%-44s %7.2f s  %9.0f cells/s  sent %8.1f KB  received %9.1f KB\n", what, seconds,
              seconds > 0 ? static_cast<double>(cells) / seconds : 0.0, r.bytesSent / 1024.0, r.bytesReceived / 1024.0);
}

// SQLite's own answer to "apply these 10,000 one-column updates": a session changeset recorded on one
// copy of the ledger and applied to another.
double changesetApply(const std::filesystem::path& source, const std::filesystem::path& dir,
                      const std::vector<std::string>& ids) {
  auto a = dir / "changeset-a.sqlite", b = dir / "changeset-b.sqlite";
  std::filesystem::copy_file(source, a, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(source, b, std::filesystem::copy_options::overwrite_existing);
  sqlite3 *da = nullptr, *db = nullptr;
  sqlite3_open(a.c_str(), &da);
  sqlite3_open(b.c_str(), &db);
  sqlite3_session* session = nullptr;
  sqlite3session_create(da, "main", &session);
  sqlite3session_attach(session, "resident");
  sqlite3_exec(da, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(da, "UPDATE resident SET notes = ? WHERE id = ?", -1, &st, nullptr);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string note = fmt::format("changeset {}", i);
    sqlite3_bind_text(st, 1, note.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ids[i].c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(da, "COMMIT", nullptr, nullptr, nullptr);
  int size = 0;
  void* changes = nullptr;
  sqlite3session_changeset(session, &size, &changes);
  auto started = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3changeset_apply(db, size, changes, nullptr, [](void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; },
                         nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  double seconds = secondsSince(started);
  std::printf("%-44s %7.3f s  (changeset %.1f KB)\n", "baseline: SQLite changeset apply, 10,000 cells", seconds,
              size / 1024.0);
  sqlite3_free(changes);
  sqlite3session_delete(session);
  sqlite3_close(da);
  sqlite3_close(db);
  return seconds;
}

namespace fs = std::filesystem;

// The store and both ledgers, copied into (save) or out of (load) a snapshot folder; ledgers are closed
// around the copy.
void copySnapshot(gl::test::Center& center, gl::test::Client& county, gl::test::Client& second, const fs::path& dir,
                  bool save) {
  auto copy = [&](const fs::path& live, const fs::path& kept) {
    for (const char* suffix : {"", "-wal"}) {
      fs::path from = (save ? live : kept).string() + suffix, to = (save ? kept : live).string() + suffix;
      fs::remove(to);
      if (fs::exists(from)) fs::copy_file(from, to);
    }
    if (!save) fs::remove(live.string() + "-shm");
  };
  fs::create_directories(dir);
  for (auto* client : {&county, &second}) {
    auto file = client->dir.path / "client.gridledger";
    client->ledger.reset();
    copy(file, dir / (client == &county ? "county.gridledger" : "second.gridledger"));
    client->ledger = gl::db::Ledger::open(file);
  }
  copy(center.dir() / "store" / "center.sqlite", dir / "center.sqlite");
  // The ledgers know the data center by its address: the same port, or they would start from zero.
  if (save) {
    std::FILE* f = std::fopen((dir / "port").c_str(), "w");
    std::fprintf(f, "%d\n", center.port());
    std::fclose(f);
  } else {
    int port = 0;
    std::FILE* f = std::fopen((dir / "port").c_str(), "r");
    if (f && std::fscanf(f, "%d", &port) == 1) center.setPort(port);
    if (f) std::fclose(f);
  }
}

// Demo data of `households` households in the county's ledger, pushed whole, then pulled whole by another.
void firstSync(gl::test::Center& center, gl::test::Client& county, gl::test::Client& second, long long households) {
  auto started = Clock::now();
  gl::demo::Options o;
  o.households = households;
  county.ledger->setBulkLoad(true);
  auto made = gl::demo::generate(*county.ledger, o);
  county.ledger->setBulkLoad(false);
  std::printf("sync benchmark: %lld households, %lld people (demo data made in %.1f s)\n", made.households,
              made.residents, secondsSince(started));

  started = Clock::now();
  auto pushed = county.sync(center.admin());
  report("first push of the county (all rows)", secondsSince(started), pushed, pushed.pushed);

  started = Clock::now();
  auto pulled = second.sync(center.admin());
  report("a county admin's first pull (empty ledger)", secondsSince(started), pulled, pulled.pulled);
}

}  // namespace

int main(int argc, char** argv) {
  long long households = 100000;
  fs::path snapshot;
  int rounds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--households") == 0) households = std::atoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--snapshot") == 0) snapshot = argv[i + 1];
  }
  try {
    gl::test::Center center;
    gl::test::Client county, second;
    if (!snapshot.empty() && fs::exists(snapshot / "center.sqlite")) {
      copySnapshot(center, county, second, snapshot, false);
      center.start();
      std::printf("sync benchmark: from the snapshot in %s\n", snapshot.c_str());
    } else {
      center.start();
      firstSync(center, county, second, households);
      // The first load settles before the 10,000-cell exchange is timed: the data center and both
      // ledgers close and open again, copying their write-ahead logs (gigabytes after a county's
      // first push and pull) into their files, which their checkpoints would otherwise still be
      // doing in the background while the exchange runs.
      center.stop(SIGTERM);
      if (snapshot.empty()) {
        for (auto* client : {&county, &second}) {
          client->ledger.reset();
          client->ledger = gl::db::Ledger::open(client->dir.path / "client.gridledger");
        }
      } else {
        copySnapshot(center, county, second, snapshot, true);
      }
      center.start();
    }
    std::vector<std::string> ids;
    county.ledger->forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) {
      if (ids.size() < 10000) ids.push_back(r.id);
    });
    // Several rounds (this machine's speed varies from minute to minute): each its own 10,000 edits.
    std::vector<double> totals;
    for (int round = 1; round <= rounds; ++round) {
      county.ledger->write([&](gl::db::Writer& w) {
        for (std::size_t i = 0; i < ids.size(); ++i)
          w.update(gl::core::Table::Resident, ids[i], {{"notes", fmt::format("走访 {} 第{}轮", i, round)}});
      });
      // The edits were made before the sync, not during it: the ledger copies its log in (closing it
      // does that at once rather than on its background thread during the exchange), and the disk takes
      // what the closes and copies wrote before the timing starts, or the exchange's fsyncs queue behind.
      county.ledger.reset();
      county.ledger = gl::db::Ledger::open(county.dir.path / "client.gridledger");
      ::sync();
      auto started = Clock::now();
      auto push = county.sync(center.admin());
      double pushSeconds = secondsSince(started);
      report(fmt::format("10,000 changed cells, round {}: push", round).c_str(), pushSeconds, push, push.pushed);
      started = Clock::now();
      auto pull = second.sync(center.admin());
      double pullSeconds = secondsSince(started);
      report(fmt::format("10,000 changed cells, round {}: pull", round).c_str(), pullSeconds, pull, pull.pulled);
      totals.push_back(pushSeconds + pullSeconds);
    }
    std::sort(totals.begin(), totals.end());
    std::printf("%-44s %7.2f s  (best %.2f s, worst %.2f s; target < 0.5 s)\n", "10,000 changed cells: push + pull, median",
                totals[totals.size() / 2], totals.front(), totals.back());
    // The data center's own log lines of the 10,000-cell exchange (the last requests), with their times.
    std::string log = center.log();
    std::size_t from = log.size();
    for (int n = 0; n < 3 * rounds + 3 && from != std::string::npos && from > 0; ++n) from = log.rfind('\n', from - 1);
    std::printf("data center log, last requests:\n%s", log.substr(from == std::string::npos ? 0 : from + 1).c_str());
    // Closed around the copy, so that the file holds what its write-ahead log did.
    second.ledger.reset();
    changesetApply(second.dir.path / "client.gridledger", second.dir.path, ids);
    second.ledger = gl::db::Ledger::open(second.dir.path / "client.gridledger");
    if (second.dump() != county.dump()) {
      std::printf("the two ledgers differ after the sync\n");
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sync_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
