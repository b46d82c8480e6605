// Finding a roster's header row and mapping its columns (internal to the importer): the first row of
// the first 30 that is a saved profile's layout, or that names at least two fields, one of them the
// name or the identity number; the rows above it are titles.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "db/ledger.h"
#include "exchange/roster_import.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

struct HeaderFound {
  std::string sheet, profile;
  std::int64_t row = 0;
  std::vector<ColumnMapping> columns;
};

// The sheet and its header row, read before anything is written; the reader is left just below it.
// A file without one is BadInput, naming the file.
HeaderFound findHeader(SheetReader& reader, const db::Ledger& ledger, const ImportOptions& options,
                       const std::filesystem::path& file);

}  // namespace gl::exchange
