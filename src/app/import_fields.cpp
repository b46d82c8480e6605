#include "app/import_fields.h"

#include <wx/intl.h>

#include "app/form_support.h"
#include "text/labels.h"

namespace gl::app {

using exchange::ImportField;

wxString importFieldText(std::optional<ImportField> field) {
  if (!field || *field == ImportField::Ignore) return _("(leave out)");
  switch (*field) {
    case ImportField::Sensitive: return _("(never imported: personal information not collected)");
    case ImportField::QuarantineKind: return _("Quarantine kind");
    case ImportField::Status: return _("Quarantine status");
    case ImportField::Building: return _("Building (or building-unit-room)");
    case ImportField::RecordId: return _("Record id (this program's export)");
    case ImportField::HouseholdRef: return _("Household record id (this program's export)");
    default: return toWx(text::fieldLabel(exchange::fieldName(*field)));
  }
}

const std::vector<ImportField>& choosableImportFields() {
  static const std::vector<ImportField> fields = [] {
    std::vector<ImportField> out;
    for (auto f : exchange::mappableFields())
      if (f != ImportField::Sensitive) out.push_back(f);
    return out;
  }();
  return fields;
}

}  // namespace gl::app
