// The rejected rows of an import as a CSV that staff fix in Excel and import again: the file's own
// header, then each rejected row as it was, with the reasons in a last column.
#include "exchange/atomic_file.h"
#include "exchange/csv_writer.h"
#include "exchange/roster_import.h"
#include "text/describe.h"
#include "text/text.h"

namespace gl::exchange {

void writeRejectedRows(const ImportReport& report, const std::filesystem::path& out) {
  AtomicFile file(out);
  CsvWriter csv(file);
  std::vector<std::string> header;
  for (const auto& c : report.columns) header.push_back(c.header);
  // TRANSLATORS: last column of the rejected-rows file written by an import (拒收原因); an import of the
  // fixed file leaves this column out, so it must not be a field's name such as 隔离原因.
  header.push_back(text::tr(N_("Why the row was rejected")));
  csv.row(header);
  for (const auto& r : report.rejectedRows) {
    std::vector<std::string> fields = r.cells;
    fields.resize(report.columns.size());
    std::string reasons;
    for (const auto& issue : r.issues) {
      if (issue.severity != core::Severity::Error) continue;
      if (!reasons.empty()) reasons += "; ";
      reasons += text::describe(issue);
    }
    fields.push_back(reasons);
    csv.row(fields);
  }
  file.commit();
}

}  // namespace gl::exchange
