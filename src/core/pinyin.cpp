#include "core/pinyin.h"

#include <cstdint>
#include <iterator>

#include "core/utf8.h"

namespace gl::core::pinyin {
namespace {

// A reading packs (syllable index << 3) | tone; 0 means none. Syllable indices follow ASCII order
// of the syllables, so the index doubles as the sort rank.
using Reading = std::uint16_t;

struct SurnameReading {
  char32_t first;
  char32_t second;  // 0 for a one-character surname
  Reading readings[2];
};

#include "core/data/pinyin_table.inc"

// sortKey() writes the rank as two base-64 digits.
static_assert(std::size(kSyllables) <= 64 * 64);

Reading tableReading(char32_t cp) {
  if (cp < kTableFirst || cp > kTableLast) return 0;
  return kReadings[cp - kTableFirst];
}

std::string_view syllableOf(Reading r) {
  return kSyllables[r >> 3];
}
int toneOf(Reading r) {
  return r & 7;
}

bool isAsciiAlnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

char lowerAscii(char32_t cp) {
  return static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
}

bool isSpace(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0xFEFF;
}

// Ideographs the table has no reading for: the unassigned tail of the URO and Extension A, the
// compatibility ideographs (﨑) and Extensions B..H (𠮷), which input methods rarely produce.
bool isOtherHan(char32_t cp) {
  return utf8::isHan(cp) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF);
}

// Separators a sort should skip: ASCII and Latin-1 punctuation, General Punctuation (the
// "·" of minority names, dashes, quotes), CJK punctuation except 〇, CJK compatibility forms,
// what is left of the full-width block after folding, the katakana middle dot (often typed for
// "·"), and U+FFFD from undecodable bytes.
bool isIgnorable(char32_t cp) {
  if (cp < 0xC0) return !isAsciiAlnum(cp);
  if (cp >= 0x3000 && cp <= 0x303F) return cp != 0x3007;
  return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
         cp == 0x30FB || cp == 0xFFFD;
}

std::u32string decodeFolded(std::string_view text) {
  return utf8::decode(utf8::foldWidth(text));
}

// The surname is the first character, or the first two when they form a compound surname and the
// name has at least three Han characters (a two-character name cannot be surname plus given name
// with a compound surname, so 长孙 alone is 长 Cháng with given name 孙).
void applySurname(const std::u32string& cps, std::vector<Reading>& readings) {
  std::size_t start = 0;
  while (start < cps.size() && isSpace(cps[start])) ++start;
  if (start == cps.size() || readings[start] == 0) return;
  std::size_t hanCount = 0;
  for (std::size_t i = start; i < readings.size(); ++i) hanCount += readings[i] != 0 ? 1 : 0;
  if (hanCount >= 3 && start + 1 < cps.size()) {
    for (const auto& s : kSurnames) {
      if (s.second != 0 && s.first == cps[start] && s.second == cps[start + 1]) {
        readings[start] = s.readings[0];
        readings[start + 1] = s.readings[1];
        return;
      }
    }
  }
  for (const auto& s : kSurnames) {
    if (s.second == 0 && s.first == cps[start]) {
      readings[start] = s.readings[0];
      return;
    }
  }
}

std::vector<Reading> readingsOf(const std::u32string& cps, bool isPersonName) {
  std::vector<Reading> readings;
  readings.reserve(cps.size());
  for (char32_t cp : cps) readings.push_back(tableReading(cp));
  if (isPersonName) applySurname(cps, readings);
  return readings;
}

std::string render(std::string_view text, bool isPersonName, bool initialsOnly) {
  std::u32string cps = decodeFolded(text);
  std::vector<Reading> readings = readingsOf(cps, isPersonName);
  std::string out;
  out.reserve(cps.size() * (initialsOnly ? 1 : 4));
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (isAsciiAlnum(cps[i])) {
      out += lowerAscii(cps[i]);
    } else if (readings[i] != 0) {
      std::string_view s = syllableOf(readings[i]);
      if (initialsOnly)
        out += s.front();
      else
        out += s;
    }
  }
  return out;
}

// render() of both kinds in one pass over the decoded text.
void renderBoth(const std::u32string& cps, const std::vector<Reading>& readings, std::string& full,
                std::string& initials) {
  full.reserve(cps.size() * 4);
  initials.reserve(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (isAsciiAlnum(cps[i])) {
      full += lowerAscii(cps[i]);
      initials += lowerAscii(cps[i]);
    } else if (readings[i] != 0) {
      std::string_view s = syllableOf(readings[i]);
      full += s;
      initials += s.front();
    }
  }
}

void appendHex(std::string& out, std::uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

}  // namespace

std::string_view syllable(char32_t cp) {
  return syllableOf(tableReading(cp));
}

int tone(char32_t cp) {
  return toneOf(tableReading(cp));
}

std::string full(std::string_view utf8Text, bool isPersonName) {
  return render(utf8Text, isPersonName, false);
}

std::string initials(std::string_view utf8Text, bool isPersonName) {
  return render(utf8Text, isPersonName, true);
}

std::vector<std::string> initialsVariants(std::string_view utf8Name) {
  return nameSpellings(utf8Name).initials;
}

std::vector<std::string> fullVariants(std::string_view utf8Name) {
  return nameSpellings(utf8Name).full;
}

NameSpellings nameSpellings(std::string_view utf8Name) {
  const std::u32string cps = decodeFolded(utf8Name);
  const std::vector<Reading> surname = readingsOf(cps, true), ordinary = readingsOf(cps, false);
  NameSpellings out;
  out.full.emplace_back();
  out.initials.emplace_back();
  renderBoth(cps, surname, out.full.front(), out.initials.front());
  if (ordinary == surname) return out;
  std::string full, initials;
  renderBoth(cps, ordinary, full, initials);
  if (full != out.full.front()) out.full.push_back(std::move(full));
  if (initials != out.initials.front()) out.initials.push_back(std::move(initials));
  return out;
}

// Each character becomes one element; elements of one kind have one length, and the first byte
// names the kind ('0'-'9' and 'a'-'z' are themselves, then '{' Han with a reading, '|' other Han,
// '}' anything else), so comparing keys bytewise compares names character by character.
// A Han element is '{', the syllable rank in two digits '0'+n (n < 64), the tone digit and the
// code point in four hex digits: 李 U+674E, "li" rank 173, tone 3 → "{2]3674E".
std::string sortKey(std::string_view utf8Text, bool isPersonName) {
  std::u32string cps = decodeFolded(utf8Text);
  std::vector<Reading> readings = readingsOf(cps, isPersonName);
  std::string key;
  key.reserve(cps.size() * 8);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    if (isAsciiAlnum(cp)) {
      key += lowerAscii(cp);
    } else if (readings[i] != 0) {
      unsigned rank = readings[i] >> 3;
      key += '{';
      key += static_cast<char>('0' + rank / 64);
      key += static_cast<char>('0' + rank % 64);
      key += static_cast<char>('0' + toneOf(readings[i]));
      appendHex(key, cp, 4);
    } else if (isIgnorable(cp)) {
      continue;
    } else {
      key += isOtherHan(cp) ? '|' : '}';
      appendHex(key, cp, 6);
    }
  }
  return key;
}

bool looksLikePinyin(std::string_view query) {
  bool hasLetter = false;
  for (char c : utf8::foldWidth(query)) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      hasLetter = true;
    else if (c != ' ' && c != '\'')
      return false;
  }
  return hasLetter;
}

}  // namespace gl::core::pinyin
