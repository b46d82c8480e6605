// The frames between the gridledger-xls helper and the .xls reader (src/exchange/xls_wire.h): what
// the helper writes reads back the same, and a helper that dies half-way, goes quiet or writes
// nonsense is caught rather than believed.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "exchange/xls_wire.h"

using gl::exchange::Cell;
using gl::exchange::ReadLimits;
using gl::exchange::SheetRow;
using gl::exchange::xlswire::FrameReader;
using gl::exchange::xlswire::FrameWriter;
using Frame = FrameReader::Frame;
using namespace std::chrono_literals;

namespace {

// A pipe holding `bytes`, its writing end closed (or left open, to stall).
struct Pipe {
  int fds[2];
  explicit Pipe(const std::string& bytes, bool keepOpen = false) {
    REQUIRE(::pipe(fds) == 0);
    REQUIRE(::write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    if (!keepOpen) closeWriter();
  }
  void closeWriter() {
    if (fds[1] >= 0) ::close(fds[1]);
    fds[1] = -1;
  }
  ~Pipe() {
    ::close(fds[0]);
    closeWriter();
  }
};

// What a FrameWriter writes, captured through a pipe.
template <typename Fn>
std::string written(Fn&& fn) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  {
    FrameWriter out(fds[1]);
    fn(out);
  }
  ::close(fds[1]);
  std::string bytes;
  char chunk[4096];
  for (ssize_t n; (n = ::read(fds[0], chunk, sizeof chunk)) > 0;) bytes.append(chunk, static_cast<std::size_t>(n));
  ::close(fds[0]);
  return bytes;
}

SheetRow sampleRow() {
  SheetRow row;
  row.number = 7;
  row.cells.resize(3);
  row.cells[0] = {Cell::Kind::Text, "张三", 0};
  row.cells[2] = {Cell::Kind::Date, "1985-01-01", 31048};
  return row;
}

}  // namespace

TEST_CASE("names, rows, the end and an error read back as the helper wrote them") {
  auto bytes = written([](FrameWriter& out) {
    out.names({"花名册", "说明"});
    out.row(sampleRow(), 1234);
    out.end();
    out.error(gl::Error(gl::Error::Kind::BadInput, "“{file}” is protected with a password", {{"file", "a.xls"}}));
  });
  Pipe pipe(bytes);
  FrameReader in(pipe.fds[0], ReadLimits{}, 5s);
  REQUIRE(in.next() == Frame::Names);
  CHECK(in.names == std::vector<std::string>{"花名册", "说明"});
  REQUIRE(in.next() == Frame::Row);
  CHECK(in.row.number == 7);
  CHECK(in.bytesRead == 1234);
  REQUIRE(in.row.cells.size() == 3);
  CHECK(in.row.cells[0].text == "张三");
  CHECK(in.row.cells[1].kind == Cell::Kind::Empty);
  CHECK(in.row.cells[2].kind == Cell::Kind::Date);
  CHECK(in.row.cells[2].number == 31048);
  CHECK(in.next() == Frame::End);
  REQUIRE(in.next() == Frame::Error);
  CHECK(in.error->kind() == gl::Error::Kind::BadInput);
  CHECK(in.error->args().at(0).value == "a.xls");
  CHECK(in.next() == Frame::Closed);
}

TEST_CASE("a helper that stopped half-way through a frame has closed, not sent a row") {
  auto bytes = written([](FrameWriter& out) { out.row(sampleRow(), 1); });
  for (std::size_t cut : {std::size_t{1}, std::size_t{9}, bytes.size() - 1}) {
    Pipe pipe(bytes.substr(0, cut));
    FrameReader in(pipe.fds[0], ReadLimits{}, 5s);
    CHECK(in.next() == Frame::Closed);
  }
}

TEST_CASE("nonsense from the helper is a bad frame: unknown type, a cell past the limits, too many cells") {
  {
    Pipe pipe("Zgarbage");
    FrameReader in(pipe.fds[0], ReadLimits{}, 5s);
    CHECK_THROWS_AS(in.next(), FrameReader::BadFrame);
  }
  SheetRow big;
  big.number = 1;
  big.cells.emplace_back().kind = Cell::Kind::Text;
  big.cells.back().text.assign(100, 'x');
  ReadLimits small;
  small.maxCellBytes = 50;
  {
    Pipe pipe(written([&](FrameWriter& out) { out.row(big, 1); }));
    FrameReader in(pipe.fds[0], small, 5s);
    CHECK_THROWS_AS(in.next(), FrameReader::BadFrame);
  }
  big.cells.assign(20, Cell{Cell::Kind::Text, "x", 0});
  small.maxColumns = 10;
  {
    Pipe pipe(written([&](FrameWriter& out) { out.row(big, 1); }));
    FrameReader in(pipe.fds[0], small, 5s);
    CHECK_THROWS_AS(in.next(), FrameReader::BadFrame);
  }
}

TEST_CASE("a helper that goes quiet is taken for hung") {
  Pipe pipe("R", /*keepOpen=*/true);
  FrameReader in(pipe.fds[0], ReadLimits{}, 200ms);
  CHECK_THROWS_AS(in.next(), FrameReader::Stalled);
}
