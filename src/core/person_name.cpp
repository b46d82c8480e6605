#include "core/person_name.h"

#include "core/utf8.h"

namespace gl::core {

std::string nameKey(std::string_view name) {
  std::string out;
  for (char32_t c : utf8::decode(utf8::foldWidth(name))) {
    if (c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0') continue;
    if (c == U'•' || c == U'・' || c == U'･' || c == U'.' || c == U'‧' || c == U'﹒' || c == U'∙' || c == U'⋅' ||
        c == U'\u2027')
      c = U'·';
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    out += utf8::encode(c);
  }
  return out;
}

}  // namespace gl::core
