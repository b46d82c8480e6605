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
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!caFile_.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, caFile_.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
  // An unreliable network: give up on a transfer that moves nothing for a minute.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &cancelled_);

  // Each append returns the list's head (the same one after the first); null only when out of memory.
  core::CHandle<curl_slist, curl_slist_free_all> headers;
  auto addHeader = [&](const std::string& line) {
    curl_slist* head = curl_slist_append(headers.get(), line.c_str());
    if (!head) throw std::bad_alloc();
    headers.release();
    headers.reset(head);
  };
  addHeader(std::string(kProtocolHeader) + ": " + std::to_string(protocol_));
  if (!token.empty()) addHeader("Authorization: Bearer " + token);
  std::string payload;
  if (body) {
    addHeader("Content-Type: application/json");
    if (gzipBody) {
      payload = gzipCompress(*body);
      addHeader("Content-Encoding: gzip");
    } else {
      payload = *body;
    }
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, payload.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  CURLcode rc = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);  // the list goes with this call

  curl_off_t up = 0, down = 0, head = 0;
  curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &up);
  curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &down);
  long headerBytes = 0, requestBytes = 0;
  curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &headerBytes);
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &requestBytes);
  (void)head;
  result.sentBytes = static_cast<std::size_t>(up + requestBytes);
  result.receivedBytes = static_cast<std::size_t>(down + headerBytes);
  sent_ += result.sentBytes;
  received_ += result.receivedBytes;

  std::string why = detail[0] ? detail : curl_easy_strerror(rc);
  switch (rc) {
    case CURLE_OK:
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      throw Error(Error::Kind::Rejected, N_("Sync was cancelled"), {}, server_);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ISSUER_ERROR:
      throw Error(Error::Kind::Rejected,
                  N_("The data center at {url} could not be verified as the county's (its certificate is not "
                     "trusted or this is not a secure server): {detail}"),
                  {{"url", server_}, {"detail", why}}, server_);
    case CURLE_UNSUPPORTED_PROTOCOL:
      throw Error(Error::Kind::BadInput, N_("The data center's address must start with https:// (not “{url}”)"),
                  {{"url", server_}});
    default:
      throw Error(Error::Kind::Environment, N_("Cannot reach the data center at {url}: {detail}"),
                  {{"url", server_}, {"detail", why}}, server_);
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

}  // namespace gl::sync
