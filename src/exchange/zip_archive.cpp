#include "exchange/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <new>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"

namespace gl::exchange {

namespace {

// Below this many bytes an entry's ratio is not judged: a tiny part of repetitive XML can compress
// very well and still be harmless, and a bomb is only a bomb once it is big.
constexpr std::uint64_t kRatioSlack = 1ull << 20;

std::string asciiLower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string megabytes(std::uint64_t bytes) {
  if (bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20);
  return fmt::format("{:.1f}", static_cast<double>(bytes) / (1 << 20));
}

[[noreturn]] void throwEncrypted(const std::filesystem::path& file) {
  throw Error(Error::Kind::BadInput,
              // xgettext:python-brace-format
              N_("“{file}” is protected by a password. Open it in Excel or WPS, remove the password, save it "
                 "and try again."),
              {{"file", file.string()}});
}

[[noreturn]] void throwTotalTooLarge(const std::filesystem::path& file, std::uint64_t limit) {
  throw Error(
      Error::Kind::BadInput,
      // xgettext:python-brace-format
      N_("“{file}” is too large to read: it unpacks to more than {limit} MB in all. Split the workbook "
         "into smaller files and import them one by one."),
      {{"file", file.string()}, {"limit", megabytes(limit)}});
}

[[noreturn]] void throwBomb(const std::filesystem::path& file, const std::string& part) {
  throw Error(
      Error::Kind::BadInput,
      // TRANSLATORS: {part} is a file inside the workbook such as xl/worksheets/sheet1.xml
      // xgettext:python-brace-format
      N_("“{file}” cannot be read safely: its part {part} unpacks to far more data than it holds, as a "
         "“zip bomb” does. Ask the sender for the original spreadsheet."),
      {{"file", file.string()}, {"part", part}});
}

// Maps a libzip error to what the user can do about it.
[[noreturn]] void throwZipError(const std::filesystem::path& file, zip_error_t* error) {
  int code = zip_error_code_zip(error);
  int sys = zip_error_code_system(error);
  std::string detail = zip_error_strerror(error);
  switch (code) {
    case ZIP_ER_MEMORY:
      throw std::bad_alloc();
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      throwEncrypted(file);
    case ZIP_ER_NOENT:  // zip_open's answer for a file that is not there
    case ZIP_ER_OPEN:
      // xgettext:python-brace-format
      throw Error(Error::Kind::BadInput, N_("Cannot open “{file}”: no such file, or it cannot be read"),
                  {{"file", file.string()}});
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_TELL:
      // A read error with an errno is the disk's fault; without one, the file ended early.
      if (zip_error_system_type(error) == ZIP_ET_SYS && sys != 0)
        throw Error(
            Error::Kind::Environment,
            // xgettext:python-brace-format
            N_("Could not read “{file}” ({detail}). Check that the disk or USB stick is still connected, "
               "then try again."),
            {{"file", file.string()}, {"detail", detail}});
      throwDamaged(file, detail);
    default:
      throwDamaged(file, detail);
  }
}

}  // namespace

[[noreturn]] void throwDamaged(const std::filesystem::path& file, const std::string& detail) {
  throw Error(
      Error::Kind::BadInput,
      // xgettext:python-brace-format
      N_("“{file}” is damaged and cannot be read ({detail}). Open it in Excel or WPS and save it again, "
         "or ask the sender for a new copy."),
      {{"file", file.string()}, {"detail", detail}});
}

[[noreturn]] void throwTooLarge(const std::filesystem::path& file, const std::string& part,
                                std::uint64_t limit) {
  throw Error(Error::Kind::BadInput,
              // TRANSLATORS: {part} is a file inside the workbook (xl/worksheets/sheet1.xml)
              // xgettext:python-brace-format
              N_("“{file}” is too large to read: its part {part} unpacks to more than {limit} MB. Split the "
                 "workbook into smaller files and import them one by one."),
              {{"file", file.string()}, {"part", part}, {"limit", megabytes(limit)}});
}

ZipEntry::ZipEntry(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t size,
                   std::uint64_t compressed)
    : archive_(&archive),
      file_(file),
      name_(std::move(name)),
      declaredSize_(size),
      compressedSize_(compressed == 0 ? 1 : compressed) {}

ZipEntry::ZipEntry(ZipEntry&&) noexcept = default;
ZipEntry& ZipEntry::operator=(ZipEntry&&) noexcept = default;
ZipEntry::~ZipEntry() = default;

std::size_t ZipEntry::read(char* out, std::size_t size) {
  zip_int64_t n = zip_fread(file_.get(), out, size);
  if (n < 0) throwZipError(archive_->file_, zip_file_get_error(file_.get()));
  auto got = static_cast<std::uint64_t>(n);
  bytesRead_ += got;
  archive_->totalRead_ += got;
  const ReadLimits& limits = archive_->limits_;
  // Judged on what was inflated, so a directory that understates the sizes gains nothing.
  if (bytesRead_ > limits.maxEntryBytes) throwTooLarge(archive_->file_, name_, limits.maxEntryBytes);
  if (archive_->totalRead_ > limits.maxTotalBytes) throwTotalTooLarge(archive_->file_, limits.maxTotalBytes);
  if (bytesRead_ > kRatioSlack && bytesRead_ / compressedSize_ > limits.maxRatio)
    throwBomb(archive_->file_, name_);
  return static_cast<std::size_t>(got);
}

ZipArchive::ZipArchive(std::filesystem::path file, const ReadLimits& limits)
    : file_(std::move(file)), limits_(limits) {
  int code = 0;
  zip* z = zip_open(file_.c_str(), ZIP_RDONLY, &code);
  if (z == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    struct Fini {
      zip_error_t* e;
      ~Fini() { zip_error_fini(e); }
    } fini{&error};
    throwZipError(file_, &error);
  }
  zip_.reset(z);
}

ZipArchive::~ZipArchive() = default;

std::optional<std::uint64_t> ZipArchive::find(std::string_view name) const {
  std::string key(name);
  zip_int64_t index = zip_name_locate(zip_.get(), key.c_str(), 0);
  if (index >= 0) return static_cast<std::uint64_t>(index);
  // libzip's own case-insensitive lookup scans every entry; a hostile workbook could ask thousands of times.
  if (folded_.empty()) {
    zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i)
      if (const char* entry = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0))
        folded_.emplace(asciiLower(entry), static_cast<std::uint64_t>(i));
  }
  auto it = folded_.find(asciiLower(key));
  if (it == folded_.end()) return std::nullopt;
  return it->second;
}

ZipEntry ZipArchive::open(std::uint64_t index) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) != 0) throwZipError(file_, zip_get_error(zip_.get()));
  std::string name = (st.valid & ZIP_STAT_NAME) ? st.name : std::to_string(index);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) throwEncrypted(file_);
  std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  // What the directory admits to is refused before inflating anything; the rest is caught in read().
  if (size > limits_.maxEntryBytes) throwTooLarge(file_, name, limits_.maxEntryBytes);
  if (size > limits_.maxTotalBytes - std::min(totalRead_, limits_.maxTotalBytes))
    throwTotalTooLarge(file_, limits_.maxTotalBytes);
  if (size > kRatioSlack && size / (compressed == 0 ? 1 : compressed) > limits_.maxRatio)
    throwBomb(file_, name);
  zip_file_t* f = zip_fopen_index(zip_.get(), index, 0);
  if (f == nullptr) throwZipError(file_, zip_get_error(zip_.get()));
  return ZipEntry(*this, f, std::move(name), size, compressed);
}

}  // namespace gl::exchange
