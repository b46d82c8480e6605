// Excel 97–2003 workbooks (.xls): read by the gridledger-xls helper in a process of its own
// (xls_helper.cpp, FreeXL), its frames turned back into rows here (xls_wire.h). A helper that dies
// (FreeXL broken by a damaged file), goes quiet or writes nonsense makes the file "damaged", never
// takes this process with it. Each sheet opened is a fresh helper: FreeXL parses the whole workbook
// anyway, and a helper still writing the last sheet is simply stopped.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <system_error>

#include "core/error.h"
#include "exchange/sheet_reader.h"
#include "exchange/xls_wire.h"

extern char** environ;

namespace gl::exchange {

namespace {

constexpr auto kStall = std::chrono::seconds(60);

[[noreturn]] void damaged(const std::string& file) {
  throw Error(Error::Kind::BadInput,
              N_("“{file}” is damaged or is not an Excel 97–2003 workbook (.xls). Open it in Excel or WPS; if it "
                 "opens there, save it as .xlsx and import that file."),
              {{"file", file}});
}

// The helper: next to this program (the build tree, a portable install), or in ../libexec/gridledger.
std::filesystem::path helperPath() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::vector<std::filesystem::path> candidates;
  if (!ec) {
    candidates.push_back(self.parent_path() / "gridledger-xls");
    candidates.push_back(self.parent_path().parent_path() / "libexec" / "gridledger" / "gridledger-xls");
  }
#ifdef GL_XLS_HELPER_BUILD_PATH
  candidates.emplace_back(GL_XLS_HELPER_BUILD_PATH);
#endif
  for (const auto& c : candidates)
    if (::access(c.c_str(), X_OK) == 0) return c;
  throw Error(Error::Kind::Environment,
              N_("GridLedger's .xls reader (gridledger-xls) is missing from this installation; reinstall "
                 "GridLedger, or save the file as .xlsx and import that"));
}

// One run of the helper for one sheet; stopped and reaped when dropped.
class Helper {
 public:
  Helper(const std::string& file, std::size_t sheet, const ReadLimits& limits) : frames_(-1, limits, kStall) {
    auto path = helperPath();
    std::vector<std::string> args = {path.string(),
                                     file,
                                     std::to_string(sheet),
                                     std::to_string(limits.maxRows),
                                     std::to_string(limits.maxColumns),
                                     std::to_string(limits.maxCellBytes),
                                     std::to_string(limits.maxTotalBytes)};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Nothing from here to the close of the pipe's far end can throw (the arguments are built above).
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    // A sanitizer's report of FreeXL's fault goes nowhere: this side names the file as damaged.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    int rc = posix_spawn(&pid_, path.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (rc != 0) {
      ::close(pipeFds[0]);
      pid_ = -1;
      throw Error(Error::Kind::Environment, N_("Cannot start GridLedger's .xls reader ({path}): {detail}"),
                  {{"path", path.string()}, {"detail", std::generic_category().message(rc)}});
    }
    fd_ = pipeFds[0];
    frames_ = xlswire::FrameReader(fd_, limits, kStall);
  }
  ~Helper() {
    if (fd_ >= 0) ::close(fd_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;

  // The next frame; a helper that died, stalled or broke the format makes the file damaged.
  xlswire::FrameReader::Frame next(const std::string& file) {
    try {
      auto frame = frames_.next();
      if (frame == xlswire::FrameReader::Frame::Error) throw *frames_.error;
      if (frame == xlswire::FrameReader::Frame::Closed) damaged(file);
      return frame;
    } catch (const xlswire::FrameReader::BadFrame&) {
      damaged(file);
    } catch (const xlswire::FrameReader::Stalled&) {
      damaged(file);
    }
  }
  xlswire::FrameReader& frames() { return frames_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  xlswire::FrameReader frames_;
};

class XlsReader final : public SheetReader {
 public:
  XlsReader(const std::filesystem::path& file, const ReadLimits& limits) : file_(file.string()), limits_(limits) {
    std::error_code ec;
    fileBytes_ = std::filesystem::file_size(file, ec);
    if (ec)
      throw Error(Error::Kind::BadInput, N_("Cannot open “{file}”: no such file, or it cannot be read"),
                  {{"file", file_}});
    start(0);
    names_ = helper_->frames().names;
  }

  const std::vector<std::string>& sheetNames() const override { return names_; }

  void openSheet(std::size_t index) override {
    if (index >= names_.size())
      throw Error(Error::Kind::Internal, N_("“{file}” has no sheet number {sheet}"),
                  {{"file", file_}, {"sheet", std::to_string(index + 1)}});
    if (index == sheet_ && !started_ && helper_) return;
    start(index);
  }

  bool next(SheetRow& row) override {
    if (!helper_) return false;
    started_ = true;
    if (helper_->next(file_) == xlswire::FrameReader::Frame::End) {
      helper_.reset();
      bytesRead_ = fileBytes_;
      row.cells.clear();
      return false;
    }
    row = std::move(helper_->frames().row);
    bytesRead_ = helper_->frames().bytesRead;
    return true;
  }

  std::uint64_t bytesRead() const override { return bytesRead_; }
  std::uint64_t bytesTotal() const override { return fileBytes_; }

 private:
  void start(std::size_t sheet) {
    helper_.reset();
    helper_ = std::make_unique<Helper>(file_, sheet, limits_);
    if (helper_->next(file_) != xlswire::FrameReader::Frame::Names) damaged(file_);
    sheet_ = sheet;
    started_ = false;
    bytesRead_ = 0;
  }

  std::string file_;
  ReadLimits limits_;
  std::uint64_t fileBytes_ = 0, bytesRead_ = 0;
  std::vector<std::string> names_;
  std::unique_ptr<Helper> helper_;
  std::size_t sheet_ = 0;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<SheetReader> openXls(const std::filesystem::path& file, const ReadLimits& limits) {
  return std::make_unique<XlsReader>(file, limits);
}

}  // namespace gl::exchange
