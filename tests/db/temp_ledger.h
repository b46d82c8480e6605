// A fresh ledger in its own temporary folder for each test, removed afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "db/ledger.h"

namespace gl::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("gl-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  // Writes a file of these bytes in the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

struct TempLedger {
  TempDir dir;
  std::unique_ptr<db::Ledger> ledger;
  explicit TempLedger(bool initialize = true) {
    ledger = db::Ledger::open(file(), db::Ledger::Mode::CreateNew);
    ledger->setToday(core::Date{2022, 11, 20});
    if (initialize) ledger->initialize("370322", "高青县");
  }
  std::filesystem::path file() const { return dir.path / "test.gridledger"; }
  db::Ledger& operator*() { return *ledger; }
  db::Ledger* operator->() { return ledger.get(); }
};

}  // namespace gl::test
