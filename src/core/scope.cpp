#include "core/scope.h"

namespace gl::core {

std::vector<std::string> splitCodes(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string joinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& s : codes) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

bool scopeCovers(const std::vector<std::string>& scope, bool countyWide, const Place& place) {
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

Scope::Scope(Role role, std::vector<std::string> codes, std::string county)
    : role_(role), codes_(std::move(codes)), county_(std::move(county)) {
  countyWide_ = role_ == Role::CountyAdmin;
  for (const auto& c : codes_) countyWide_ = countyWide_ || c == county_;
}

Scope Scope::wholeCounty(std::string county) {
  std::vector<std::string> codes{county};
  return Scope(Role::CountyAdmin, std::move(codes), std::move(county));
}

bool Scope::reads(const Place& place) const { return scopeCovers(codes_, countyWide(), place); }

bool Scope::writes(const Place& place) const {
  if (!place) return role_ == Role::CountyAdmin;
  return reads(place);
}

void GridDigest::add(std::string_view rowId, std::int64_t newestHlc) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](unsigned char byte) {
    h ^= byte;
    h *= 1099511628211ull;
  };
  for (unsigned char c : rowId) mix(c);
  for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(static_cast<std::uint64_t>(newestHlc) >> (8 * i)));
  hash ^= h;
  ++rows;
}

}  // namespace gl::core
