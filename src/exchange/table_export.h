// `gridctl export WHAT --out F.xlsx|F.csv`: one row per live record (tombstones left out), the
// header being the table's column names as in the data model (`id` first), full values (exports are
// for county staff, and audited with their purpose). .xlsx cells are typed from the schema (ids and
// phones as text, dates as dates) and every page names who exported, when and why; .csv is UTF-8
// with a BOM for Excel on Chinese Windows.
#pragma once

#include <filesystem>

#include "core/schema.h"
#include "db/ledger.h"

namespace gl::exchange {

struct ExportResult {
  long long rows = 0;
};

// The format follows the extension (.xlsx or .csv; anything else is BadInput). The export is
// audited with its purpose and row count.
ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose);

}  // namespace gl::exchange
