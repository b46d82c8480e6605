// A store in process that takes pushes as the server hands them over: accounts, two sites, a fixed clock.
#pragma once

#include <string>
#include <vector>

#include "core/hlc.h"
#include "sync/wire.h"
#include "temp_store.h"

namespace gl::test {

inline const std::string kSiteA = "0190a000-0000-7000-8000-00000000000a";
inline const std::string kSiteB = "0190a000-0000-7000-8000-00000000000b";
inline const std::string kSiteOther = "0190a000-0000-7000-8000-0000000000ff";  // a third ledger that only pulls
inline constexpr std::int64_t kNow = 1669852800000;  // 2022-12-01 00:00 UTC

inline center::Account account(core::Role role, std::vector<std::string> scope) {
  center::Account a;
  a.name = std::string(core::roleCode(role));
  a.role = role;
  a.scope = std::move(scope);
  return a;
}

struct PushingCenter {
  TempStore t;
  core::HlcClock clock{[] { return kNow; }};
  int batches = 0;

  sync::PushResponse push(const center::Account& who, const std::string& site, std::vector<core::SyncCell> cells) {
    for (auto& c : cells) c.site = site;
    sync::PushRequest request{site, "batch-" + std::to_string(++batches), std::move(cells)};
    return sync::decodePushResponse(t.store->push(who, request, "hash-" + std::to_string(batches), clock, kNow));
  }
  // The value another site would pull for a row's column; nothing when it would pull none.
  std::optional<core::SyncCell> pulled(const center::Account& who, const std::string& row, const std::string& column) {
    auto page = t.store->pull(who, 0, 100000, kSiteOther, std::nullopt, false);
    std::optional<core::SyncCell> out;
    for (const auto& c : page.changes)
      if (c.row == row && c.column == column) out = c;
    return out;
  }
};

}  // namespace gl::test
