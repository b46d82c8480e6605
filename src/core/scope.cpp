#include "core/scope.h"

namespace gl::core {

bool scopeCovers(const std::vector<std::string>& scope, bool countyWide, const std::optional<std::string>& place) {
  if (!place || countyWide) return true;
  if (place->empty()) return false;  // a household of no grid: the county's, until dispatched
  for (const auto& s : scope) {
    if (*place == s) return true;
    // A region code covers every grid code that starts with it ("370322001001-3" is in 370322001).
    bool region = s.find('-') == std::string::npos;
    if (region && place->size() > s.size() && place->compare(0, s.size(), s) == 0) return true;
  }
  return false;
}

}  // namespace gl::core
