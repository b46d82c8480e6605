#include "sync/sync_client.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/scope.h"
#include "db/sync_ledger.h"
#include "sync/http_client.h"
#include "sync/wire.h"

namespace gl::sync {

namespace {

std::string randomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}


class Session {
 public:
  Session(db::Ledger& ledger, const SyncOptions& o)
      : ledger_(ledger), store_(ledger), http_(o.server, o.caFile), o_(o) {
    http_.setCancel([this] { return cancelled_.load() || o_.progress.stopRequested(); });
  }

  void signIn() {
    auto account = store_.account();
    if (account.server == http_.server() && account.account == o_.user) token_ = account.token;
    if (token_.empty()) login();
  }

  SyncResult run() {
    std::string today = ledger_.today().iso();
    verify_ = o_.verify || ledger_.setting("sync.verified_on").value_or("") != today;
    signIn();
    push();
    pull();
    result_.clockOffsetMs = store_.account().clockOffsetMs;
    result_.bytesSent = http_.sentBytes();
    result_.bytesReceived = http_.receivedBytes();
    return result_;
  }

 private:
  void step(Stage stage, std::int64_t done, std::int64_t total) {
    if (!o_.progress.report({done, total, static_cast<int>(stage)})) cancelled_ = true;
    if (cancelled_) throw Error(Error::Kind::Rejected, N_("Sync was cancelled"), {}, http_.server());
  }

  void login() {
    step(Stage::SigningIn, 0, 1);
    if (o_.password.empty())
      throw Error(Error::Kind::BadInput, N_("Signing in to the data center as {user} needs the password"),
                  {{"user", o_.user}});
    auto r = http_.post("/v1/login", encode(LoginRequest{o_.user, o_.password}), {}, false);
    if (r.status != 200) fail(r);
    auto m = decodeLoginResponse(r.body);
    clock(m.serverClock);
    auto before = store_.account();
    db::SyncAccount a;
    a.server = http_.server();
    a.account = o_.user;
    a.token = m.token;
    a.role = m.role;
    a.scope = core::joinCodes(m.scope);
    store_.saveAccount(a);
    // A scope that changed since the last sign-in: the grids lost leave the ledger, and the pull
    // starts from the beginning for the grids gained.
    if (before.server == a.server && before.account == a.account && before.scope != a.scope) {
      result_.removed += store_.pruneOutside(core::Scope(core::roleOrLeast(m.role), m.scope, m.county));
      store_.resetCursor();
      everything_ = true;  // rows this ledger wrote itself may have left with the grids: ask for them too
    }
    token_ = m.token;
  }

 public:
  std::vector<ConflictInfo> conflicts() {
    signIn();
    auto r = call("/v1/conflicts", nullptr);
    if (r.status != 200) fail(r);
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("conflicts") || !j["conflicts"].is_array())
      throw Error(Error::Kind::Environment, N_("The sync message is malformed: {what}"), {{"what", "conflicts"}});
    std::vector<ConflictInfo> out;
    auto value = [](const nlohmann::json& v) { return v.is_string() ? core::Value(v.get<std::string>()) : core::Value(); };
    for (const auto& k : j["conflicts"]) {
      ConflictInfo c;
      c.id = k.value("id", std::int64_t{0});
      const auto* spec = core::findTable(k.value("t", std::string()));
      if (spec) c.table = spec->table;
      c.row = k.value("row", std::string());
      c.column = k.value("col", std::string());
      c.kept = value(k["kept"]);
      c.other = value(k["other"]);
      c.by = k.value("by", std::string());
      c.atMs = k.value("at_ms", std::int64_t{0});
      out.push_back(std::move(c));
    }
    return out;
  }

  void restore(std::int64_t id) {
    signIn();
    std::string body = nlohmann::json{{"id", id}}.dump();
    auto r = call("/v1/conflicts/restore", &body);
    if (r.status == 404)
      throw Error(Error::Kind::Rejected, N_("Conflict {id} is not open in this account's scope"),
                  {{"id", std::to_string(id)}}, http_.server());
    if (r.status != 200) fail(r);
  }

  void settle(const char* path, const nlohmann::json& pair) {
    signIn();
    std::string body = pair.dump();
    auto r = call(path, &body);
    if (r.status == 404)
      throw Error(Error::Kind::Rejected, N_("These two residents are no longer an open pair in this account's scope"), {},
                  http_.server());
    if (r.status != 200) fail(r);
  }

 private:
  // A request with the token; an expired token is renewed once when the password is at hand.
  HttpResult call(const std::string& path, const std::string* body) {
    for (int attempt = 0;; ++attempt) {
      auto r = body ? http_.post(path, *body, token_, true) : http_.get(path, token_);
      if (r.status == 401 && attempt == 0 && !o_.password.empty() &&
          decodeError(r.body).code == errors::kTokenInvalid) {
        store_.forgetToken();
        login();
        continue;
      }
      return r;
    }
  }

  void clock(core::Hlc server) {
    if (server == core::Hlc{}) return;
    store_.receiveServerClock(server);
  }

  void push() {
    std::int64_t total = store_.pendingCount(), done = 0;
    int restamps = 0;
    step(Stage::Pushing, 0, total);
    for (;;) {
      auto outbox = store_.outbox();
      if (!outbox) {
        std::int64_t upTo = 0;
        auto cells = store_.pendingCells(o_.pushBatch, upTo);
        if (cells.empty()) {
          // Entries of rows that have since left the scope: nothing to send, but no longer pending.
          if (store_.pendingCount() > 0 && upTo > 0) {
            store_.acknowledge(upTo, {}, {});
            if (store_.pendingCount() > 0) continue;
          }
          break;
        }
        std::string batch = randomHex(16);
        outbox = db::Outbox{batch, encode(PushRequest{store_.siteId(), batch, std::move(cells)}), upTo};
        store_.storeOutbox(*outbox);  // before the first send: a retry sends these very bytes
      }
      auto r = call("/v1/push", &outbox->body);
      if (r.status == 409) {
        auto e = decodeError(r.body);
        if (e.code == errors::kClockAhead && restamps++ < 2) {
          // This PC's clock runs ahead: stamp the pending edits again on the data center's clock.
          store_.restampPending(e.serverClock);
          continue;
        }
      }
      if (auto e = r.status == 400 ? decodeError(r.body) : ErrorBody{}; e.code == errors::kBadRequest) {
        // Refused unread (malformed, or a batch id already taken): the same bytes again cannot do
        // better. The edits are still pending in the change log; the next sync sends them anew.
        store_.dropOutbox();
        throw Error(Error::Kind::Rejected,
                    N_("The data center refused the changes sent as malformed ({detail}); the next sync sends them again"),
                    {{"detail", e.message}}, http_.server());
      }
      if (r.status != 200) fail(r);
      auto m = decodePushResponse(r.body);
      clock(m.serverClock);
      store_.acknowledge(outbox->upTo, m.refused, m.lost, m.current);
      result_.pushed += m.accepted;
      result_.refused += static_cast<std::int64_t>(m.refused.size());
      result_.conflicts += m.conflicts;
      done += m.accepted + static_cast<std::int64_t>(m.refused.size());
      step(Stage::Pushing, done, std::max(total, done));
    }
  }

  void pull() {
    std::int64_t cursor = store_.account().cursor;
    std::int64_t done = 0;
    step(Stage::Pulling, 0, 0);
    auto path = [&](std::int64_t since) {
      return fmt::format("/v1/pull?since={}&limit={}&site={}&digests={}", since, o_.pullPage,
                         everything_ ? "" : store_.siteId(), verify_ ? 1 : 0);
    };
    std::future<HttpResult> ahead;
    for (;;) {
      // The page fetched while the previous one was being applied; anything but a plain answer
      // (an expired sign-in, an error) is asked again here, where signing in may touch the ledger.
      std::optional<HttpResult> fetched;
      if (ahead.valid()) {
        try {
          fetched = ahead.get();
        } catch (const Error&) {
          if (cancelled_) throw;
        }
      }
      auto r = fetched && fetched->status == 200 ? std::move(*fetched) : call(path(cursor), nullptr);
      if (r.status != 200) fail(r);
      auto page = decodePullResponse(r.body);
      clock(page.serverClock);
      // The next page travels while this one is written.
      if (page.more) ahead = std::async(std::launch::async, [this, next = path(page.next)] { return http_.get(next, token_); });
      auto stats = store_.applyPage(page.changes, page.exits, page.next);
      result_.pulled += stats.applied;
      result_.removed += stats.removed;
      cursor = page.next;
      done += static_cast<std::int64_t>(page.changes.size());
      if (!page.more) {
        store_.setDuplicates(page.duplicates);
        result_.duplicates = static_cast<std::int64_t>(page.duplicates.size());
        if (verify_) {
          checkDigests(page.digests);
          ledger_.setSetting("sync.verified_on", ledger_.today().iso());
        }
        break;
      }
      step(Stage::Pulling, done, 0);
    }
    result_.cursor = cursor;
  }

  // Per-grid digests (docs/sync-protocol.md §7): a grid this ledger holds differently from the data center —
  // a row missing or extra, a cell older — is pulled again from zero and taken as the data center
  // has it. Only with nothing waiting to be sent: an unsent edit makes a grid differ by design.
  void checkDigests(const std::vector<std::pair<std::string, core::GridDigest>>& server) {
    if (store_.pendingCount() > 0) return;
    auto account = store_.account();
    const core::Scope scope(core::roleOrLeast(account.role), core::splitCodes(account.scope),
                            ledger_.setting("county_code").value_or(""));
    auto local = store_.gridDigests();
    std::set<std::string> differ;
    std::set<std::string> listed;
    for (const auto& [grid, d] : server) {
      listed.insert(grid);
      if (local[grid] != d) differ.insert(grid);
    }
    for (const auto& [grid, d] : local)
      if (d.rows > 0 && !listed.count(grid) && scope.reads(grid)) differ.insert(grid);
    for (const auto& grid : differ) repair(grid);
  }

  void repair(const std::string& grid) {
    std::set<std::string> delivered;
    std::int64_t since = 0, cursor = store_.account().cursor;
    for (;;) {
      auto r = call(fmt::format("/v1/pull?since={}&limit={}&grid={}", since, o_.pullPage, grid), nullptr);
      if (r.status != 200) fail(r);
      auto page = decodePullResponse(r.body);
      for (const auto& c : page.changes) delivered.insert(c.row);
      store_.applyPage(page.changes, {}, cursor, true);
      since = page.next;
      if (!page.more) break;
    }
    std::vector<db::ScopeExit> strays;
    for (const auto& row : store_.rowsOfGrid(grid))
      if (!delivered.count(row.row)) strays.push_back(row);
    result_.removed += store_.removeRows(strays);
    ++result_.repaired;
  }

  [[noreturn]] void fail(const HttpResult& r) {
    auto e = decodeError(r.body);
    std::string server = http_.server();
    if (e.code == errors::kUnauthorized)
      throw Error(Error::Kind::Rejected, N_("The data center did not accept the user name {user} with this password"),
                  {{"user", o_.user}}, server);
    if (e.code == errors::kLocked)
      throw Error(Error::Kind::Rejected,
                  N_("The account {user} is locked after repeated wrong passwords; try again later ({detail})"),
                  {{"user", o_.user}, {"detail", e.message}}, server);
    if (e.code == errors::kPasswordExpired)
      throw Error(Error::Kind::Rejected,
                  N_("The password of {user} has expired at the data center: ask the county administrator for a new one"),
                  {{"user", o_.user}}, server);
    if (e.code == errors::kAccountDisabled)
      throw Error(Error::Kind::Rejected,
                  N_("The account {user} is disabled at the data center: ask the county administrator"),
                  {{"user", o_.user}}, server);
    if (e.code == errors::kThrottled)
      throw Error(Error::Kind::Rejected,
                  N_("Too many sign-ins from this computer in a short time; try again in a moment ({detail})"),
                  {{"detail", e.message}}, server);
    if (e.code == errors::kTokenInvalid) {
      store_.forgetToken();
      throw Error(Error::Kind::Rejected, N_("The sign-in to the data center has expired: sync again with the password"),
                  {}, server);
    }
    if (e.code == errors::kProtocol)
      throw Error(Error::Kind::Rejected,
                  N_("The data center speaks another version of the sync protocol: {detail}. Update GridLedger."),
                  {{"detail", e.message}}, server);
    throw Error(r.status >= 500 ? Error::Kind::Environment : Error::Kind::Rejected,
                N_("The data center answered {status}: {detail}"),
                {{"status", std::to_string(r.status)}, {"detail", e.message.empty() ? r.body.substr(0, 200) : e.message}},
                server);
  }

  db::Ledger& ledger_;
  db::SyncLedger store_;
  HttpClient http_;
  const SyncOptions& o_;
  std::string token_;
  std::atomic<bool> cancelled_{false};
  bool everything_ = false;  // pull this ledger's own writes too (after its scope changed)
  bool verify_ = false;      // compare the grids' digests at the end of this pull
  SyncResult result_;
};

}  // namespace

SyncResult synchronize(db::Ledger& ledger, const SyncOptions& options) {
  if (sodium_init() < 0) throw Error(Error::Kind::Environment, N_("The cryptography library could not start"));
  return Session(ledger, options).run();
}

std::vector<ConflictInfo> listConflicts(db::Ledger& ledger, const SyncOptions& options) {
  return Session(ledger, options).conflicts();
}

void restoreConflict(db::Ledger& ledger, const SyncOptions& options, std::int64_t id) {
  Session(ledger, options).restore(id);
}

void mergeDuplicate(db::Ledger& ledger, const SyncOptions& options, const std::string& keep, const std::string& drop) {
  Session(ledger, options).settle("/v1/duplicates/merge", {{"keep", keep}, {"drop", drop}});
}

void markDistinct(db::Ledger& ledger, const SyncOptions& options, const std::string& a, const std::string& b) {
  Session(ledger, options).settle("/v1/duplicates/distinct", {{"a", a}, {"b", b}});
}

}  // namespace gl::sync
