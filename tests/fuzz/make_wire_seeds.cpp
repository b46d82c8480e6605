// Writes the wire fuzzer's seed corpus into the folder given: real messages of every kind the data
// center reads or answers, made by the encoder itself, each behind the byte that picks its decoder.
#include <filesystem>
#include <fstream>
#include <string>

#include "sync/wire.h"

namespace fs = std::filesystem;
using gl::core::Hlc;
using gl::core::SyncCell;
using gl::core::Table;

namespace {

void write(const fs::path& dir, const std::string& name, char decoder, const std::string& body) {
  std::ofstream(dir / name, std::ios::binary) << decoder << body;
}

std::vector<SyncCell> cells() {
  const std::string row = "0190a000-0000-7000-8000-0000000000d1";
  const Hlc at{1669852800000, 3};
  return {{Table::Resident, row, "name", std::string("王秀英"), at, "0190a000-0000-7000-8000-00000000000a", at},
          {Table::Resident, row, "id_number", std::string("370322198501010021"), at, "site-a", {}},
          {Table::Resident, row, "notes", std::nullopt, at, "site-a", {}},
          {Table::Household, "0190a000-0000-7000-8000-0000000000e1", "deleted", std::string("1"), at, "site-b", {}}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  fs::path dir(argv[1]);
  fs::create_directories(dir);
  write(dir, "push-request", 0, gl::sync::encode(gl::sync::PushRequest{"site-a", "batch-1", cells()}));
  write(dir, "login-request", 1, gl::sync::encode(gl::sync::LoginRequest{"wang", "Hx6#maple-Dune"}));
  gl::sync::PushResponse pushed;
  pushed.batch = "batch-1";
  pushed.accepted = 3;
  pushed.refused = {{Table::Resident, "r1", "birth_date", "inconsistent", {}, {}}};
  pushed.lost = cells();
  pushed.current = cells();
  write(dir, "push-response", 2, gl::sync::encode(pushed));
  gl::sync::PullResponse page;
  page.changes = cells();
  page.next = 42;
  page.more = true;
  page.exits = {{Table::Household, "0190a000-0000-7000-8000-0000000000e1"}};
  page.duplicates = {{"a", "b"}, {"c", ""}};
  write(dir, "pull-response", 3, gl::sync::encode(page));
  write(dir, "login-response", 4,
        gl::sync::encode(gl::sync::LoginResponse{"ab12", "grid_worker", {"370322001001-1"}, "370322", Hlc{1, 0}}));
  write(dir, "error", 5, gl::sync::encode(gl::sync::ErrorBody{"throttled", "wait 2 s", Hlc{1, 0}}));
  return 0;
}
