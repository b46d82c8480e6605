// A sign-in (POST /v1/login) decided (docs/security.md §2–4): the address's throttle and the
// account-and-address lock first (LoginGuard), then the account-wide count in the store, then the
// Argon2id check — so that parallel guesses are counted before any is checked. An unknown name is
// answered as a wrong password is: the same answer, after the same Argon2id work (a dummy hash).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "center/center_store.h"
#include "center/login_guard.h"

namespace gl::center {

struct SignInLimits {
  GuardLimits guard;
  int accountFailures = 50;                   // wrong passwords from all addresses before the account locks
  std::int64_t accountLockMs = 15 * 60 * 1000;
  std::int64_t tokenMs = 12 * 3600 * 1000;
  std::int64_t passwordMaxAgeMs = 90LL * 24 * 3600 * 1000;  // a password older is refused; 0: never
};

struct SignInOutcome {
  // Expired: the password was right but is older than passwordMaxAgeMs (no token then).
  // Disabled: the password was right but the account is disabled.
  enum class Kind { Signed, Wrong, Throttled, Locked, Expired, Disabled } kind = Kind::Wrong;
  std::int64_t waitMs = 0;        // Throttled, Locked
  std::optional<Account> account;  // Signed
  std::string token;               // Signed: the bearer token (the store keeps only its hash)
};

class SignIn {
 public:
  SignIn(CenterStore& store, SignInLimits limits) : store_(store), limits_(limits), guard_(limits.guard) {}
  SignInOutcome attempt(const std::string& address, const std::string& name, const std::string& password,
                        std::int64_t nowMs);

 private:
  CenterStore& store_;
  SignInLimits limits_;
  LoginGuard guard_;
};

}  // namespace gl::center
