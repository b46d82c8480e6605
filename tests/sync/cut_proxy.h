// A TCP relay between a client and gridcenter that can cut a connection part way: after so many
// bytes of the request, or as soon as the response starts (after the server has committed). TLS
// passes through it untouched, so the client still verifies the real server.
#pragma once

#include <atomic>
#include <thread>

namespace gl::test {

class CutProxy {
 public:
  explicit CutProxy(int targetPort);
  ~CutProxy();
  int port() const { return port_; }
  // From the next connection on: forward only this many bytes from the client, then close both ends.
  void cutRequestAfter(long bytes) { cutRequest_ = bytes; }
  // From the next connection on: once the client has sent more than `afterRequestBytes`, drop the
  // connection when the server's answer starts, forwarding none of it.
  void dropResponseAfter(long afterRequestBytes) { dropResponse_ = afterRequestBytes; }
  void pass() { cutRequest_ = -1, dropResponse_ = -1; }
  int cuts() const { return cuts_; }

 private:
  void serve();
  void relay(int client);
  int target_, listen_ = -1, port_ = 0;
  std::atomic<long> cutRequest_{-1}, dropResponse_{-1};
  std::atomic<int> cuts_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace gl::test
