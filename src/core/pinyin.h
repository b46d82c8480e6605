// Pinyin for search (`zs` finds 张三) and for sorting names the way Chinese users expect.
//
// Readings come from a table generated from Unihan kMandarin (src/core/data/README.md): every GB2312
// hanzi and nearly all of CJK Unified Ideographs and Extension A. One reading per character, with no
// word context, so 长江 reads "zhangjiang"; at the start of a person's name a short list of surname
// readings replaces it (曾 zēng, 单 shàn, 尉迟 yù chí). ü is spelled "v" (吕 → "lv"), as pinyin input
// methods type it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gl::core::pinyin {

// Lowercase toneless syllables, for one character; empty when not a Han character or unknown.
std::string_view syllable(char32_t cp);
// 1-4, 5 for the neutral tone (的 de), 0 unknown.
int tone(char32_t cp);

// Han characters become their syllable, ASCII letters and digits are kept lowercased (full-width
// forms folded first), everything else is dropped. With isPersonName the surname reading applies
// to the first character, or the first two for a compound surname in a name of three or more
// characters: 曾小贤 → "zengxiaoxian", but 曾经 as ordinary text → "cengjing".
std::string full(std::string_view utf8Text, bool isPersonName = true);
// As full(), but one letter per Han character: 张三 → "zs", 欧阳娜娜 → "oynn", 3号楼 → "3hl".
std::string initials(std::string_view utf8Text, bool isPersonName = true);

// Search strings for a name whose surname has two readings: the surname reading first, then the
// ordinary one when it differs (曾小贤 → {"zxx", "cxx"}; 张三 → {"zs"}). At most two entries.
std::vector<std::string> initialsVariants(std::string_view utf8Name);
std::vector<std::string> fullVariants(std::string_view utf8Name);
// Both lists at once, the name decoded and looked up once (for the search index).
struct NameSpellings {
  std::vector<std::string> full;      // fullVariants(name)
  std::vector<std::string> initials;  // initialsVariants(name)
};
NameSpellings nameSpellings(std::string_view utf8Name);

// Byte-comparable sort key (std::string operator<, SQLite BINARY collation), printable ASCII.
// Compared character by character, so people with the same surname character stay together:
// ASCII digits and letters (case-folded) first, then Han by syllable, tone and code point
// (黎 lí < 李 lǐ < 理 lǐ), then Han without a reading, then other characters. Spaces and
// punctuation are ignored.
std::string sortKey(std::string_view utf8Text, bool isPersonName = true);

// True when the query is only ASCII letters (full-width folded), maybe with spaces or apostrophes
// (xi'an), and has at least one letter: search then looks in the pinyin columns.
bool looksLikePinyin(std::string_view query);

}  // namespace gl::core::pinyin
