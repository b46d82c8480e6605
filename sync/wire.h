// The sync protocol's messages (docs/sync-protocol.md, v1) as JSON, shared by the client and
// gridcenter so both read and write one format. Decoding refuses anything malformed with a
// gl::Error (BadInput) naming what is wrong; it never guesses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hlc.h"
#include "core/scope.h"
#include "core/sync_cell.h"

namespace gl::sync {

inline constexpr int kProtocolVersion = 1;
inline constexpr const char* kProtocolHeader = "X-Grid-Protocol";

struct LoginRequest {
  std::string name, password;
};

struct LoginResponse {
  std::string token, role;
  std::vector<std::string> scope;
  std::string county;
  core::Hlc serverClock;
};

struct PushRequest {
  std::string site, batch;
  std::vector<core::SyncCell> changes;  // `site` of each is the request's
};

struct PushResponse {
  std::string batch;
  std::int64_t accepted = 0;
  std::vector<core::Refusal> refused;
  std::vector<core::SyncCell> lost;  // cells where the data center holds a newer value than the push's
  std::vector<core::SyncCell> current;  // what the data center holds for refused cells: the client puts it back
  std::int64_t conflicts = 0;
  core::Hlc serverClock;
};

struct PullResponse {
  std::vector<core::SyncCell> changes;
  std::vector<std::pair<std::string, core::GridDigest>> digests;  // per grid code in scope (last page only)
  std::vector<core::ScopeExit> exits;
  // Open pairs in scope (last page only); {row, ""} when the other resident is outside the reader's
  // scope: "this number is registered elsewhere in the county" (docs/sync-protocol.md §10).
  std::vector<std::pair<std::string, std::string>> duplicates;
  std::int64_t next = 0;
  bool more = false;
  core::Hlc serverClock;
};

// An error body: {"error": code, "message": English text}; codes in server_errors below.
struct ErrorBody {
  std::string code, message;
  core::Hlc serverClock;
};

std::string encode(const LoginRequest& m);
std::string encode(const LoginResponse& m);
std::string encode(const PushRequest& m);
std::string encode(const PushResponse& m);
std::string encode(const PullResponse& m);
std::string encode(const ErrorBody& m);

LoginRequest decodeLoginRequest(std::string_view body);
LoginResponse decodeLoginResponse(std::string_view body);
PushRequest decodePushRequest(std::string_view body);
PushResponse decodePushResponse(std::string_view body);
PullResponse decodePullResponse(std::string_view body);
// Never throws: a body that is not an error object gives an empty code.
ErrorBody decodeError(std::string_view body);

// Error codes of the protocol.
namespace errors {
inline constexpr std::string_view kBadRequest = "bad_request";
inline constexpr std::string_view kProtocol = "protocol_version";
inline constexpr std::string_view kUnauthorized = "unauthorized";    // wrong name or password
inline constexpr std::string_view kLocked = "locked";                // too many wrong passwords
inline constexpr std::string_view kThrottled = "throttled";          // too many sign-ins from one address: wait
inline constexpr std::string_view kTooLarge = "too_large";           // a body over the route's limit
inline constexpr std::string_view kPasswordExpired = "password_expired";  // right, but too old: set a new one
inline constexpr std::string_view kAccountDisabled = "account_disabled";  // right, but the account is disabled
inline constexpr std::string_view kTokenInvalid = "token_invalid";   // expired or unknown token
inline constexpr std::string_view kClockAhead = "clock_ahead";       // HLCs > 5 min ahead: re-stamp
inline constexpr std::string_view kBatchReused = "batch_reused";     // one batch id, two bodies
inline constexpr std::string_view kRejected = "rejected";            // refused by a rule of the data center
inline constexpr std::string_view kUnavailable = "unavailable";      // the data center cannot now: retry later
inline constexpr std::string_view kInternal = "internal";            // a fault of the data center
}  // namespace errors

}  // namespace gl::sync
