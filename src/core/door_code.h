// The code on a household's door card (门牌二维码): the household's id and nothing personal, written
// as 40 digits — "9" and the id's 128 bits in decimal, zero-padded to 39 digits. Digits only, because
// a USB scanner types the code like a keyboard, and a Chinese input method left on would swallow
// letters (a UUID has a–f) but lets digits through. No phone or document number has 40 digits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gl::core {

// "0193a1b2-…" → "9…" (40 digits); nullopt for text that is not a UUID.
std::optional<std::string> doorCode(std::string_view uuid);
// The UUID (lower case, with dashes) a door code holds; nullopt for anything else.
std::optional<std::string> householdOfDoorCode(std::string_view code);

}  // namespace gl::core
