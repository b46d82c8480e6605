// `gridctl export WHAT --out F.csv`: one row per live record, the header being the table's column
// names as in the data model (`id` first), full values (exports are for county staff; audited).
#pragma once

#include <filesystem>

#include "core/schema.h"
#include "db/ledger.h"

namespace gl::exchange {

struct ExportResult {
  long long rows = 0;
};

// Only .csv for now; .xlsx arrives with the spreadsheet issue. The export is audited with its
// purpose and row count.
ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose);

}  // namespace gl::exchange
