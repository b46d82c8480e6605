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

void narrow(const std::filesystem::path& path, mode_t keep) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;  // absent: nothing to narrow
  if ((st.st_mode & 07777 & ~keep) != 0 && ::chmod(path.c_str(), st.st_mode & keep) != 0) fail(path);
}

}  // namespace

void keepPrivate(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno != EACCES && errno != EROFS) fail(file);
    // A read-only medium or file: opening it for reading still works; nothing here to narrow.
    return;
  }
  ::close(fd);
  for (const char* suffix : {"", "-wal", "-shm"}) narrow(file.string() + suffix, 0700);
}

void keepPrivateDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    errno = ec.value();
    fail(dir);
  }
  if (::chmod(dir.c_str(), 0700) != 0) fail(dir);
}

}  // namespace gl::sqlite
