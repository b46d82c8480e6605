#include "exchange/import_report_text.h"

#include "core/columns.h"
#include "core/error.h"
#include "exchange/column_map.h"
#include "text/labels.h"
#include "text/text.h"

namespace gl::exchange {

namespace col = core::col;

namespace {

// A column's label as its table names it: the quarantine's kind, not a household's.
std::string tableFieldLabel(const core::Column& column) {
  return text::fieldLabel(core::tableSpec(column.table).name, column);
}

std::string fieldText(ImportField field) {
  switch (field) {
    case ImportField::Ignore: return text::tr(N_("(left out)"));
    case ImportField::Sensitive: return text::tr(N_("(never imported: personal information not collected)"));
    case ImportField::QuarantineKind: return tableFieldLabel(col::quarantine::kind);
    case ImportField::Status: return tableFieldLabel(col::quarantine::status);
    case ImportField::StartOn: return tableFieldLabel(col::quarantine::startOn);
    case ImportField::RecordId: return text::tr(N_("Record ID"));
    case ImportField::HouseholdRef: return text::tr(N_("Household ID"));
    default: return text::fieldLabel(fieldName(field));
  }
}

}  // namespace

std::string describeColumn(const ColumnMapping& column) {
  std::string field = column.field ? fieldText(*column.field) : text::tr(N_("(unknown: not imported)"));
  if (column.note.empty())
    // xgettext:python-brace-format
    return text::format(N_("{header} → {field}"), fmt::arg("header", column.header), fmt::arg("field", field));
  // xgettext:python-brace-format
  return text::format(N_("{header} → {field} ({why})"), fmt::arg("header", column.header), fmt::arg("field", field),
                      fmt::arg("why", text::tr(column.note)));
}

std::string describeMissing(const MissingColumn& missing, const ImportReport& report, bool commandLine) {
  std::string seen;
  for (const auto& c : report.columns)
    if (!c.header.empty()) seen.append(seen.empty() ? "" : ", ").append(c.header);
  const std::string field = missing.label == col::quarantine::kind.name
                                ? tableFieldLabel(col::quarantine::kind)
                                : text::fieldLabel(missing.label);
  if (commandLine)
    // TRANSLATORS: {name} is the field's name as --map takes it (quarantine_kind); keep 列名 as it is.
    // xgettext:python-brace-format
    return text::format(N_("No column gives {field}; columns seen: {columns}; map one with --map 列名={name}"),
                        fmt::arg("field", field), fmt::arg("columns", seen), fmt::arg("name", missing.field));
  // xgettext:python-brace-format
  return text::format(N_("No column gives {field}; columns seen: {columns}; choose it for one of the columns"),
                      fmt::arg("field", field), fmt::arg("columns", seen));
}

std::string describeRename(const Rename& rename) {
  // xgettext:python-brace-format
  return text::format(N_("Row {row}: {from} renamed {to}"), fmt::arg("row", rename.row), fmt::arg("from", rename.from),
                      fmt::arg("to", rename.to));
}

}  // namespace gl::exchange
