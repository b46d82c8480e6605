#include "center/sign_in.h"

#include "center/secrets.h"

namespace gl::center {

SignInOutcome SignIn::attempt(const std::string& address, const std::string& name, const std::string& password,
                              std::int64_t nowMs) {
  using Kind = SignInOutcome::Kind;
  auto admitted = guard_.admit(address, name, nowMs);
  if (admitted.verdict != LoginGuard::Verdict::Go)
    return {admitted.verdict == LoginGuard::Verdict::Locked ? Kind::Locked : Kind::Throttled, admitted.waitMs, {}, {}};
  bool ok = false;
  struct Finish {  // the address is released on every way out, exceptions included
    LoginGuard& guard;
    const std::string &address, &name;
    const bool& ok;
    std::int64_t nowMs;
    ~Finish() { guard.finish(address, name, ok, nowMs); }
  } finish{guard_, address, name, ok, nowMs};

  auto who = store_.account(name);
  if (!who) {
    verifyNothing(password);
    return {};
  }
  if (!store_.reserveAttempt(name, limits_.accountFailures, nowMs, nowMs + limits_.accountLockMs)) {
    auto locked = store_.account(name);
    std::int64_t wait = locked && locked->lockedUntilMs > nowMs ? locked->lockedUntilMs - nowMs : limits_.accountLockMs;
    return {Kind::Locked, wait, {}, {}};
  }
  if (!verifyPassword(who->passwordHash, password)) return {};
  store_.attemptSucceeded(name);
  ok = true;
  if (who->disabled) return {Kind::Disabled, 0, who, {}};
  if (limits_.passwordMaxAgeMs > 0 && nowMs - who->passwordSetMs > limits_.passwordMaxAgeMs)
    return {Kind::Expired, 0, who, {}};
  SignInOutcome out{Kind::Signed, 0, who, newToken()};
  store_.addToken(digest(out.token), name, nowMs + limits_.tokenMs);
  return out;
}

}  // namespace gl::center
