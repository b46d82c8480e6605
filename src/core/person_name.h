// Person names as rosters type them (docs/import.md §4): 王  芳 spaced to line up two-character names,
// full-width letters, a minority name's middle dot written half a dozen ways, Latin names in any case.
#pragma once

#include <string>
#include <string_view>

namespace gl::core {

// The key under which two spellings are one name: width-folded, without spaces, ASCII letters in lower
// case, every middle-dot form (· • ・ ･ ‧ ∙ ⋅ .) as one.
std::string nameKey(std::string_view name);

}  // namespace gl::core
