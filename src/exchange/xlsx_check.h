// Internal to gl_exchange: reading back what libxlsxwriter wrote, because version 1.1.4 does not
// report every write error of its temporary files (docs/style.md §9.5). XlsxWriter commits a workbook
// only when both checks pass.
#pragma once

#include <filesystem>

namespace gl::exchange {

// The sheet's row file (constant_memory mode), open as `fd`, ends with the row numbered `sheetRow`.
bool endsWithRow(int fd, long long sheetRow);
// Every part of the written workbook reads back whole: its CRC checks and it ends with its root's end tag.
bool wholeWorkbook(const std::filesystem::path& file);

}  // namespace gl::exchange
