// What the CSV reader's tests share: a row's texts, every row of a CSV file, and an error's named
// argument.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "reader_support.h"

namespace gl::test {

inline std::vector<std::string> texts(const exchange::SheetRow& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}

inline std::vector<exchange::SheetRow> readAll(const std::filesystem::path& file,
                                               const exchange::ReadLimits& limits = {}) {
  return readSheet(*exchange::openCsv(file, limits));
}

inline std::string arg(const Error& e, const std::string& name) {
  for (const auto& a : e.args())
    if (a.name == name) return a.value;
  return "(missing)";
}

}  // namespace gl::test
