// A roster saved as a file: .pdf (roster_pdf.h), or .xlsx / .csv of the same table with the grid as
// a column, masked as on paper. Saving is audited — kind, scope, date, row count, format, purpose,
// never a name or number (docs/privacy.md §6).
#pragma once

#include <filesystem>
#include <string_view>

#include "db/ledger.h"
#include "exchange/xlsx_writer.h"
#include "report/roster.h"

namespace gl::report {

// The format follows the extension (.pdf, .xlsx or .csv; anything else is BadInput). Returns the
// PDF's page count (0 for a spreadsheet). A PDF reports its pages through `progress` and is not
// written when it is asked to stop (Rejected, "Cancelled").
int saveRoster(db::Ledger& ledger, const Roster& roster, const exchange::ExportStamp& stamp,
               const std::filesystem::path& out, const core::Reporter& progress = {});

// The audit entry of a roster leaving the ledger: `medium` is "pdf", "xlsx", "csv" or "printer".
void auditRoster(db::Ledger& ledger, const Roster& roster, std::string_view medium, const std::string& purpose);

}  // namespace gl::report
