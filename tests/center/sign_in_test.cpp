// Sign-ins under attack, in process (center/sign_in.h, center/login_guard.h): guesses are counted
// before they are checked, an address waits longer after each failure, a stranger locks only
// themselves out, and an unknown name is answered as a wrong password is.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "center/accounts.h"
#include <SQLiteCpp/SQLiteCpp.h>

#include "center/secrets.h"
#include "center/sign_in.h"
#include "core/error.h"
#include "temp_store.h"

using gl::center::LoginGuard;
using gl::center::SignIn;
using gl::center::SignInOutcome;
using Kind = SignInOutcome::Kind;
using Verdict = LoginGuard::Verdict;

namespace {

constexpr std::int64_t kT0 = 1669852800000;

struct Office {
  gl::test::TempStore t;
  Office() { gl::center::Accounts(*t.store).put("li", "grid_worker", "370322", "Vc5#amber-Pine", "test"); }
};

}  // namespace

TEST_CASE("an address waits twice as long after each wrong password, a success does not clear it, and quiet does") {
  LoginGuard guard;
  REQUIRE(guard.admit("10.0.0.9", "li", kT0).verdict == Verdict::Go);
  guard.finish("10.0.0.9", "li", false, kT0);
  auto early = guard.admit("10.0.0.9", "wang", kT0 + 400);  // another name from the same address waits too
  CHECK(early.verdict == Verdict::Throttled);
  CHECK(early.waitMs == 600);
  CHECK(guard.admit("10.0.0.8", "li", kT0 + 400).verdict == Verdict::Go);  // another address does not
  guard.finish("10.0.0.8", "li", true, kT0 + 400);
  REQUIRE(guard.admit("10.0.0.9", "li", kT0 + 1000).verdict == Verdict::Go);
  guard.finish("10.0.0.9", "li", false, kT0 + 1000);
  CHECK(guard.admit("10.0.0.9", "li", kT0 + 2999).verdict == Verdict::Throttled);
  REQUIRE(guard.admit("10.0.0.9", "li", kT0 + 3000).verdict == Verdict::Go);
  guard.finish("10.0.0.9", "li", true, kT0 + 3000);
  CHECK(guard.admit("10.0.0.9", "li", kT0 + 3001).verdict == Verdict::Go);
  guard.finish("10.0.0.9", "wang", false, kT0 + 3001);  // the third failure: 4 s, not 1 s again
  CHECK(guard.admit("10.0.0.9", "li", kT0 + 6000).verdict == Verdict::Throttled);
  // Fifteen minutes without a failure: the first wait again.
  const std::int64_t later = kT0 + 3001 + 15 * 60 * 1000;
  REQUIRE(guard.admit("10.0.0.9", "li", later).verdict == Verdict::Go);
  guard.finish("10.0.0.9", "li", false, later);
  CHECK(guard.admit("10.0.0.9", "li", later + 999).verdict == Verdict::Throttled);
  CHECK(guard.admit("10.0.0.9", "li", later + 1000).verdict == Verdict::Go);
}

TEST_CASE("one password sprayed over many names, between sign-ins of the attacker's own account, still waits longer each time") {
  LoginGuard guard;
  std::int64_t t = kT0, waited = 0;
  for (int i = 0; i < 8; ++i) {
    auto own = guard.admit("10.0.0.66", "own", t);
    if (own.verdict == Verdict::Throttled) {
      waited = own.waitMs;
      t += own.waitMs;
      own = guard.admit("10.0.0.66", "own", t);
    }
    REQUIRE(own.verdict == Verdict::Go);
    guard.finish("10.0.0.66", "own", true, t);
    const std::string victim = "victim" + std::to_string(i);
    REQUIRE(guard.admit("10.0.0.66", victim, t).verdict == Verdict::Go);
    guard.finish("10.0.0.66", victim, false, t);
  }
  CHECK(waited >= 64 * 1000);  // 1 s, 2 s … doubling through the successes in between
}

TEST_CASE("five wrong passwords lock the name for that address only, known or not") {
  for (std::string name : {"li", "nobody"}) {
    CAPTURE(name);
    Office o;
    SignIn signIn(*o.t.store, {});
    std::int64_t t = kT0;
    for (int i = 0; i < 5; ++i) {
      CHECK(signIn.attempt("10.0.0.66", name, "guess", t).kind == Kind::Wrong);
      t += 60 * 1000;  // past the address's wait (16 s after the fifth)
    }
    auto locked = signIn.attempt("10.0.0.66", name, "Vc5#amber-Pine", t);
    CHECK(locked.kind == Kind::Locked);
    CHECK(locked.waitMs > 0);
    if (name == "li") {
      // The real user, at their own PC, is not locked out by the stranger.
      auto real = signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", t);
      CHECK(real.kind == Kind::Signed);
      CHECK(real.token.size() == 64);
    }
    // After the lock, the stranger's address may try again.
    CHECK(signIn.attempt("10.0.0.66", name, "guess", t + 16 * 60 * 1000).kind == Kind::Wrong);
  }
}

TEST_CASE("1,000 parallel wrong passwords from one address get at most the lockout's count checked") {
  Office o;
  SignIn signIn(*o.t.store, {});
  std::atomic<int> checked{0}, turnedAway{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 16; ++k)
    threads.emplace_back([&] {
      for (int i = 0; i < 63; ++i) {
        auto out = signIn.attempt("10.0.0.66", "li", "guess", kT0);
        (out.kind == Kind::Wrong ? checked : turnedAway)++;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(checked.load() >= 1);
  CHECK(checked.load() <= 5);
  CHECK(checked.load() + turnedAway.load() == 1008);
}

TEST_CASE("guesses from many addresses are counted for the account in one atomic step each") {
  Office o;
  gl::center::SignInLimits limits;
  limits.accountFailures = 8;
  SignIn signIn(*o.t.store, limits);
  std::atomic<int> checked{0}, locked{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 8; ++k)
    threads.emplace_back([&, k] {
      for (int i = 0; i < 25; ++i) {
        auto out = signIn.attempt("10.1." + std::to_string(k) + "." + std::to_string(i), "li", "guess", kT0);
        if (out.kind == Kind::Wrong) ++checked;
        if (out.kind == Kind::Locked) ++locked;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(checked.load() == 8);  // never more than the limit, however many raced
  CHECK(locked.load() == 200 - 8);
  // Locked for everyone now, until the lock runs out.
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0 + 1000).kind == Kind::Locked);
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0 + 16 * 60 * 1000).kind == Kind::Signed);
}

TEST_CASE("a password older than its allowed age signs nothing in, and says so only to whoever knows it") {
  Office o;
  gl::center::SignInLimits limits;
  limits.passwordMaxAgeMs = 90LL * 24 * 3600 * 1000;
  SignIn signIn(*o.t.store, limits);
  const std::int64_t set = o.t.store->account("li")->passwordSetMs;
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", set + 89LL * 24 * 3600 * 1000).kind == Kind::Signed);
  const std::int64_t later = set + 91LL * 24 * 3600 * 1000;
  auto old = signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", later);
  CHECK(old.kind == Kind::Expired);
  CHECK(old.token.empty());
  CHECK(signIn.attempt("10.0.0.6", "li", "guess", later).kind == Kind::Wrong);
  limits.passwordMaxAgeMs = 0;  // no expiry
  CHECK(SignIn(*o.t.store, limits).attempt("10.0.0.7", "li", "Vc5#amber-Pine", later).kind == Kind::Signed);
}

TEST_CASE("a disabled account signs nothing in, its tokens are gone at once, and it can be enabled again") {
  Office o;
  SignIn signIn(*o.t.store, {});
  auto before = signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0);
  REQUIRE(before.kind == Kind::Signed);
  const std::string token = gl::center::digest(before.token);
  REQUIRE(o.t.store->tokenAccount(token, kT0));
  gl::center::Accounts(*o.t.store).setDisabled("li", true);
  CHECK_FALSE(o.t.store->tokenAccount(token, kT0));
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0 + 1).kind == Kind::Disabled);
  CHECK(signIn.attempt("10.0.0.6", "li", "guess", kT0 + 1).kind == Kind::Wrong);  // a guesser learns nothing
  CHECK_THROWS_AS(gl::center::Accounts(*o.t.store).setDisabled("nobody", true), gl::Error);
  gl::center::Accounts(*o.t.store).setDisabled("li", false);
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0 + 2).kind == Kind::Signed);
}

TEST_CASE("an account whose count was left at the limit without a lock (a process that died mid-check) is not locked for good") {
  Office o;
  o.t.store.reset();
  {
    SQLite::Database db(o.t.file().string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE account SET failures = 50, locked_until = 0 WHERE name = 'li'");
  }
  o.t.open(false);
  SignIn signIn(*o.t.store, {});
  CHECK(signIn.attempt("10.0.0.5", "li", "Vc5#amber-Pine", kT0).kind == Kind::Signed);
}
