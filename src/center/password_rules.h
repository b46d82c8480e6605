// What a data center password must be (docs/security.md §2; MLPS 2.0 身份鉴别): at least 10
// characters, three of the four classes (lower-case, capitals, digits, other), not the account's
// name in any form, not a dictionary word or a common password. Checked by libpwquality — the
// checker PAM uses — with cracklib's dictionary, not by a list of our own.
#pragma once

#include <string>
#include <string_view>

namespace gl::center {

inline constexpr int kPasswordMinLength = 10;
inline constexpr int kPasswordMinClasses = 3;

// Throws gl::Error (BadInput) saying which rule the password breaks; `from` names where it came from.
void checkPassword(const std::string& password, const std::string& account, std::string_view from);

}  // namespace gl::center
