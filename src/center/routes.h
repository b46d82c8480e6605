// Internal to gridcenter: the protocol's routes on a cpp-httplib server (server.cpp) — the gate that
// checks the version and the token on the headers before any body is read, the bounded body reader,
// and the handlers — apart from the TLS server, signals and upkeep that run them (serve.cpp).
#pragma once

#include <cstddef>
#include <memory>

#include <httplib.h>

#include "center/center_store.h"
#include "center/server.h"

namespace gl::center {

// The most a request may carry on the wire, compressed or not (docs/security.md §6).
inline constexpr std::size_t kWireBodyLimit = 64u << 20;

class Routes {
 public:
  virtual ~Routes() = default;
  virtual void install(httplib::Server& server) = 0;
};

std::unique_ptr<Routes> makeRoutes(CenterStore& store, const ServeOptions& options);

}  // namespace gl::center
