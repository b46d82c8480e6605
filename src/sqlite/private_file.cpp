#include "sqlite/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace gl::sqlite {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path) {
  throw Error(Error::Kind::Environment, N_("Cannot make {path} private to its owner: {detail}"),
              {{"path", path.string()}, {"detail", std::strerror(errno)}});
}

// Takes group and other permissions from the open file `fd`, when this account owns it (a file shared
// on purpose by another owner is left as it is: only that owner may change it).
void narrow(int fd, const std::filesystem::path& path, mode_t keep) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(path);
  if (st.st_uid != ::geteuid() || (st.st_mode & 07777 & ~keep) == 0) return;
  if (::fchmod(fd, st.st_mode & keep) != 0) fail(path);
}

}  // namespace

void keepPrivate(const std::filesystem::path& file) {
  // O_NOFOLLOW: a symbolic link put where the ledger should be is neither followed nor created through.
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    // A read-only medium or file: opening it for reading still works; nothing here to narrow.
    if (errno == EACCES || errno == EROFS) return;
    fail(file);
  }
  narrow(fd, file, 0600);
  ::close(fd);
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::filesystem::path part = file.string() + suffix;
    int other = ::open(part.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (other < 0) continue;  // absent: SQLite makes it with the database file's mode
    narrow(other, part, 0600);
    ::close(other);
  }
}

void keepPrivateDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    errno = ec.value();
    fail(dir);
  }
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) fail(dir);
  narrow(fd, dir, 0700);
  ::close(fd);
}

}  // namespace gl::sqlite
