#include "exchange/roster_header.h"

#include "core/ascii.h"
#include "core/error.h"
#include "core/utf8.h"
#include "exchange/column_map.h"
#include "exchange/column_plan.h"
#include "exchange/import_profile.h"

namespace gl::exchange {

namespace {

constexpr int kHeaderSearchRows = 30;

std::optional<ImportField> overrideFor(const ImportOptions& options, const std::string& header) {
  for (const auto& [column, field] : options.overrides)
    if (column == header || normalizeHeader(column) == normalizeHeader(header)) {
      auto f = fieldByName(field);
      if (!f)
        throw Error(Error::Kind::BadInput, N_("Unknown field “{field}” in --map {column}={field}"),
                    {{"field", field}, {"column", column}});
      return f;
    }
  return std::nullopt;
}

std::optional<std::vector<ColumnMapping>> profileColumns(const std::vector<std::string>& headers,
                                                         const std::vector<ImportProfile>& profiles,
                                                         std::string& profileUsed) {
  for (const auto& profile : profiles)
    if (matchesProfile(profile, headers)) {
      std::vector<ColumnMapping> columns;
      for (std::size_t i = 0; i < profile.columns.size(); ++i) {
        auto field = fieldByName(profile.columns[i].second);
        ColumnMapping m;
        m.column = static_cast<int>(i) + 1;
        m.header = headers[i];
        if (field != ImportField::Ignore) m.field = field;
        columns.push_back(std::move(m));
      }
      markColumns(columns);
      profileUsed = profile.name;
      return columns;
    }
  return std::nullopt;
}

// The row as a header: the dictionary's fields, decided by the set of headers, then the user's
// --map on top; nullopt when it names too little to be one.
std::optional<std::vector<ColumnMapping>> headerOf(const SheetRow& row, const ImportOptions& options,
                                                   const std::vector<ImportProfile>& profiles,
                                                   std::string& profileUsed) {
  std::vector<std::string> headers;
  for (const auto& cell : row.cells) headers.push_back(core::utf8::trim(cell.text));
  if (auto columns = profileColumns(headers, profiles, profileUsed)) return columns;
  std::vector<ColumnMapping> columns;
  std::vector<bool> chosen;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    ColumnMapping m;
    m.column = static_cast<int>(i) + 1;
    m.header = headers[i];
    std::optional<ImportField> user;
    if (!m.header.empty()) {
      user = overrideFor(options, m.header);
      m.field = user ? user : fieldForHeader(m.header);
    }
    chosen.push_back(user.has_value());
    columns.push_back(std::move(m));
  }
  decideByHeaderSet(columns, chosen);
  markColumns(columns);
  int known = 0;
  bool person = false;
  for (const auto& m : columns)
    if (m.field && *m.field != ImportField::Ignore && *m.field != ImportField::Sensitive) {
      ++known;
      person |= *m.field == ImportField::Name || *m.field == ImportField::IdNumber;
    }
  if (known < 2 || !person) return std::nullopt;
  return columns;
}

std::size_t sheetIndex(const SheetReader& reader, const std::string& wanted, const std::filesystem::path& file) {
  const auto& names = reader.sheetNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == wanted) return i;
  if (!wanted.empty() && core::ascii::allDigits(wanted)) {
    auto n = std::stoul(wanted);
    if (n >= 1 && n <= names.size()) return n - 1;
  }
  throw Error(Error::Kind::BadInput, N_("“{file}” has no sheet “{sheet}”"),
              {{"file", file.string()}, {"sheet", wanted}});
}

std::vector<ImportProfile> profilesFor(const db::Ledger& ledger, const ImportOptions& options) {
  std::vector<ImportProfile> profiles;
  if (!options.profile.empty()) {
    for (auto& p : loadProfiles(ledger))
      if (p.name == options.profile) profiles.push_back(std::move(p));
    if (profiles.empty())
      throw Error(Error::Kind::BadInput, N_("There is no import profile “{profile}”"), {{"profile", options.profile}});
  } else if (options.overrides.empty()) {
    profiles = loadProfiles(ledger);
  }
  return profiles;
}

}  // namespace

HeaderFound findHeader(SheetReader& reader, const db::Ledger& ledger, const ImportOptions& options,
                       const std::filesystem::path& file) {
  std::vector<std::size_t> sheets;
  if (!options.sheet.empty())
    sheets.push_back(sheetIndex(reader, options.sheet, file));
  else
    for (std::size_t i = 0; i < reader.sheetNames().size(); ++i) sheets.push_back(i);
  const auto profiles = profilesFor(ledger, options);
  HeaderFound found;
  SheetRow row;
  for (std::size_t sheet : sheets) {
    reader.openSheet(sheet);
    for (int n = 0; n < kHeaderSearchRows && reader.next(row); ++n)
      if (auto columns = headerOf(row, options, profiles, found.profile)) {
        found.columns = std::move(*columns);
        found.row = row.number;
        found.sheet = reader.sheetNames()[sheet];
        break;
      }
    if (found.row) break;
  }
  if (!found.row)
    throw Error(Error::Kind::BadInput,
                N_("No header row found in “{file}”: the first rows should name columns such as 姓名 and 身份证号 "
                   "(or map them with --map 列名=field)"),
                {{"file", file.string()}});
  if (!options.profile.empty() && found.profile.empty())
    throw Error(Error::Kind::BadInput, N_("“{file}” does not have the columns of import profile “{profile}”"),
                {{"file", file.string()}, {"profile", options.profile}});
  return found;
}

}  // namespace gl::exchange
