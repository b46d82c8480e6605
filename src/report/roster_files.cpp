#include "report/roster_files.h"

#include <optional>
#include <string_view>

#include "core/ascii.h"
#include "core/error.h"
#include "exchange/csv_writer.h"
#include "report/roster_pdf.h"
#include "text/text.h"

namespace gl::report {

namespace {

void writeXlsx(const Roster& roster, const exchange::ExportStamp& stamp, const std::filesystem::path& out) {
  std::vector<exchange::XlsxColumn> columns{{text::tr(N_("Grid")), exchange::CellType::Text}};
  for (const auto& c : roster.columns) columns.push_back({c.title, c.type});
  exchange::XlsxWriter xlsx(out, roster.title, std::move(columns), stamp,
                            roster.title + " " + roster.scopeText() + " " + roster.date.iso());
  std::vector<std::optional<std::string_view>> values;
  for (const auto& g : roster.groups)
    for (const auto& row : g.rows) {
      values.assign(1, std::string_view(g.title));
      for (const auto& cell : row) values.push_back(cell.empty() ? std::nullopt : std::optional<std::string_view>(cell));
      xlsx.row(values);
    }
  xlsx.commit();
}

void writeCsv(const Roster& roster, const std::filesystem::path& out) {
  exchange::AtomicFile file(out);
  exchange::CsvWriter csv(file);
  std::vector<std::string> fields{text::tr(N_("Grid"))};
  for (const auto& c : roster.columns) fields.push_back(c.title);
  csv.row(fields);
  for (const auto& g : roster.groups)
    for (const auto& row : g.rows) {
      fields.assign(1, g.title);
      fields.insert(fields.end(), row.begin(), row.end());
      csv.row(fields);
    }
  file.commit();
}

}  // namespace

void auditRoster(db::Ledger& ledger, const Roster& roster, std::string_view medium, const std::string& purpose) {
  ledger.audit(medium == "pdf" || medium == "printer" ? "print" : "export", "roster", {},
               static_cast<std::int64_t>(roster.total()),
               std::string(kindName(roster.kind)) + "; scope " + (roster.scope.code.empty() ? "county" : roster.scope.code) +
                   "; date " + roster.date.iso() + "; masked; " + std::string(medium) + "; purpose: " + purpose);
}

int saveRoster(db::Ledger& ledger, const Roster& roster, const exchange::ExportStamp& stamp,
               const std::filesystem::path& out, const core::Reporter& progress) {
  const std::string ext = core::ascii::toLower(out.extension().string());
  int pages = 0;
  if (ext == ".pdf")
    pages = writeRosterPdf(roster, stamp, out, progress);
  else if (ext == ".xlsx")
    writeXlsx(roster, stamp, out);
  else if (ext == ".csv")
    writeCsv(roster, out);
  else
    throw Error(Error::Kind::BadInput, N_("A roster is saved as .pdf, .xlsx or .csv, not “{file}”"),
                {{"file", out.string()}});
  auditRoster(ledger, roster, ext.substr(1), stamp.purpose);
  return pages;
}

}  // namespace gl::report
