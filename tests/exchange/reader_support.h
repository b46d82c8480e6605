// What the reader tests share: reading every row of a sheet, and expecting a BadInput refusal.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "core/error.h"
#include "exchange/sheet_reader.h"

namespace gl::test {

inline std::vector<exchange::SheetRow> readSheet(exchange::SheetReader& reader) {
  std::vector<exchange::SheetRow> rows;
  exchange::SheetRow row;
  while (reader.next(row)) rows.push_back(row);
  return rows;
}

// Runs `f`, which must throw BadInput, and returns the error for its message and arguments.
template <typename F>
gl::Error badInput(F&& f) {
  try {
    f();
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::BadInput);
    return e;
  }
  FAIL("no error thrown");
  return gl::Error(gl::Error::Kind::Internal, "");
}

}  // namespace gl::test
