// Writing a file so that it is either wholly there or not at all (Poedit's TempOutputFileFor):
// write a temporary file beside the target, fsync it, then rename over the target.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace gl::exchange {

// fsyncs the folder holding `file`, so that a rename into it survives a power cut.
void syncFolderOf(const std::filesystem::path& file);

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // an uncommitted file is removed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  void commit();  // flush, fsync, rename; throws gl::Error (Environment) on failure

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
};

}  // namespace gl::exchange
