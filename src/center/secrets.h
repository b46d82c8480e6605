// Passwords (Argon2id through libsodium) and bearer tokens for gridcenter.
#pragma once

#include <string>

namespace gl::center {

std::string hashPassword(const std::string& password);
bool verifyPassword(const std::string& hash, const std::string& password);
// Spends the time a verification takes, so an unknown account answers as slowly as a known one.
void verifyNothing(const std::string& password);
std::string newToken();                          // 32 random bytes, hex
std::string digest(const std::string& data);     // BLAKE2b-256, hex: tokens and batch bodies are stored hashed

}  // namespace gl::center
