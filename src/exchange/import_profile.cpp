#include "exchange/import_profile.h"

#include "core/error.h"
#include "exchange/column_map.h"

namespace gl::exchange {

namespace {

constexpr std::string_view kPrefix = "import_profile/";

// One "header<TAB>field" line per column: readable in the settings table, no escaping needed
// (headers never hold tabs or line ends once trimmed; those that do are flattened).
std::string encode(const ImportProfile& p) {
  std::string out;
  for (const auto& [header, field] : p.columns) {
    std::string h = header;
    for (char& c : h)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    out += h + '\t' + field + '\n';
  }
  return out;
}

ImportProfile decode(std::string name, const std::string& text) {
  ImportProfile p;
  p.name = std::move(name);
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    auto tab = line.find('\t');
    if (tab != std::string::npos) p.columns.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    start = end + 1;
  }
  return p;
}

}  // namespace

void saveProfile(db::Ledger& ledger, const ImportProfile& profile) {
  if (profile.name.empty() || profile.name.size() > 100)
    throw Error(Error::Kind::BadInput, N_("An import profile needs a name of 1 to 100 characters"));
  for (const auto& [header, field] : profile.columns)
    if (!fieldByName(field))
      throw Error(Error::Kind::BadInput, N_("Unknown field “{field}” in --map {column}={field}"),
                  {{"field", field}, {"column", header}});
  ledger.setSetting(std::string(kPrefix) + profile.name, encode(profile));
}

std::vector<ImportProfile> loadProfiles(const db::Ledger& ledger) {
  std::vector<ImportProfile> out;
  for (const auto& [key, value] : ledger.settingsWithPrefix(kPrefix))
    out.push_back(decode(key.substr(kPrefix.size()), value));
  return out;
}

bool matchesProfile(const ImportProfile& profile, const std::vector<std::string>& headers) {
  std::size_t n = headers.size();
  while (n > 0 && headers[n - 1].empty()) --n;
  if (n != profile.columns.size() || n == 0) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (normalizeHeader(headers[i]) != normalizeHeader(profile.columns[i].first)) return false;
  return true;
}

}  // namespace gl::exchange
