// The import report in words (translated): what gridctl prints and the import window shows, so both
// say the same thing the same way.
#pragma once

#include <string>

#include "exchange/roster_import.h"

namespace gl::exchange {

// "门牌号 → Room (beside a building column, 门牌 is the room number)"; unmapped columns say so.
std::string describeColumn(const ColumnMapping& column);

// Said once, before the rows: "No column gives the quarantine kind; columns seen: 姓名, …; map one
// with --map 列名=quarantine_kind" (`commandLine`), or "… choose it for one of the columns" (the window).
std::string describeMissing(const MissingColumn& missing, const ImportReport& report, bool commandLine);

// "Row 7: 邱超 renamed 孟思".
std::string describeRename(const Rename& rename);

}  // namespace gl::exchange
