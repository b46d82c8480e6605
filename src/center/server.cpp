// The sync protocol's routes (routes.h): the gate on the headers, bounded bodies, the handlers.
#include "center/routes.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <span>

#include "center/center_store.h"
#include "center/http_errors.h"
#include "center/log_line.h"
#include "center/secrets.h"
#include "core/error.h"
#include "sync/wire.h"

namespace gl::center {

namespace {

std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

thread_local std::string requestAccount;  // for the log line
thread_local std::string requestFault;    // an unexpected failure's text, for the log line
thread_local std::optional<Account> requestWho;  // the account whose token the headers carried

// The most a body may hold once inflated (docs/security.md §6): a sign-in is a name and a password; a
// push of 20,000 change-log entries is some 30 MB of JSON; the rest name a conflict or a pair.
constexpr std::size_t kLoginBodyLimit = 4u << 10;
constexpr std::size_t kSmallBodyLimit = 64u << 10;
thread_local std::chrono::steady_clock::time_point requestStart;

class Service final : public Routes {
 public:
  Service(CenterStore& store, const ServeOptions& o)
      : store_(store), o_(o), signIn_(store, signInLimits(o)), clock_([this] { return wallNow(); }, store.lastClock()) {}

  void install(httplib::Server& svr) override {
    svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      requestAccount.clear();
      requestFault.clear();
      requestWho.reset();
      requestStart = std::chrono::steady_clock::now();
      bool admitted = false;
      guard(res, [&] { admitted = admit(req, res); });
      return admitted ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
    });
    // Whatever escapes a handler: cpp-httplib would otherwise put its what() in a response header.
    svr.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        requestFault = e.what();
      } catch (...) {
        requestFault = "an exception of no known type";
      }
      res.headers.clear();
      res.set_header("Connection", "close");
      fail(res, 500, sync::errors::kInternal, "the data center could not answer: its log says why");
    });
    // Bodies are read here, after admit() has checked the token from the headers, through the reader:
    // inflated piece by piece and refused at the route's limit (docs/security.md §6).
    for (const auto& route : posts())
      svr.Post(route.path, [this, handler = route.handler](const httplib::Request& req, httplib::Response& res,
                                                           const httplib::ContentReader& reader) {
        guard(res, [&] {
          std::string body;
          if (readBody(req, reader, body, res)) (this->*handler)(req, body, res);
        });
      });
    for (const auto& route : gets())
      svr.Get(route.path, [this, handler = route.handler](const auto& req, auto& res) {
        guard(res, [&] { (this->*handler)(req, res); });
      });
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      RequestRecord r;
      r.atMs = wallMs();
      r.address = req.remote_addr;
      r.method = req.method;
      r.path = req.path;
      r.status = res.status;
      r.bytes = res.body.size();
      r.account = requestAccount;
      r.fault = requestFault;
      // A request cpp-httplib refused before routing (a bad request line, a bad Range) ran no
      // pre-routing: what the thread-locals hold then is the previous request's, so nothing is taken
      // from them unless this request set them, and they are cleared after every line.
      if (requestStart != std::chrono::steady_clock::time_point{})
        r.elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                             requestStart).count();
      std::printf("%s\n", logLine(r).c_str());
      std::fflush(stdout);
      requestAccount.clear();
      requestFault.clear();
      requestWho.reset();
      requestStart = {};
    });
  }

 private:
  template <typename Fn>
  void guard(httplib::Response& res, Fn&& fn) {
    try {
      fn();
    } catch (const Error& e) {
      const HttpError answer = httpErrorFor(e.kind());
      fail(res, answer.status, answer.code, formatNamed(e.msgid(), e.args()));
    } catch (const std::exception& e) {
      // What went wrong inside (a path, a SQL message) is for the log, not for whoever asked.
      requestFault = e.what();
      fail(res, 500, sync::errors::kInternal, "the data center could not answer: its log says why");
    }
  }

  core::Hlc now() {
    std::lock_guard lock(clockMutex_);
    return clock_.now();
  }

  void fail(httplib::Response& res, int status, std::string_view code, const std::string& message) {
    res.status = status;
    res.set_content(sync::encode(sync::ErrorBody{std::string(code), message, now()}), "application/json");
  }

  void reply(httplib::Response& res, const std::string& body) {
    res.status = 200;
    res.set_content(body, "application/json");
  }

  // The protocol's routes, once: what install() registers, what routeKnown() lets through, and the
  // most each POST's body may hold, inflated.
  struct PostRoute {
    const char* path;
    void (Service::*handler)(const httplib::Request&, const std::string&, httplib::Response&);
    std::size_t bodyLimit;
  };
  struct GetRoute {
    const char* path;
    void (Service::*handler)(const httplib::Request&, httplib::Response&);
  };
  static std::span<const PostRoute> posts() {
    static const PostRoute table[] = {{"/v1/login", &Service::login, kLoginBodyLimit},
                                      {"/v1/push", &Service::push, kWireBodyLimit},
                                      {"/v1/conflicts/restore", &Service::restore, kSmallBodyLimit},
                                      {"/v1/duplicates/merge", &Service::merge, kSmallBodyLimit},
                                      {"/v1/duplicates/distinct", &Service::distinct, kSmallBodyLimit}};
    return table;
  }
  static std::span<const GetRoute> gets() {
    static const GetRoute table[] = {{"/v1/pull", &Service::pull}, {"/v1/conflicts", &Service::conflicts}};
    return table;
  }
  static const PostRoute* postRoute(const std::string& path) {
    for (const auto& route : posts())
      if (path == route.path) return &route;
    return nullptr;
  }
  static std::size_t bodyLimit(const std::string& path) {
    const PostRoute* route = postRoute(path);
    return route ? route->bodyLimit : kSmallBodyLimit;
  }

  static bool routeKnown(const httplib::Request& req) {
    if (req.method == "POST") return postRoute(req.path) != nullptr;
    bool get = false;
    for (const auto& route : gets()) get = get || req.path == route.path;
    if (req.method != "GET" || !get) return false;
    const std::string length = req.get_header_value("Content-Length");
    return !req.has_header("Transfer-Encoding") && !req.has_header("Content-Encoding") &&
           (length.empty() || length == "0");
  }

  // On the headers alone, before any body is read: the protocol version, the token of every route but
  // sign-in (the account goes to requestWho), and a declared length within the route's limit.
  bool admit(const httplib::Request& req, httplib::Response& res) {
    // Only the protocol's own routes go on: for any other method or path cpp-httplib would read (and
    // inflate) the whole body before answering 404. A GET carries no body at all.
    if (!routeKnown(req)) {
      res.set_header("Connection", "close");
      fail(res, 404, "not_found", "no such route");
      return false;
    }
    auto version = req.get_header_value(sync::kProtocolHeader);
    if (version != std::to_string(sync::kProtocolVersion)) {
      fail(res, 400, sync::errors::kProtocol,
           "this data center speaks protocol " + std::to_string(sync::kProtocolVersion) + ", the request " +
               (version.empty() ? std::string("named none") : "said " + version.substr(0, 16)));
      return false;
    }
    if (req.path != "/v1/login") {
      auto header = req.get_header_value("Authorization");
      const std::string prefix = "Bearer ";
      std::optional<std::string> name;
      if (header.size() <= prefix.size() + 128 && header.compare(0, prefix.size(), prefix) == 0)
        name = store_.tokenAccount(digest(header.substr(prefix.size())), wallNow());
      if (name) requestWho = store_.account(*name);
      if (requestWho && requestWho->disabled) requestWho.reset();
      if (!requestWho) {
        res.set_header("Connection", "close");
        fail(res, 401, sync::errors::kTokenInvalid, "the sign-in has expired or is unknown: sign in again");
        return false;
      }
      requestAccount = requestWho->name;
    }
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty() && length.find_first_not_of("0123456789") != std::string::npos)
      throw Error(Error::Kind::BadInput, N_("The sync message is malformed: {what}"), {{"what", "Content-Length"}});
    if (!length.empty() && (length.size() > 12 || std::stoull(length) > bodyLimit(req.path))) {
      tooLarge(res, req.path);
      return false;
    }
    return true;
  }

  void tooLarge(httplib::Response& res, const std::string& path) {
    res.set_header("Connection", "close");
    fail(res, 413, sync::errors::kTooLarge,
         "a body for " + path.substr(0, 64) + " may hold at most " + std::to_string(bodyLimit(path) >> 10) + " KiB");
  }

  bool readBody(const httplib::Request& req, const httplib::ContentReader& reader, std::string& body,
                httplib::Response& res) {
    const std::size_t limit = bodyLimit(req.path);
    bool over = false;
    reader([&](const char* data, std::size_t n) {
      over = body.size() + n > limit;
      if (!over) body.append(data, n);
      return !over;
    });
    if (over) tooLarge(res, req.path);
    return !over;
  }

  void login(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    auto m = sync::decodeLoginRequest(body);
    requestAccount = m.name;
    using Kind = SignInOutcome::Kind;
    auto out = signIn_.attempt(req.remote_addr, m.name, m.password, wallNow());
    const std::int64_t seconds = (out.waitMs + 999) / 1000;
    switch (out.kind) {
      case Kind::Throttled:
        res.set_header("Retry-After", std::to_string(seconds));
        fail(res, 429, sync::errors::kThrottled, "too many sign-ins from this address: wait " + std::to_string(seconds) + " s");
        return;
      case Kind::Locked:
        fail(res, 403, sync::errors::kLocked, "locked for another " + std::to_string(seconds / 60 + 1) + " min");
        return;
      case Kind::Wrong:
        fail(res, 401, sync::errors::kUnauthorized, "unknown user or wrong password");
        return;
      case Kind::Disabled:
        fail(res, 403, sync::errors::kAccountDisabled, "this account is disabled");
        return;
      case Kind::Expired:
        fail(res, 403, sync::errors::kPasswordExpired,
             "the password is older than " + std::to_string(o_.passwordDays) + " days: ask for a new one");
        return;
      case Kind::Signed: break;
    }
    const Account& who = *out.account;
    reply(res, sync::encode(sync::LoginResponse{out.token, std::string(core::roleCode(who.role)), who.scope,
                                                store_.county(), now()}));
  }

  void push(const httplib::Request&, const std::string& body, httplib::Response& res) {
    const Account& who = *requestWho;
    auto m = sync::decodePushRequest(body);
    std::int64_t t = wallNow();
    for (const auto& c : m.changes)
      if (core::tooFarAhead(c.hlc, t)) {
        fail(res, 409, sync::errors::kClockAhead,
             "a change is stamped " + c.hlc.text() + ", more than 5 minutes ahead of the data center's clock");
        return;
      }
    std::string hash = digest(body);
    if (auto stored = store_.replay(m.site, m.batch, hash)) {
      reply(res, *stored);
      return;
    }
    std::lock_guard lock(clockMutex_);
    reply(res, store_.push(who, m, hash, clock_, t));
  }

  void pull(const httplib::Request& req, httplib::Response& res) {
    const Account& who = *requestWho;
    auto number = [&](const char* name, std::int64_t fallback) {
      if (!req.has_param(name)) return fallback;
      auto v = req.get_param_value(name);
      if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        throw Error(Error::Kind::BadInput, N_("The sync message is malformed: {what}"), {{"what", name}});
      return static_cast<std::int64_t>(std::stoll(v));
    };
    std::int64_t since = number("since", 0);
    std::int64_t limit = std::clamp<std::int64_t>(number("limit", 5000), 1, 50000);
    std::optional<std::string> grid;
    if (req.has_param("grid")) grid = req.get_param_value("grid");
    auto page = store_.pull(who, since, static_cast<std::size_t>(limit), req.get_param_value("site"), grid,
                            req.get_param_value("digests") == "1");
    page.serverClock = now();
    reply(res, sync::encode(page));
  }

  void conflicts(const httplib::Request&, httplib::Response& res) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& k : store_.conflicts(*requestWho)) {
      auto value = [](const core::Value& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
      list.push_back({{"id", k.id}, {"t", core::tableSpec(k.winner.table).name}, {"row", k.winner.row},
                      {"col", k.winner.column}, {"kept", value(k.winner.value)}, {"other", value(k.loser.value)},
                      {"other_hlc", k.loser.hlc.text()}, {"other_site", k.loser.site}, {"by", k.loserAccount},
                      {"at_ms", k.atMs}});
    }
    reply(res, nlohmann::json{{"conflicts", list}, {"server_hlc", now().text()}}.dump());
  }

  void restore(const httplib::Request&, const std::string& body, httplib::Response& res) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("id") || !j["id"].is_number_integer())
      throw Error(Error::Kind::BadInput, N_("The sync message is malformed: {what}"), {{"what", "id"}});
    std::lock_guard lock(clockMutex_);
    if (!store_.restore(*requestWho, j["id"].get<std::int64_t>(), clock_)) {
      res.status = 404;
      res.set_content(sync::encode(sync::ErrorBody{"not_found", "no such conflict in your scope", clock_.now()}),
                      "application/json");
      return;
    }
    reply(res, nlohmann::json{{"restored", j["id"]}, {"server_hlc", clock_.now().text()}}.dump());
  }

  void merge(const httplib::Request&, const std::string& body, httplib::Response& res) { settle(body, res, true); }
  void distinct(const httplib::Request&, const std::string& body, httplib::Response& res) { settle(body, res, false); }

  // A duplicate pair: {"keep", "drop"} merged, or {"a", "b"} marked as two people.
  void settle(const std::string& body, httplib::Response& res, bool merge) {
    const Account& who = *requestWho;
    auto j = nlohmann::json::parse(body, nullptr, false);
    const char* first = merge ? "keep" : "a";
    const char* second = merge ? "drop" : "b";
    if (!j.is_object() || !j.contains(first) || !j.contains(second) || !j[first].is_string() || !j[second].is_string())
      throw Error(Error::Kind::BadInput, N_("The sync message is malformed: {what}"), {{"what", "pair"}});
    std::string a = j[first].get<std::string>(), b = j[second].get<std::string>();
    std::lock_guard lock(clockMutex_);
    bool done = merge ? store_.mergeDuplicate(who, a, b, clock_) : store_.markDistinct(who, a, b);
    if (!done) {
      res.status = 404;
      res.set_content(sync::encode(sync::ErrorBody{"not_found", "no such open pair in your scope", clock_.now()}),
                      "application/json");
      return;
    }
    reply(res, nlohmann::json{{"settled", true}, {"server_hlc", clock_.now().text()}}.dump());
  }

  CenterStore& store_;
  // The data center's wall clock: the system's, moved by --clock-offset-ms (tests of expiry).
  std::int64_t wallNow() const { return wallMs() + o_.clockOffsetMs; }

  static SignInLimits signInLimits(const ServeOptions& o) {
    SignInLimits limits = o.signIn;
    limits.tokenMs = o.tokenSeconds * 1000;
    limits.passwordMaxAgeMs = static_cast<std::int64_t>(o.passwordDays) * 24 * 3600 * 1000;
    return limits;
  }

  const ServeOptions& o_;
  SignIn signIn_;
  std::mutex clockMutex_;
  core::HlcClock clock_;
};

}  // namespace

std::unique_ptr<Routes> makeRoutes(CenterStore& store, const ServeOptions& options) {
  return std::make_unique<Service>(store, options);
}

}  // namespace gl::center
