#include "sync/http_client.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <new>

#include "core/c_handle.h"
#include "core/error.h"
#include "sync/gzip.h"
#include "sync/wire.h"

namespace gl::sync {

namespace {

void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

int progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* cancelled = static_cast<std::function<bool()>*>(self);
  return (*cancelled && (*cancelled)()) ? 1 : 0;
}

bool startsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

// A transfer's options from scratch: https only, the peer and its name verified (against `caFile`
// when one is given), gzip accepted, timeouts, the body collected into `received`, and `cancelled`
// asked a few times a second. curl writes its error text into `detail` (CURL_ERROR_SIZE bytes).
void setTransferOptions(CURL* h, const std::string& url, const std::string& caFile, char* detail,
                        std::string& received, std::function<bool()>& cancelled) {
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, caFile.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
  // An unreliable network: give up on a transfer that moves nothing for a minute.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &received);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &cancelled);
}

// What a request sends besides the URL; curl reads both while it performs, so they outlive the call.
struct Request {
  core::CHandle<curl_slist, curl_slist_free_all> headers;
  std::string payload;

  // Each append returns the list's head (the same one after the first); null only when out of memory.
  void addHeader(const std::string& line) {
    curl_slist* head = curl_slist_append(headers.get(), line.c_str());
    if (!head) throw std::bad_alloc();
    headers.release();
    headers.reset(head);
  }
};

// The protocol version and the token as headers, and a JSON body when there is one (gzipped if asked).
void setRequest(CURL* h, Request& request, int protocol, const std::string& token, const std::string* body,
                bool gzipBody) {
  request.addHeader(std::string(kProtocolHeader) + ": " + std::to_string(protocol));
  if (!token.empty()) request.addHeader("Authorization: Bearer " + token);
  if (body) {
    request.addHeader("Content-Type: application/json");
    if (gzipBody) {
      request.payload = gzipCompress(*body);
      request.addHeader("Content-Encoding: gzip");
    } else {
      request.payload = *body;
    }
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.payload.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.payload.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, request.headers.get());
}

// The bytes a transfer moved on the wire, headers included.
void countBytes(CURL* h, HttpResult& result) {
  curl_off_t up = 0, down = 0;
  curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &up);
  curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &down);
  long headerBytes = 0, requestBytes = 0;
  curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &headerBytes);
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &requestBytes);
  result.sentBytes = static_cast<std::size_t>(up + requestBytes);
  result.receivedBytes = static_cast<std::size_t>(down + headerBytes);
}

// A failed transfer as gl::Error: cancelled or not verified (Rejected), an address that is not https
// (BadInput), anything else the network's failure (Environment, which may be retried).
void throwOnFailure(CURLcode rc, const char* detail, const std::string& server) {
  std::string why = detail[0] ? detail : curl_easy_strerror(rc);
  switch (rc) {
    case CURLE_OK:
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      throw Error(Error::Kind::Rejected, N_("Sync was cancelled"), {}, server);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ISSUER_ERROR:
      throw Error(Error::Kind::Rejected,
                  N_("The data center at {url} could not be verified as the county's (its certificate is not "
                     "trusted or this is not a secure server): {detail}"),
                  {{"url", server}, {"detail", why}}, server);
    case CURLE_UNSUPPORTED_PROTOCOL:
      throw Error(Error::Kind::BadInput, N_("The data center's address must start with https:// (not “{url}”)"),
                  {{"url", server}});
    default:
      throw Error(Error::Kind::Environment, N_("Cannot reach the data center at {url}: {detail}"),
                  {{"url", server}, {"detail", why}}, server);
  }
}

}  // namespace

HttpClient::HttpClient(std::string server, std::string caFile)
    : server_(std::move(server)), caFile_(std::move(caFile)), protocol_(kProtocolVersion) {
  while (!server_.empty() && server_.back() == '/') server_.pop_back();
  if (!startsWith(server_, "https://") || server_.size() <= 8)
    throw Error(Error::Kind::BadInput, N_("The data center's address must start with https:// (not “{url}”)"),
                {{"url", server_}});
  globalInit();
}

struct HttpClient::Session {
  core::CHandle<CURL, curl_easy_cleanup> curl{curl_easy_init()};
};

HttpClient::~HttpClient() = default;

HttpResult HttpClient::post(const std::string& path, const std::string& json, const std::string& token, bool gzipBody) {
  return perform(path, &json, token, gzipBody);
}

HttpResult HttpClient::get(const std::string& path, const std::string& token) {
  return perform(path, nullptr, token, false);
}

HttpResult HttpClient::perform(const std::string& path, const std::string* body, const std::string& token,
                               bool gzipBody) {
  if (!session_) session_ = std::make_unique<Session>();
  if (!session_->curl) {
    session_.reset();
    throw Error(Error::Kind::Environment, N_("The network library could not start"));
  }
  CURL* h = session_->curl.get();
  curl_easy_reset(h);  // options from scratch; the open connection and TLS session stay
  std::string url = server_ + path;
  HttpResult result;
  char detail[CURL_ERROR_SIZE] = {0};
  setTransferOptions(h, url, caFile_, detail, result.body, cancelled_);
  Request request;
  setRequest(h, request, protocol_, token, body, gzipBody);
  CURLcode rc = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);  // the list goes with this call

  countBytes(h, result);
  sent_ += result.sentBytes;
  received_ += result.receivedBytes;
  throwOnFailure(rc, detail, server_);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

}  // namespace gl::sync
