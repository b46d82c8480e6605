// A roster saved as a file: .pdf (roster_pdf.h), or .xlsx / .csv of the same table with the grid as
// a column, masked as on paper. Saving is audited — kind, scope, date, row count, format, purpose,
// never a name or number (DOMAIN.md 6.2).
#pragma once

#include <filesystem>

#include "db/ledger.h"
#include "exchange/xlsx_writer.h"
#include "report/roster.h"

namespace gl::report {

// The format follows the extension (.pdf, .xlsx or .csv; anything else is BadInput).
void saveRoster(db::Ledger& ledger, const Roster& roster, const exchange::ExportStamp& stamp,
                const std::filesystem::path& out);

}  // namespace gl::report
