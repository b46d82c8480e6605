// A throw-away data center store in its own folder, removed afterwards.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "center/center_store.h"

namespace gl::test {

struct TempStore {
  std::filesystem::path dir;
  std::unique_ptr<center::CenterStore> store;
  explicit TempStore(bool initialize = true) {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("gl-center-" + std::to_string(rd()) + std::to_string(rd()));
    if (initialize) open(true);
  }
  ~TempStore() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  void open(bool create) {
    store = center::openSqliteStore(dir.string(), create);
    if (create) store->initialize("370322", "高青县");
  }
  std::filesystem::path file() const { return dir / "center.sqlite"; }
};

}  // namespace gl::test
