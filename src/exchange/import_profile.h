// Import profiles: the column mapping of a source that sends the same layout every day (the police
// push list, a school's list), saved under a name in the ledger's local settings. A file whose
// header row has exactly a profile's headers is recognised and imported with its mapping.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/ledger.h"

namespace gl::exchange {

struct ImportProfile {
  std::string name;
  // Each header of the file in order, with the field it maps to ("ignore" for a column left out).
  std::vector<std::pair<std::string, std::string>> columns;
};

void saveProfile(db::Ledger& ledger, const ImportProfile& profile);
std::vector<ImportProfile> loadProfiles(const db::Ledger& ledger);
// Renames a saved profile (refused when `to` is taken or `from` is not there); one transaction.
void renameProfile(db::Ledger& ledger, const std::string& from, const std::string& to);
void deleteProfile(db::Ledger& ledger, const std::string& name);

// Whether a header row is the profile's layout: the same headers in the same order (compared as
// normalized headers, blank trailing columns ignored).
bool matchesProfile(const ImportProfile& profile, const std::vector<std::string>& headers);

}  // namespace gl::exchange
