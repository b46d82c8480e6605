// One line of gridcenter's request log (docs/security.md §Logs): key=value pairs in a fixed order,
// every value that a request supplies escaped and bounded, so that no request can forge a line (a
// name holding a newline) or flood the log (a name of 200 KB).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gl::center {

struct RequestRecord {
  std::int64_t atMs = 0;  // wall clock, ms since the Unix epoch
  std::string_view address, method, path, account, fault;
  int status = 0;
  std::size_t bytes = 0;
  std::int64_t elapsedMs = 0;
};

// A value as the log writes it: bare when it is plain printable ASCII without spaces, quotes or
// '=', else in double quotes with \" \\ \n \r \t, \xNN for other control bytes and for bytes that
// are not strict UTF-8, and \uNNNN for C1 controls, U+2028/9 and the bidirectional marks;
// longer than `limit` bytes, cut (at a character boundary) and marked with "…".
std::string logValue(std::string_view value, std::size_t limit = 64);

// "at=2026-12-07T23:48:00Z addr=127.0.0.1 method=POST path=/v1/push status=200 bytes=812 account=li ms=3"
// and fault="…" when there was one. No trailing newline.
std::string logLine(const RequestRecord& r);

}  // namespace gl::center
