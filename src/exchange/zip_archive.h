// A zip archive opened read-only (libzip), whose entries are streamed in chunks with ReadLimits
// enforced on the bytes actually inflated, not on the sizes the zip directory claims: a directory can
// lie, and a decompression bomb is refused as soon as it unpacks past a cap. Every failure is a
// gl::Error naming the file (BadInput for a damaged, encrypted or oversized archive).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <zip.h>

#include "core/c_handle.h"
#include "exchange/sheet_reader.h"

namespace gl::exchange {

class ZipArchive;

// One entry being read. It must not outlive the archive it came from.
class ZipEntry {
 public:
  ZipEntry(ZipEntry&&) noexcept;
  ZipEntry& operator=(ZipEntry&&) noexcept;
  ~ZipEntry();

  // Up to `size` uncompressed bytes into `out`; 0 at the end of the entry.
  std::size_t read(char* out, std::size_t size);
  const std::string& name() const { return name_; }
  std::uint64_t bytesRead() const { return bytesRead_; }
  // The uncompressed size the zip directory states (for progress only; never trusted as a bound).
  std::uint64_t declaredSize() const { return declaredSize_; }

 private:
  friend class ZipArchive;
  ZipEntry(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t size,
           std::uint64_t compressed);

  ZipArchive* archive_;
  core::CHandle<zip_file, zip_fclose> file_;
  std::string name_;
  std::uint64_t declaredSize_;
  std::uint64_t compressedSize_;
  std::uint64_t bytesRead_ = 0;
};

class ZipArchive {
 public:
  ZipArchive(std::filesystem::path file, const ReadLimits& limits);
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  const std::filesystem::path& file() const { return file_; }
  // The entry called `name` (exactly, else ignoring ASCII case, as OPC part names are case-insensitive).
  std::optional<std::uint64_t> find(std::string_view name) const;
  ZipEntry open(std::uint64_t index);
  // Uncompressed bytes read from all entries so far (counted against maxTotalBytes).
  std::uint64_t totalRead() const { return totalRead_; }

 private:
  friend class ZipEntry;
  std::filesystem::path file_;
  ReadLimits limits_;
  core::CHandle<zip, zip_discard> zip_;  // read-only: discarding writes nothing
  std::uint64_t totalRead_ = 0;
  mutable std::unordered_map<std::string, std::uint64_t> folded_;  // lower-cased names, built on first miss
};

// The errors the archive's readers share: a part that is not what it should be, and one too large to read.
[[noreturn]] void throwDamaged(const std::filesystem::path& file, const std::string& detail);
[[noreturn]] void throwTooLarge(const std::filesystem::path& file, const std::string& part,
                                std::uint64_t limit);

}  // namespace gl::exchange
