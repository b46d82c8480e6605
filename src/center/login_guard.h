// What stands between a sign-in and the password check (docs/security.md §4), in memory:
//  - each address has at most 4 attempts being checked at a time (an office behind one address signs
//    in together), and after each failure waits twice as long as before (1 s, 2 s, 4 s … at most
//    15 min; it starts again from 1 s after 15 min without a failure, and a success does not clear
//    it) — a stranger cannot brute-force from one address, nor spray one password over many names
//    between sign-ins of an account of their own, and 1,000 parallel guesses get at most 4 checks;
//  - an account locks after `pairFailures` wrong passwords from one address, for that address only:
//    a stranger's five requests lock the stranger out, not the real user at their own PC. A name that
//    does not exist locks the same way, so the answer does not tell whether it exists.
// The account-wide limit against many addresses is counted in the store (CenterStore::reserveAttempt).
// Both tables are bounded; the oldest entries are dropped first when one is full.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace gl::center {

struct GuardLimits {
  int pairFailures = 5;                      // wrong passwords from one address before it is locked out
  std::int64_t lockMs = 15 * 60 * 1000;      // how long that lasts
  int concurrent = 4;                        // attempts of one address checked at the same time
  std::int64_t firstDelayMs = 1000;          // an address's wait after its first failure, doubled after each
  std::int64_t maxDelayMs = 15 * 60 * 1000;  // the longest wait
  std::size_t maxEntries = 100000;           // per table
};

class LoginGuard {
 public:
  enum class Verdict { Go, Throttled, Locked };
  struct Admission {
    Verdict verdict = Verdict::Go;
    std::int64_t waitMs = 0;  // Throttled and Locked: how long until the next attempt may be made
  };

  explicit LoginGuard(GuardLimits limits = {}) : limits_(limits) {}

  // Go reserves the address until finish(); anything else checks nothing and needs no finish().
  Admission admit(const std::string& address, const std::string& name, std::int64_t nowMs);
  // After an admitted attempt; `ok`: the password was right.
  void finish(const std::string& address, const std::string& name, bool ok, std::int64_t nowMs);

 private:
  struct Address {
    int failures = 0;
    std::int64_t nextMs = 0;  // no attempt before
    int busy = 0;             // attempts being checked
    std::int64_t touchedMs = 0;
    std::int64_t failedMs = 0;  // the last failure
  };
  struct Pair {
    int failures = 0;
    std::int64_t lockedUntilMs = 0;
    std::int64_t touchedMs = 0;
  };
  static bool busy(const Address& a) { return a.busy > 0; }
  static bool busy(const Pair&) { return false; }  // only addresses are reserved
  template <typename Table>
  void makeRoom(Table& table, std::int64_t nowMs);

  GuardLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Address> addresses_;
  std::map<std::string, Pair> pairs_;  // address + '\n' + name
};

}  // namespace gl::center
