#include "core/address.h"

#include <array>
#include <vector>

#include "core/utf8.h"

namespace gl::core {

namespace {

// The text is width-folded UTF-8 (utf8::foldWidth: every byte sequence valid), read byte by byte:
// digits, A-Z and the markers below compare as their UTF-8 bytes, so nothing is decoded.
bool isDigit(char c) { return c >= '0' && c <= '9'; }

enum class Marker { None, Dash, Building, Unit, Room };

struct Token {
  std::string_view number;
  Marker marker = Marker::None;
  std::size_t begin = 0;  // byte where the number starts
};

// The word after a number, and how many bytes it takes. Dashes people type between numbers: ASCII,
// en/em dash, full-width minus (folded already), 一, ─, the hyphen U+2010.
std::pair<Marker, std::size_t> markerAt(std::string_view s, std::size_t i) {
  static constexpr std::pair<std::string_view, Marker> kWords[] = {
      {"-", Marker::Dash},       {"–", Marker::Dash},      {"—", Marker::Dash},    {"一", Marker::Dash},
      {"─", Marker::Dash},       {"‐", Marker::Dash},      {"号楼", Marker::Building}, {"楼", Marker::Building},
      {"幢", Marker::Building},  {"栋", Marker::Building}, {"座", Marker::Building},  {"单元", Marker::Unit},
      {"室", Marker::Room},      {"号", Marker::Room},     {"户", Marker::Room},
  };
  const std::string_view rest = s.substr(i);
  for (const auto& [word, marker] : kWords)
    if (rest.starts_with(word)) return {marker, word.size()};
  return {Marker::None, 0};
}

std::string lastPlaceWord(std::string place) {
  // Everything up to the county, town or street office is the same for a whole community.
  for (std::string_view end : {"街道办事处", "街道", "镇", "乡", "县", "市", "区", "省"}) {
    auto at = place.rfind(end);
    if (at != std::string::npos && at + end.size() < place.size()) return place.substr(at + end.size());
  }
  return place;
}

}  // namespace

AddressParts splitAddress(std::string_view address) {
  std::string s = utf8::foldWidth(address);  // U+3000 is a space now
  std::erase_if(s, [](char c) { return c == ' ' || c == '\t'; });
  // The numbers with their markers; a run ends at the first word that is not a marker.
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < s.size();) {
    if (!isDigit(s[i])) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    while (i < s.size() && isDigit(s[i])) ++i;
    if (i < s.size() && s[i] >= 'A' && s[i] <= 'Z' && (i + 1 == s.size() || !isDigit(s[i + 1]))) ++i;  // "3A栋"
    t.number = std::string_view(s).substr(t.begin, i - t.begin);
    auto [marker, length] = markerAt(s, i);
    t.marker = marker;
    i += length;
    // A number followed by other words ("2号院", "第3网格") is part of the place: start again.
    if (marker == Marker::None && i < s.size()) {
      tokens.clear();
      continue;
    }
    tokens.push_back(t);
  }
  AddressParts parts;
  std::size_t used = 0;
  if (tokens.size() >= 2) {
    // The last two or three numbers: building[-unit]-room.
    std::size_t n = tokens.size() >= 3 && tokens[tokens.size() - 2].marker != Marker::Building ? 3 : 2;
    if (tokens.size() >= 3 && tokens[tokens.size() - 3].marker == Marker::Building) n = 3;
    const Token* t = &tokens[tokens.size() - n];
    used = t->begin;
    parts.building = t[0].number;
    if (n == 3) parts.unit = t[1].number;
    parts.room = t[n - 1].number;
  } else {
    used = s.size();
  }
  parts.place = utf8::trim(std::string_view(s).substr(0, used));
  return parts;
}

std::string addressKey(std::string_view address) { return addressKey(splitAddress(address)); }

std::string addressKey(const AddressParts& p) {
  if (p.building.empty()) return p.place;
  return lastPlaceWord(p.place) + "|" + p.building + "-" + p.unit + "-" + p.room;
}

std::string householdKey(std::string_view address, std::string_view building, std::string_view unit,
                         std::string_view room) {
  return householdKey(address, splitAddress(address), building, unit, room);
}

std::string householdKey(std::string_view address, const AddressParts& p, std::string_view building,
                         std::string_view unit, std::string_view room) {
  auto fold = [](std::string_view v) { return utf8::trim(utf8::foldWidth(v)); };
  if (building.empty()) {
    // No building: a village house whose number the address already says (西关村1049号, room 1049),
    // or a room the address does not name (和平社区, room 501).
    const std::string a = fold(address), r = fold(room);
    if (r.empty() || a.ends_with(r) || a.find(r + "号") != std::string::npos || a.find(r + "室") != std::string::npos)
      return addressKey(p);
    return addressKey(p).append("|").append(r);
  }
  std::string key = lastPlaceWord(p.place);
  key.append("|").append(fold(building)).append("-").append(fold(unit)).append("-").append(fold(room));
  return key;
}

}  // namespace gl::core
