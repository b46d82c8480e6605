#include "exchange/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace gl::exchange {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, int err) {
  throw Error(Error::Kind::Environment, N_("Cannot write {path}: {reason}"),
              {{"path", path.string()}, {"reason", std::strerror(err)}});
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  temp_ = target_;
  temp_ += ".tmp-" + std::to_string(getpid());
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_) fail(target_, errno);
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
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) {
    std::filesystem::remove(temp_, ec);
    fail(target_, EIO);
  }
}

}  // namespace gl::exchange
