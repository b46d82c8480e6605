// A hand-driven TLS client for attacks the real client never makes: headers and bodies written as
// given (a gzip bomb, an endless chunked body, a slow sender), the answer read as it comes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gl::test {

// What a client offers in its handshake (0 and "": OpenSSL's defaults).
struct TlsOffer {
  int minVersion = 0, maxVersion = 0;  // TLS1_1_VERSION …
  std::string ciphers;                 // TLS 1.2 and below, OpenSSL's cipher-list form
  bool legacy = false;                 // security level 0, so that this client may offer old things at all
};

class RawTls {
 public:
  // Throws std::runtime_error when the handshake fails.
  RawTls(int port, const std::string& caFile, const TlsOffer& offer = {});
  ~RawTls();
  RawTls(const RawTls&) = delete;
  RawTls& operator=(const RawTls&) = delete;

  // False once the server has closed the connection or refused the bytes.
  bool send(std::string_view bytes);
  // The status of the answer (0 when none came within `seconds` or the connection closed first).
  int status(int seconds = 10);
  // The protocol agreed ("TLSv1.3"), and whether the server granted a renegotiation (TLS 1.2).
  std::string version() const;
  bool renegotiate();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The first bytes a plain-TCP client gets back for a plain HTTP request ("" when the server hangs up).
std::string plainHttp(int port);

// gzip of `bytes` bytes of '0' (a compression bomb: 1 GiB becomes about 1 MB), made in pieces.
std::string gzipOfZeros(std::size_t bytes);

// A gridcenter process's peak resident memory in bytes (VmHWM), 0 when unknown.
std::size_t peakMemory(int pid);

}  // namespace gl::test
