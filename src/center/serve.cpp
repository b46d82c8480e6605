// gridcenter serve: the TLS server around the routes (routes.h), its signals and its upkeep thread.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "center/routes.h"
#include "center/server.h"
#include "center/tls_settings.h"
#include "core/error.h"

namespace gl::center {

void serve(const ServeOptions& o) {
  // Signals go to one thread that stops the server; the other threads never see them (blocked before
  // any starts: the store's checkpoint thread is one).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto store = openSqliteStore(o.dataDir, false, o.tuning);

  httplib::SSLServer svr(o.cert.c_str(), o.key.c_str());
  if (!svr.is_valid())
    throw Error(Error::Kind::BadInput, N_("The certificate {cert} or key {key} cannot be loaded"),
                {{"cert", o.cert}, {"key", o.key}});
  // No session tickets: clients sync a few times an hour, and a ticket sent after the handshake would
  // be the only data a server sends unasked.
  SSL_CTX_set_num_tickets(svr.ssl_context(), 0);
  secureTls(svr.ssl_context());
  // Answers go out at once: without it Nagle's algorithm holds a small response back for the
  // client's delayed acknowledgement (40 ms a request here).
  svr.set_tcp_nodelay(true);
  // What arrives on the wire, compressed or not, before the routes' own limits on the inflated body.
  svr.set_payload_max_length(kWireBodyLimit);
  auto routes = makeRoutes(*store, o);
  routes->install(svr);
  int port = o.port;
  if (port == 0) port = svr.bind_to_any_port(o.host);
  else if (!svr.bind_to_port(o.host, port)) port = -1;
  if (port <= 0)
    throw Error(Error::Kind::Environment, N_("Cannot listen on {host}:{port}"),
                {{"host", o.host}, {"port", std::to_string(o.port)}});
  std::printf("gridcenter listening on https://%s:%d\n", o.host.c_str(), port);
  std::fflush(stdout);

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    timespec tick{0, 200 * 1000 * 1000};
    while (!done) {
      int sig = sigtimedwait(&signals, nullptr, &tick);
      if (sig == SIGTERM || sig == SIGINT) {
        std::printf("gridcenter stopping (signal %d)\n", sig);
        std::fflush(stdout);
        svr.stop();
        break;
      }
    }
  });
  std::thread upkeep([&] {
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      try {
        store->upkeep();
      } catch (const std::exception& e) {
        std::printf("fold postponed: %s\n", e.what());
      }
    }
  });
  svr.listen_after_bind();  // returns once stopped, after the requests in flight are answered
  done = true;
  waiter.join();
  upkeep.join();
  store.reset();  // closing the store copies the rest of its log in
  std::printf("gridcenter stopped\n");
  std::fflush(stdout);
}

}  // namespace gl::center
