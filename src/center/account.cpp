#include "center/center_store.h"
#include "core/scope.h"

namespace gl::center {

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
