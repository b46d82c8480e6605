#include "exchange/table_export.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/error.h"
#include "exchange/csv_writer.h"
#include "exchange/xlsx_writer.h"
#include "text/labels.h"
#include "text/text.h"

namespace gl::exchange {

namespace {

// Only real numbers and dates become Excel numbers; codes, references, identity numbers, phones and
// free text stay strings, so no digit of an 18-digit id or an 0533 area code is ever lost.
CellType cellType(core::ColumnType type) {
  using core::ColumnType;
  switch (type) {
    case ColumnType::Integer:
      return CellType::Integer;
    case ColumnType::Real:
      return CellType::Real;
    case ColumnType::Temperature:
      return CellType::OneDecimal;
    case ColumnType::Date:
      return CellType::Date;
    case ColumnType::Text:
    case ColumnType::Code:
    case ColumnType::CodeList:
    case ColumnType::Reference:
    case ColumnType::IdNumber:
    case ColumnType::Phone:
      return CellType::Text;
  }
  return CellType::Text;
}

long long writeCsv(const db::Ledger& ledger, const core::TableSpec& spec, const std::filesystem::path& out) {
  AtomicFile file(out);
  CsvWriter csv(file);
  std::vector<std::string> fields{"id"};
  std::vector<bool> freeText{false};
  for (const auto& c : spec.columns) {
    fields.emplace_back(c.name);
    freeText.push_back(c.type == core::ColumnType::Text);
  }
  csv.row(fields, {});
  ledger.forEachRow(spec.table, [&](const db::Row& r) {
    fields.clear();
    fields.push_back(r.id);
    for (const auto& c : r.cells) fields.push_back(c.value.value_or(""));
    csv.row(fields, freeText);
  });
  file.commit();
  return csv.rows() - 1;
}

long long writeXlsx(const db::Ledger& ledger, const core::TableSpec& spec, const std::filesystem::path& out,
                    std::string_view purpose) {
  std::vector<XlsxColumn> columns{{"id", CellType::Text}};
  for (const auto& c : spec.columns) columns.push_back({std::string(c.name), cellType(c.type)});
  // TRANSLATORS: the title of an exported workbook; {table} is 居民, 户 …
  // xgettext:python-brace-format
  std::string title =
      text::format(N_("GridLedger export: {table}"), fmt::arg("table", text::tableLabel(spec.name)));
  XlsxWriter xlsx(out, spec.pluralName, std::move(columns), ExportStamp::now(std::string(purpose)), title);
  std::vector<std::optional<std::string_view>> values;
  ledger.forEachRow(spec.table, [&](const db::Row& r) {
    values.clear();
    values.emplace_back(r.id);
    for (const auto& c : r.cells)
      values.push_back(c.value ? std::optional<std::string_view>(*c.value) : std::nullopt);
    xlsx.row(values);
  });
  xlsx.commit();
  return xlsx.rows();
}

}  // namespace

ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv" && ext != ".xlsx")
    throw Error(Error::Kind::BadInput, N_("Cannot export to “{path}”: use a .xlsx or .csv file name"),
                {{"path", out.string()}});
  const auto& spec = core::tableSpec(table);
  ExportResult result{ext == ".csv" ? writeCsv(ledger, spec, out) : writeXlsx(ledger, spec, out, purpose)};
  ledger.audit("export", spec.name, {}, result.rows, ext.substr(1) + "; purpose: " + std::string(purpose));
  return result;
}

}  // namespace gl::exchange
