#include "exchange/xls_wire.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gl::exchange::xlswire {

namespace {
constexpr std::size_t kFlushAt = 64 * 1024;
constexpr std::size_t kMaxSheets = 65536;
constexpr std::size_t kMaxName = 4096;      // a sheet name, a message id, an argument
constexpr std::size_t kMaxArgs = 16;
struct Eof {};
}  // namespace

void FrameWriter::u32(std::uint32_t v) { buffer_.append(reinterpret_cast<const char*>(&v), sizeof v); }
void FrameWriter::u64(std::uint64_t v) { buffer_.append(reinterpret_cast<const char*>(&v), sizeof v); }

void FrameWriter::str(const std::string& s) {
  u32(static_cast<std::uint32_t>(s.size()));
  buffer_ += s;
}

void FrameWriter::names(const std::vector<std::string>& names) {
  byte('N');
  u32(static_cast<std::uint32_t>(names.size()));
  for (const auto& n : names) str(n);
}

void FrameWriter::row(const SheetRow& row, std::uint64_t bytesRead) {
  byte('R');
  u64(static_cast<std::uint64_t>(row.number));
  u64(bytesRead);
  u32(static_cast<std::uint32_t>(row.cells.size()));
  for (const auto& cell : row.cells) {
    byte(static_cast<char>(cell.kind));
    buffer_.append(reinterpret_cast<const char*>(&cell.number), sizeof cell.number);
    str(cell.text);
  }
  if (buffer_.size() >= kFlushAt) flush();
}

void FrameWriter::end() {
  byte('E');
  flush();
}

void FrameWriter::error(const Error& e) {
  byte('X');
  byte(static_cast<char>(e.kind()));
  str(e.msgid());
  u32(static_cast<std::uint32_t>(e.args().size()));
  for (const auto& a : e.args()) {
    str(a.name);
    str(a.value);
  }
  str(e.context());
  flush();
}

void FrameWriter::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

bool FrameReader::fill(std::size_t need) {
  if (at_ > 0 && at_ == buffer_.size()) {
    buffer_.clear();
    at_ = 0;
  }
  while (buffer_.size() - at_ < need) {
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(stall_.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) throw Stalled{};
    char chunk[65536];
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    if (at_ > 0) {
      buffer_.erase(0, at_);
      at_ = 0;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

std::uint8_t FrameReader::byte() {
  if (!fill(1)) throw Eof{};
  return static_cast<std::uint8_t>(buffer_[at_++]);
}

std::uint32_t FrameReader::u32() {
  if (!fill(4)) throw Eof{};
  std::uint32_t v;
  std::memcpy(&v, buffer_.data() + at_, sizeof v);
  at_ += sizeof v;
  return v;
}

std::uint64_t FrameReader::u64() {
  if (!fill(8)) throw Eof{};
  std::uint64_t v;
  std::memcpy(&v, buffer_.data() + at_, sizeof v);
  at_ += sizeof v;
  return v;
}

std::string FrameReader::str(std::size_t max) {
  std::uint32_t n = u32();
  if (n > max) throw BadFrame{};
  if (!fill(n)) throw Eof{};
  std::string s(buffer_.data() + at_, n);
  at_ += n;
  return s;
}

FrameReader::Frame FrameReader::next() {
  try {
    if (!fill(1)) return Frame::Closed;
    switch (byte()) {
      case 'N': {
        std::uint32_t count = u32();
        if (count == 0 || count > kMaxSheets) throw BadFrame{};
        names.clear();
        for (std::uint32_t i = 0; i < count; ++i) names.push_back(str(kMaxName));
        return Frame::Names;
      }
      case 'R': {
        row.number = static_cast<std::int64_t>(u64());
        bytesRead = u64();
        std::uint32_t cells = u32();
        if (row.number < 1 || row.number > limits_.maxRows || cells > static_cast<std::uint64_t>(limits_.maxColumns))
          throw BadFrame{};
        row.cells.resize(cells);
        for (auto& cell : row.cells) {
          std::uint8_t kind = byte();
          if (kind > static_cast<std::uint8_t>(Cell::Kind::Error)) throw BadFrame{};
          cell.kind = static_cast<Cell::Kind>(kind);
          std::uint64_t bits = u64();
          std::memcpy(&cell.number, &bits, sizeof bits);
          cell.text = str(limits_.maxCellBytes);
        }
        return Frame::Row;
      }
      case 'E':
        return Frame::End;
      case 'X': {
        std::uint8_t kind = byte();
        if (kind > static_cast<std::uint8_t>(Error::Kind::Internal)) throw BadFrame{};
        std::string msgid = str(kMaxName);
        std::uint32_t n = u32();
        if (n > kMaxArgs) throw BadFrame{};
        std::vector<MessageArg> args;
        for (std::uint32_t i = 0; i < n; ++i) {
          std::string name = str(kMaxName);
          args.push_back({std::move(name), str(kMaxName)});
        }
        std::string context = str(kMaxName);
        error = std::make_unique<Error>(static_cast<Error::Kind>(kind), std::move(msgid), std::move(args),
                                        std::move(context));
        return Frame::Error;
      }
      default:
        throw BadFrame{};
    }
  } catch (const Eof&) {
    return Frame::Closed;
  }
}

}  // namespace gl::exchange::xlswire
