#include "center/login_guard.h"

#include <algorithm>

namespace gl::center {

namespace {
std::string pairKey(const std::string& address, const std::string& name) { return address + '\n' + name; }
}  // namespace

template <typename Table>
void LoginGuard::makeRoom(Table& table, std::int64_t nowMs) {
  if (table.size() < limits_.maxEntries) return;
  // Entries whose waits and locks are over hold nothing an attacker could use again: they go first;
  // then, if the table is still full, the least recently touched half.
  std::erase_if(table, [&](const auto& e) {
    return !busy(e.second) && e.second.touchedMs + std::max(limits_.maxDelayMs, limits_.lockMs) < nowMs;
  });
  if (table.size() < limits_.maxEntries) return;
  std::vector<std::int64_t> times;
  for (const auto& [key, e] : table) times.push_back(e.touchedMs);
  auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), middle, times.end());
  std::int64_t cut = *middle;
  std::erase_if(table, [&](const auto& e) { return !busy(e.second) && e.second.touchedMs <= cut; });
}

LoginGuard::Admission LoginGuard::admit(const std::string& address, const std::string& name, std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  if (auto p = pairs_.find(pairKey(address, name)); p != pairs_.end() && p->second.lockedUntilMs > nowMs)
    return {Verdict::Locked, p->second.lockedUntilMs - nowMs};
  auto found = addresses_.find(address);
  // An address quiet for the longest wait since its last failure starts again from the first wait.
  if (found != addresses_.end() && found->second.busy == 0 && found->second.failures > 0 &&
      found->second.failedMs + limits_.maxDelayMs <= nowMs)
    found->second = Address{};
  if (found != addresses_.end()) {
    if (found->second.busy >= limits_.concurrent) return {Verdict::Throttled, std::max<std::int64_t>(limits_.firstDelayMs, 1000)};
    if (found->second.nextMs > nowMs) return {Verdict::Throttled, found->second.nextMs - nowMs};
  } else {
    makeRoom(addresses_, nowMs);
    found = addresses_.emplace(address, Address{}).first;
  }
  ++found->second.busy;
  found->second.touchedMs = nowMs;
  return {};
}

void LoginGuard::finish(const std::string& address, const std::string& name, bool ok, std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  auto a = addresses_.find(address);
  if (a != addresses_.end()) {
    a->second.busy = std::max(0, a->second.busy - 1);
    // A success does not clear the address's wait: an attacker's own account signing in between
    // guesses at others' would reset it every time. The wait only runs out (admit).
    if (!ok) {
      a->second.touchedMs = a->second.failedMs = nowMs;
      int n = std::min(++a->second.failures, 30);
      a->second.nextMs = nowMs + std::min(limits_.firstDelayMs << (n - 1), limits_.maxDelayMs);
    } else if (a->second.failures == 0 && a->second.busy == 0) {
      addresses_.erase(a);
    }
  }
  const std::string key = pairKey(address, name);
  if (ok) {
    pairs_.erase(key);
    return;
  }
  auto p = pairs_.find(key);
  if (p == pairs_.end()) {
    makeRoom(pairs_, nowMs);
    p = pairs_.emplace(key, Pair{}).first;
  }
  if (p->second.lockedUntilMs != 0 && p->second.lockedUntilMs <= nowMs) p->second = Pair{};  // a lock ran out
  p->second.touchedMs = nowMs;
  if (++p->second.failures >= limits_.pairFailures) p->second.lockedUntilMs = nowMs + limits_.lockMs;
}

}  // namespace gl::center
