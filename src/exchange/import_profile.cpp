#include "exchange/import_profile.h"

#include "core/error.h"
#include "db/writer.h"
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

void checkName(const std::string& name) {
  if (name.empty() || name.size() > 100)
    throw Error(Error::Kind::BadInput, N_("An import profile needs a name of 1 to 100 characters"));
}

[[noreturn]] void noSuchProfile(const std::string& name) {
  throw Error(Error::Kind::BadInput, N_("There is no import profile “{profile}”"), {{"profile", name}});
}

}  // namespace

void saveProfile(db::Ledger& ledger, const ImportProfile& profile) {
  checkName(profile.name);
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

void renameProfile(db::Ledger& ledger, const std::string& from, const std::string& to) {
  checkName(to);
  const std::string oldKey = std::string(kPrefix) + from, newKey = std::string(kPrefix) + to;
  auto text = ledger.setting(oldKey);
  if (!text) noSuchProfile(from);
  if (from == to) return;
  if (ledger.setting(newKey))
    throw Error(Error::Kind::BadInput, N_("There is already an import profile “{profile}”"), {{"profile", to}});
  ledger.write([&](db::Writer& w) {
    w.setSetting(newKey, *text);
    w.removeSetting(oldKey);
  });
}

void deleteProfile(db::Ledger& ledger, const std::string& name) {
  bool removed = false;
  ledger.write([&](db::Writer& w) { removed = w.removeSetting(std::string(kPrefix) + name); });
  if (!removed) noSuchProfile(name);
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
