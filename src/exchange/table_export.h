// `gridctl export WHAT --out F.xlsx|F.csv`: one row per live record (tombstones left out), full values
// (exports are for county staff, and audited with their purpose). An .xlsx speaks the clerk's
// language: headers are the fields' names (姓名, 证件号码 …) and codes their words (男, 居民身份证, 常住),
// in Chinese or English as the program runs; the record's id and its references to other records
// (记录编号, 户编号) come last, narrow, so a re-import matches by them. Cells are typed from the schema
// (ids and phones as text, dates as dates) and every page names who exported, when and why. A .csv
// (UTF-8 with a BOM, for Excel on Chinese Windows) keeps the data model's names and codes for
// scripts, unless `labels` asks for the clerk's words there too (docs/import.md "Exports").
#pragma once

#include <filesystem>

#include "core/schema.h"
#include "db/ledger.h"

namespace gl::exchange {

struct ExportResult {
  long long rows = 0;
};

struct ExportOptions {
  bool labels = false;  // .csv only: headers and codes as words (an .xlsx always has them)
};

// The format follows the extension (.xlsx or .csv; anything else is BadInput). The export is
// audited with its purpose and row count.
ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose, const ExportOptions& options = {});

}  // namespace gl::exchange
