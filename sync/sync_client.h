// One sync with the data center (docs/sync-protocol.md §1): sign in when there is no token, push the
// pending changes batch by batch (each stored before its first send and re-sent byte for byte until
// acknowledged), then pull pages in commit order, each applied in one transaction before the cursor
// moves. Used by `gridctl sync` and the window's background sync.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/schema.h"
#include "db/ledger.h"

namespace gl::sync {

struct SyncOptions {
  std::string server;    // https://host:port
  std::string user;
  std::string password;  // empty: use the token kept in the ledger
  std::string caFile;    // empty: the system's certificate store
  std::size_t pushBatch = 20000;  // change-log entries per push
  std::size_t pullPage = 10000;   // cells per pulled page
  // Compare every grid's digest with the data center's (and repair what differs). Done by itself on
  // the first sync of each day: for a county's ledger the comparison reads every row.
  bool verify = false;
  // Hears the stage (a Stage as its int) and how much of it is done. Its stop request is polled while
  // a request is in flight too (about once a second, also while connecting), and ends the call with
  // "Sync was cancelled".
  core::Reporter progress;
};

struct SyncResult {
  std::int64_t pushed = 0;      // cells the data center took
  std::int64_t pulled = 0;      // cells written into this ledger
  std::int64_t refused = 0;     // cells refused by the data center (listed in the ledger)
  std::int64_t conflicts = 0;   // concurrent edits the data center kept as conflict records
  std::int64_t duplicates = 0;  // open duplicate-person pairs in scope
  std::int64_t removed = 0;     // rows that left this ledger's scope
  std::int64_t repaired = 0;    // grids whose digest differed from the data center's, pulled again
  std::int64_t cursor = 0;
  std::size_t bytesSent = 0, bytesReceived = 0;
  // The data center's clock minus this PC's, as measured (0 within two seconds): what the user is
  // told when their clock is wrong (text/clock_text.h).
  std::int64_t clockOffsetMs = 0;
};

enum class Stage { SigningIn, Pushing, Pulling };  // core::Progress::stage of a sync

// Throws gl::Error: BadInput (address, no password), Rejected (wrong password, locked, untrusted
// server, protocol version, cancelled), Environment (network, retryable). What was acknowledged or
// applied before a failure stays; the next sync carries on from there.
SyncResult synchronize(db::Ledger& ledger, const SyncOptions& options);

// A concurrent edit the data center kept (docs/sync-protocol.md §9): the value that won and the other one.
struct ConflictInfo {
  std::int64_t id = 0;
  core::Table table = core::Table::Resident;
  std::string row, column;
  core::Value kept, other;
  std::string by;  // the account whose push met the other edit
  std::int64_t atMs = 0;
};
// The open conflicts in the account's scope (grid leaders and above; a grid worker sees none).
std::vector<ConflictInfo> listConflicts(db::Ledger& ledger, const SyncOptions& options);
// Writes the other value back as a new change; the next sync brings it to every ledger. Rejected
// when the conflict is gone or outside the account's scope.
void restoreConflict(db::Ledger& ledger, const SyncOptions& options, std::int64_t id);
// Settles a duplicate pair at the data center (grid leaders and above): `drop` is tombstoned and its
// quarantines and visits move to `keep`; or the two are marked as different people. The next sync
// brings the result to every ledger. Rejected when the pair is not open in the account's scope.
void mergeDuplicate(db::Ledger& ledger, const SyncOptions& options, const std::string& keep, const std::string& drop);
void markDistinct(db::Ledger& ledger, const SyncOptions& options, const std::string& a, const std::string& b);

}  // namespace gl::sync
