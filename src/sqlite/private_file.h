// Files of personal data readable by their owner alone (docs/security.md §7, privacy.md): a ledger or a
// data center's store is created 0600 before SQLite opens it, and one found wider is narrowed; SQLite
// gives its -wal and -shm files the mode of the database file. The data center's folder is 0700.
#pragma once

#include <filesystem>

namespace gl::sqlite {

// Creates `file` (empty) with mode 0600 when it does not exist; narrows it, and its -wal and -shm
// files, to 0600 when it does and this account owns it. A symbolic link in its place is refused.
// Throws gl::Error (Environment) on failure.
void keepPrivate(const std::filesystem::path& file);

// Creates `dir` (and its parents) when missing, then narrows it to 0700 when this account owns it.
void keepPrivateDirectory(const std::filesystem::path& dir);

}  // namespace gl::sqlite
