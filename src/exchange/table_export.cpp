#include "exchange/table_export.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

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

// TRANSLATORS: headers of an export's last columns, the ids a re-import matches by (记录编号, 户编号).
constexpr std::pair<std::string_view, const char*> kReferenceLabels[] = {
    {"household", N_("Household ID")}, {"resident", N_("Resident ID")}, {"quarantine", N_("Quarantine ID")},
    {"grid", N_("Grid ID")},           {"region", N_("Region ID")},     {"worker", N_("Worker ID")},
    {"campaign", N_("Campaign ID")},
};

// One column of an export: the header and where its values come from.
struct Column {
  std::string header;
  const core::ColumnSpec* spec = nullptr;  // nullptr: the record's id
  std::size_t cell = 0;                    // index in db::Row::cells
  bool narrow = false;
};

// Codes and names for scripts: `id` first, then the data model's columns in order. Words for clerks:
// the fields, then the references and the id, narrow, at the end.
std::vector<Column> columnsOf(const core::TableSpec& spec, bool labels) {
  std::vector<Column> out;
  if (!labels) {
    out.push_back({"id"});
    for (std::size_t i = 0; i < spec.columns.size(); ++i) out.push_back({std::string(spec.columns[i].name), &spec.columns[i], i});
    return out;
  }
  std::vector<Column> refs;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const auto& c = spec.columns[i];
    if (c.type != core::ColumnType::Reference) {
      out.push_back({text::fieldLabel(spec.name, c.name), &c, i});
      continue;
    }
    std::string header = text::fieldLabel(spec.name, c.name);
    for (const auto& [table, label] : kReferenceLabels)
      if (table == c.references) header = text::tr(label);
    refs.push_back({header, &c, i, true});
  }
  out.insert(out.end(), refs.begin(), refs.end());
  // TRANSLATORS: the header of an export's column of record ids (记录编号).
  out.push_back({text::tr(N_("Record ID")), nullptr, 0, true});
  return out;
}

// A stored value as the clerk reads it: codes as words, a list of codes joined.
std::string shown(const core::ColumnSpec& spec, const std::string& value) {
  if (spec.type == core::ColumnType::Code) return text::codeLabel(value);
  if (spec.type != core::ColumnType::CodeList) return value;
  // TRANSLATORS: between the items of a list in one spreadsheet cell (独居老人、慢性病).
  const std::string separator = text::tr(N_(", "));
  std::string out;
  for (std::size_t start = 0; start <= value.size();) {
    auto comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.append(out.empty() ? "" : separator).append(text::codeLabel(item));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Each row's values in the plan's order (ownership stays with `scratch`).
template <typename Visit>
void forEachValues(const db::Ledger& ledger, const core::TableSpec& spec, const std::vector<Column>& columns,
                   bool labels, Visit visit) {
  std::vector<std::optional<std::string>> values(columns.size());
  ledger.forEachRow(spec.table, [&](const db::Row& r) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& c = columns[i];
      if (!c.spec) values[i] = r.id;
      else if (const auto& v = r.cells[c.cell].value; !v) values[i].reset();
      else values[i] = labels ? shown(*c.spec, *v) : *v;
    }
    visit(values);
  });
}

long long writeCsv(const db::Ledger& ledger, const core::TableSpec& spec, const std::filesystem::path& out,
                   bool labels) {
  AtomicFile file(out);
  CsvWriter csv(file);
  const auto columns = columnsOf(spec, labels);
  std::vector<std::string> fields;
  std::vector<bool> freeText;
  for (const auto& c : columns) {
    fields.push_back(c.header);
    const bool words = labels && (c.spec && (c.spec->type == core::ColumnType::Code ||
                                            c.spec->type == core::ColumnType::CodeList));
    freeText.push_back(c.spec && (c.spec->type == core::ColumnType::Text || words));
  }
  csv.row(fields, {});
  forEachValues(ledger, spec, columns, labels, [&](const std::vector<std::optional<std::string>>& values) {
    fields.clear();
    for (const auto& v : values) fields.push_back(v.value_or(""));
    csv.row(fields, freeText);
  });
  file.commit();
  return csv.rows() - 1;
}

long long writeXlsx(const db::Ledger& ledger, const core::TableSpec& spec, const std::filesystem::path& out,
                    std::string_view purpose) {
  const auto columns = columnsOf(spec, true);
  std::vector<XlsxColumn> sheetColumns;
  for (const auto& c : columns)
    sheetColumns.push_back({c.header, c.spec && c.spec->type != core::ColumnType::Code &&
                                              c.spec->type != core::ColumnType::CodeList
                                          ? cellType(c.spec->type)
                                          : CellType::Text,
                            c.narrow});
  // TRANSLATORS: the title of an exported workbook; {table} is 居民, 户 …
  // xgettext:python-brace-format
  std::string title =
      text::format(N_("GridLedger export: {table}"), fmt::arg("table", text::tableLabel(spec.name)));
  XlsxWriter xlsx(out, spec.pluralName, std::move(sheetColumns), ExportStamp::now(std::string(purpose)), title);
  std::vector<std::optional<std::string_view>> cells(columns.size());
  forEachValues(ledger, spec, columns, true, [&](const std::vector<std::optional<std::string>>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
      cells[i] = values[i] ? std::optional<std::string_view>(*values[i]) : std::nullopt;
    xlsx.row(cells);
  });
  xlsx.commit();
  return xlsx.rows();
}

}  // namespace

ExportResult exportTable(db::Ledger& ledger, core::Table table, const std::filesystem::path& out,
                         std::string_view purpose, const ExportOptions& options) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv" && ext != ".xlsx")
    throw Error(Error::Kind::BadInput, N_("Cannot export to “{path}”: use a .xlsx or .csv file name"),
                {{"path", out.string()}});
  const auto& spec = core::tableSpec(table);
  ExportResult result{ext == ".csv" ? writeCsv(ledger, spec, out, options.labels) : writeXlsx(ledger, spec, out, purpose)};
  ledger.audit("export", spec.name, {}, result.rows, ext.substr(1) + "; purpose: " + std::string(purpose));
  return result;
}

}  // namespace gl::exchange
