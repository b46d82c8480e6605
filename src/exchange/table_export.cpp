#include "exchange/table_export.h"

#include <algorithm>

#include "core/error.h"
#include "exchange/csv_writer.h"

namespace gl::exchange {

ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv")
    throw Error(Error::Kind::BadInput, N_("Cannot export to “{path}”: use a .csv file name"), {{"path", out.string()}});
  const auto& spec = core::tableSpec(table);
  AtomicFile file(out);
  CsvWriter csv(file);
  std::vector<std::string> fields{"id"};
  std::vector<bool> freeText{false};
  for (const auto& c : spec.columns) {
    fields.emplace_back(c.name);
    freeText.push_back(c.type == core::ColumnType::Text);
  }
  csv.row(fields, {});
  ledger.forEachRow(table, [&](const db::Row& r) {
    fields.clear();
    fields.push_back(r.id);
    for (const auto& c : r.cells) fields.push_back(c.value.value_or(""));
    csv.row(fields, freeText);
  });
  file.commit();
  ExportResult result{csv.rows() - 1};
  ledger.audit("export", spec.name, {}, result.rows, "csv; purpose: " + std::string(purpose));
  return result;
}

}  // namespace gl::exchange
