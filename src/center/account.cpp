#include "center/center_store.h"
#include "core/scope.h"

namespace gl::center {

std::vector<std::string> splitCodes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string joinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& s : codes) out += (out.empty() ? "" : ",") + s;
  return out;
}

bool Account::countyWide(const std::string& county) const {
  if (role == "county_admin") return true;
  for (const auto& s : scope)
    if (s == county) return true;
  return false;
}

bool Account::reads(const Place& place, const std::string& county) const {
  return core::scopeCovers(scope, countyWide(county), place);
}

bool Account::writes(const Place& place, const std::string& county) const {
  if (!place) return role == "county_admin";  // reference rows: the county's administrators
  return reads(place, county);
}

}  // namespace gl::center
