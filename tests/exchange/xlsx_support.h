// What the .xlsx reader tests share (xlsx_reader_test, xlsx_hostile_test).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "reader_support.h"

namespace gl::test {

inline std::vector<exchange::SheetRow> readSheet(exchange::SheetReader& reader, std::size_t sheet) {
  reader.openSheet(sheet);
  return readSheet(reader);
}

inline std::vector<exchange::SheetRow> readXlsx(const std::filesystem::path& file,
                                                const exchange::ReadLimits& limits = {}) {
  return readSheet(*exchange::openXlsx(file, limits), 0);
}

inline std::string inlineCell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// Runs `read`, which must be refused as bad input naming `file`; gives the message id.
template <class Read>
std::string refusal(const std::filesystem::path& file, Read read) {
  gl::Error e = badInput(read);
  bool named = std::any_of(e.args().begin(), e.args().end(), [&](const gl::MessageArg& a) {
    return a.name == "file" && a.value.find(file.filename().string()) != std::string::npos;
  });
  CHECK_MESSAGE(named, e.what());
  return e.msgid();
}

inline bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace gl::test
