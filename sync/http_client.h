// HTTPS to the data center through libcurl. TLS is always verified — against the system's store or a
// county CA file — and there is no switch that turns verification off. Plain http:// is refused.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace gl::sync {

struct HttpResult {
  long status = 0;
  std::string body;  // decompressed
  std::size_t sentBytes = 0, receivedBytes = 0;  // on the wire (headers and compressed bodies)
};

class HttpClient {
 public:
  // `server` is "https://host:port" (a trailing slash is fine). Throws BadInput for anything else.
  HttpClient(std::string server, std::string caFile);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  // Returns false to cancel the transfer in flight (checked a few times a second).
  void setCancel(std::function<bool()> cancelled) { cancelled_ = std::move(cancelled); }

  HttpResult post(const std::string& path, const std::string& json, const std::string& token, bool gzipBody);
  HttpResult get(const std::string& path, const std::string& token);
  const std::string& server() const { return server_; }
  // Only for the tests of a server's answer to another protocol version.
  void setProtocolVersion(int version) { protocol_ = version; }
  std::size_t sentBytes() const { return sent_; }
  std::size_t receivedBytes() const { return received_; }

 private:
  HttpResult perform(const std::string& path, const std::string* body, const std::string& token, bool gzipBody);
  std::string server_, caFile_;
  std::function<bool()> cancelled_;
  std::size_t sent_ = 0, received_ = 0;
  int protocol_;
  // One curl handle for the session: its connection is kept open between requests.
  struct Session;
  std::unique_ptr<Session> session_;
};

}  // namespace gl::sync
