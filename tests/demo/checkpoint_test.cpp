// The write-ahead log is copied into the ledger by a thread of its own (src/sqlite/checkpointer.h), not by the
// commit that fills it: the log must still be copied, and nothing may be lost on the way.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "db/writer.h"
#include "demo/demo.h"
#include "temp_ledger.h"

using gl::test::TempLedger;

namespace {
std::int64_t residents(gl::db::Ledger& ledger) {
  std::int64_t n = 0;
  ledger.forEachRow(gl::core::Table::Resident, [&](const gl::db::Row&) { ++n; });
  return n;
}
}  // namespace

TEST_CASE("a log past a thousand pages is copied into the ledger in the background, and nothing is lost") {
  TempLedger l;
  auto file = l.file();
  auto made = gl::demo::generate(*l.ledger, {1500, 11});  // a bulk load, which ends with its own checkpoint
  std::vector<std::string> ids;
  l.ledger->forEachRow(gl::core::Table::Resident, [&](const gl::db::Row& r) { ids.push_back(r.id); });
  auto before = std::filesystem::file_size(file);
  // One commit of several MB: long notes for everyone.
  l.ledger->write([&](gl::db::Writer& w) {
    for (const auto& id : ids) w.update(gl::core::Table::Resident, id, {{"notes", std::string(1500, 'x') + id}});
  });
  CHECK(std::filesystem::file_size(file.string() + "-wal") > 1000 * 4096);
  // No further write: the thread's checkpoint alone grows the ledger file.
  bool copied = false;
  for (int i = 0; i < 200 && !copied; ++i) {
    copied = std::filesystem::file_size(file) > before + 1000 * 4096;
    if (!copied) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(copied);
  CHECK(residents(*l.ledger) == made.residents);
  l.ledger.reset();
  CHECK(!std::filesystem::exists(file.string() + "-wal"));  // closing copies the rest and removes the log
  auto again = gl::db::Ledger::open(file);
  CHECK(residents(*again) == made.residents);
}
