// Passwords are given in files (never on the command line, where `ps` shows them).
#pragma once

#include <string>

namespace gl::sync {

// The first line of the file without its line end; refuses an unreadable or empty file.
std::string readPasswordFile(const std::string& path);

}  // namespace gl::sync
