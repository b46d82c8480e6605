#include "exchange/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/error.h"

namespace gl::exchange {

void syncFolderOf(const std::filesystem::path& file) {
  // A rename is durable only once its folder is synced.
  std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
}

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, int err) {
  throw Error(Error::Kind::Environment, N_("Cannot write {path}: {reason}"),
              {{"path", path.string()}, {"reason", std::strerror(err)}});
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  temp_ = target_;
  temp_ += ".tmp-" + std::to_string(getpid());
  // Exports hold personal data: readable by the user only (the umask cannot widen 0600).
  int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fail(target_, errno);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    int err = errno;
    ::close(fd);
    fail(target_, err);
  }
}

AtomicFile::~AtomicFile() {
  if (file_) {
    std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (!file_) fail(target_, EBADF);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail(target_, errno);
}

void AtomicFile::commit() {
  if (!file_) fail(target_, EBADF);
  if (std::fflush(file_) != 0 || fsync(fileno(file_)) != 0) fail(target_, errno);
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) fail(target_, errno);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
    fail(target_, err);
  }
  syncFolderOf(target_);
}

}  // namespace gl::exchange
