#include "raw_tls.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <stdexcept>

namespace gl::test {

struct RawTls::State {
  int fd = -1;
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~State() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    if (fd >= 0) ::close(fd);
  }
};

namespace {
int connectLoopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}
}  // namespace

RawTls::RawTls(int port, const std::string& caFile, const TlsOffer& offer) : s_(std::make_unique<State>()) {
  ::signal(SIGPIPE, SIG_IGN);  // a server that hangs up mid-body is what these tests expect
  s_->fd = connectLoopback(port);
  s_->ctx = SSL_CTX_new(TLS_client_method());
  if (offer.legacy) SSL_CTX_set_security_level(s_->ctx, 0);
  if (offer.minVersion) SSL_CTX_set_min_proto_version(s_->ctx, offer.minVersion);
  if (offer.maxVersion) SSL_CTX_set_max_proto_version(s_->ctx, offer.maxVersion);
  if (!offer.ciphers.empty()) SSL_CTX_set_cipher_list(s_->ctx, offer.ciphers.c_str());
  SSL_CTX_load_verify_locations(s_->ctx, caFile.c_str(), nullptr);
  SSL_CTX_set_verify(s_->ctx, SSL_VERIFY_PEER, nullptr);
  s_->ssl = SSL_new(s_->ctx);
  SSL_set_fd(s_->ssl, s_->fd);
  SSL_set1_host(s_->ssl, "127.0.0.1");
  if (SSL_connect(s_->ssl) != 1) throw std::runtime_error("TLS handshake failed");
}

RawTls::~RawTls() = default;

std::string RawTls::version() const { return SSL_get_version(s_->ssl); }

bool RawTls::renegotiate() {
  if (SSL_renegotiate(s_->ssl) != 1) return false;
  if (SSL_do_handshake(s_->ssl) != 1) return false;
  // The server answers the request for a new handshake only when it reads again: send a request and
  // see whether the connection still carries an answer.
  send(std::string("GET /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  return status(5) != 0 && SSL_renegotiate_pending(s_->ssl) == 0;
}

std::string plainHttp(int port) {
  int fd = connectLoopback(port);
  const std::string request = "GET /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  char buf[256];
  auto n = ::recv(fd, buf, sizeof buf, 0);
  ::close(fd);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

bool RawTls::send(std::string_view bytes) {
  while (!bytes.empty()) {
    int n = SSL_write(s_->ssl, bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 1 << 20)));
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

int RawTls::status(int seconds) {
  timeval tv{seconds, 0};
  setsockopt(s_->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string got;
  char buf[4096];
  while (got.find("\r\n") == std::string::npos) {
    int n = SSL_read(s_->ssl, buf, sizeof buf);
    if (n <= 0) return 0;
    got.append(buf, static_cast<std::size_t>(n));
  }
  // "HTTP/1.1 401 Unauthorized"
  auto space = got.find(' ');
  return space == std::string::npos ? 0 : std::atoi(got.c_str() + space + 1);
}

std::string gzipOfZeros(std::size_t bytes) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string in(1 << 20, '0'), out;
  std::string chunk(1 << 16, '\0');
  for (std::size_t left = bytes; left > 0 || z.avail_in > 0;) {
    std::size_t piece = std::min(left, in.size());
    left -= piece;
    z.next_in = reinterpret_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(piece);
    int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(chunk.data());
      z.avail_out = static_cast<uInt>(chunk.size());
      deflate(&z, flush);
      out.append(chunk.data(), chunk.size() - z.avail_out);
    } while (z.avail_out == 0);
    if (left == 0) break;
  }
  deflateEnd(&z);
  return out;
}

std::size_t peakMemory(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

}  // namespace gl::test
