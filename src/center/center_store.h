// gridcenter's store: accounts, tokens and the county's merged cells. The server talks to this
// interface only; SQLite implements it (sqlite_store.cpp) and a PostgreSQL store can later — it must
// hand out commit sequence numbers in commit order (docs/sync-protocol.md §14).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hlc.h"
#include "core/role.h"
#include "core/scope.h"
#include "sync/wire.h"

namespace gl::center {

// Where a row belongs: the code of its household's grid, "" for a household of no grid yet, or
// nothing for reference rows every ledger of the county holds (regions, grids, workers, policies, campaigns).
using Place = core::Place;

// The site the data center's own writes carry (a merged duplicate, a cell the record rules derive).
inline constexpr std::string_view kCenterSite = "center";

struct Account {
  std::string name;
  core::Role role = core::Role::GridWorker;
  std::vector<std::string> scope;  // region codes (6, 9 or 12 digits) or grid codes
  std::string passwordHash;        // Argon2id, libsodium's string form
  int failures = 0;
  std::int64_t lockedUntilMs = 0;
  std::int64_t passwordSetMs = 0;  // when the password was last set (its expiry counts from here)
  bool disabled = false;           // signs nothing in (gridcenter user disable)

  // What the account may read and write in `county` (the one rule of core::Scope).
  core::Scope access(const std::string& county) const { return core::Scope(role, scope, county); }
};

struct Conflict {
  std::int64_t id = 0;
  core::SyncCell winner, loser;
  std::string loserAccount;
  std::int64_t atMs = 0;
  bool restored = false;
};

class CenterStore {
 public:
  virtual ~CenterStore() = default;

  virtual void initialize(const std::string& county, const std::string& name) = 0;
  virtual std::string county() const = 0;  // "" before initialize
  // Adds or replaces an account; a changed scope or password signs its tokens out.
  virtual void putAccount(const Account& account) = 0;
  virtual std::optional<Account> account(const std::string& name) = 0;
  // The account-wide count of wrong passwords (docs/security.md §4), each step one atomic update so
  // parallel sign-ins cannot slip past it. reserveAttempt counts an attempt before its password is
  // checked, and the attempt that reaches `limit` locks the account until `lockUntilMs` at once: false,
  // and nothing counted, while it is locked (a lock that ran out starts the count again).
  // attemptSucceeded clears both.
  virtual bool reserveAttempt(const std::string& name, int limit, std::int64_t nowMs, std::int64_t lockUntilMs) = 0;
  virtual void attemptSucceeded(const std::string& name) = 0;
  // Disables the account (and deletes its tokens: every device is signed out at once) or enables it
  // again. False when there is no such account.
  virtual bool setDisabled(const std::string& name, bool disabled) = 0;
  virtual void addToken(const std::string& tokenHash, const std::string& name, std::int64_t expiresMs) = 0;
  // The account a live token belongs to.
  virtual std::optional<std::string> tokenAccount(const std::string& tokenHash, std::int64_t nowMs) = 0;

  // A batch seen before: its stored response, byte for byte. Throws BadInput when the same batch id
  // comes with another body.
  virtual std::optional<std::string> replay(const std::string& site, const std::string& batch,
                                            const std::string& bodyHash) = 0;
  // Applies a push in one transaction under the next commit sequence number and stores the response
  // with the batch before it commits. `clock` is the server's HLC (folded with every accepted cell).
  virtual std::string push(const Account& who, const sync::PushRequest& request, const std::string& bodyHash,
                           core::HlcClock& clock, std::int64_t nowMs) = 0;
  // Cells written by `site` itself are left out: that ledger has them. `grid` (a grid code, or "" for
  // households of no grid) limits the pull to one grid: a ledger whose digest of it differs pulls it
  // again from zero. With `digests` the last page carries the digests of the grids the account reads.
  virtual sync::PullResponse pull(const Account& who, std::int64_t since, std::size_t limit,
                                  const std::string& site, const std::optional<std::string>& grid, bool digests) = 0;

  virtual std::vector<Conflict> conflicts(const Account& who) = 0;
  // Writes the losing value of a conflict back as a new change stamped now; false if not in scope.
  virtual bool restore(const Account& who, std::int64_t conflictId, core::HlcClock& clock) = 0;
  // Two residents with one identity number (docs/sync-protocol.md §10), settled by a grid leader
  // or above: merged — `drop` is tombstoned and its quarantines and visits point at `keep`, as new
  // changes stamped now — or marked as two people. False when the pair is not open in the account's scope.
  virtual bool mergeDuplicate(const Account& who, const std::string& keep, const std::string& drop,
                              core::HlcClock& clock) = 0;
  virtual bool markDistinct(const Account& who, const std::string& a, const std::string& b) = 0;
  virtual core::Hlc lastClock() = 0;
  // Work kept out of the requests, called every fraction of a second on a thread of its own: what
  // the store defers while requests come (for SQLite, folding recent cells into the main table).
  // The store also copies its write-ahead log back beside the requests, not inside a push's commit,
  // and closing it copies what is left.
  virtual void upkeep() = 0;
};

// The SQLite store in `dir` (center.sqlite: WAL, synchronous=FULL). `create` makes a new one.
// How the SQLite store defers work (sqlite_store.h): how many cells pushes may gather in its table of
// recent cells (a push that would take it past that writes into the main table directly), and how
// long no request must come before it folds them into the main table.
struct SqliteTuning {
  std::int64_t recentCap = 50000;
  std::int64_t quietMs = 1000;
};
std::unique_ptr<CenterStore> openSqliteStore(const std::string& dir, bool create, SqliteTuning tuning = {});

}  // namespace gl::center
