// How the import dialogs name a roster field ("证件号码", "(不导入)"), and the fields a user may pick.
#pragma once

#include <optional>
#include <vector>

#include <wx/string.h>

#include "exchange/column_map.h"

namespace gl::app {

wxString importFieldText(std::optional<exchange::ImportField> field);
// Every field a column can be mapped to by hand, in list order (never "sensitive": the user cannot
// choose to collect those).
const std::vector<exchange::ImportField>& choosableImportFields();

}  // namespace gl::app
