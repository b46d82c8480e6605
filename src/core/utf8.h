// Small UTF-8 helpers for the rules: decoding code points and folding the full-width forms that
// WPS and Chinese input methods produce (Ｘ, １２３, 　) to ASCII before validation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gl::core::utf8 {

// Decodes UTF-8 strictly (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF);
// each invalid byte becomes U+FFFD.
std::u32string decode(std::string_view text);
std::string encode(char32_t cp);
bool isValid(std::string_view text);
std::string encode(std::u32string_view text);

// Full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space (U+3000) to ASCII; other
// characters unchanged. This is the part of NFKC that matters for ids, phones, dates and numbers.
std::string foldWidth(std::string_view text);

// Trims ASCII whitespace, U+3000 and no-break spaces at both ends.
std::string trim(std::string_view text);

bool isHan(char32_t cp);  // CJK unified ideographs (URO and extension A)

}  // namespace gl::core::utf8
