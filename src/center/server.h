// gridcenter serve: the sync protocol over HTTPS (cpp-httplib with OpenSSL). One log line per request
// on stdout; SIGTERM or SIGINT stops taking connections and finishes the requests in flight.
#pragma once

#include <cstdint>
#include <string>

#include "center/center_store.h"
#include "center/sign_in.h"

namespace gl::center {

struct ServeOptions {
  std::string dataDir, host = "127.0.0.1", cert, key;
  int port = 8443;  // 0: any free port (printed on the "listening" line)
  std::int64_t tokenSeconds = 12 * 3600;
  SignInLimits signIn;                  // throttles and locks (docs/security.md §4); tokenMs from tokenSeconds
  int passwordDays = 90;                // a password older than this many days is refused; 0: never
  SqliteTuning tuning;                  // openSqliteStore
  // Added to the system clock for sign-ins' expiry and the data center's stamps. A test's way to be
  // hours later without waiting; hidden from --help, and 0 in every real deployment.
  std::int64_t clockOffsetMs = 0;
};

// Blocks until a signal stops the server. Throws gl::Error when it cannot start.
void serve(const ServeOptions& options);

}  // namespace gl::center
