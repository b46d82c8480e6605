#include "db/sync_ledger.h"

#include <ctime>

#include "core/error.h"
#include "core/scope.h"
#include "db/internal/audit.h"
#include "db/ledger.h"
#include "db/internal/ledger_state.h"
#include "db/internal/row_io.h"
#include "db/internal/sync_apply.h"

namespace gl::db {

namespace {
constexpr std::int64_t kOffsetNoiseMs = 2000;

std::int64_t ackedSeq(LedgerState& s) {
  return s.db->execAndGet("SELECT acked_seq FROM sync_state WHERE one = 1").getInt64();
}
}  // namespace

SyncLedger::SyncLedger(Ledger& ledger) : ledger_(ledger) {}

SyncAccount SyncLedger::account() const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    auto& st = s.statement(
        "SELECT server, account, token, role, scope, cursor, clock_offset_ms, last_sync FROM sync_state WHERE one = 1");
    SyncAccount a;
    if (st.executeStep()) {
      a.server = textOf(st, 0);
      a.account = textOf(st, 1);
      a.token = textOf(st, 2);
      a.role = textOf(st, 3);
      a.scope = textOf(st, 4);
      a.cursor = st.getColumn(5).getInt64();
      a.clockOffsetMs = st.getColumn(6).getInt64();
      a.lastSync = textOf(st, 7);
    }
    return a;
  });
}

void SyncLedger::saveAccount(const SyncAccount& a) {
  auto& s = *ledger_.state_;
  withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another server or account starts from the beginning: the cursor belongs to the old one.
    auto& old = s.statement("SELECT coalesce(server, ''), coalesce(account, '') FROM sync_state WHERE one = 1");
    bool same = old.executeStep() && old.getColumn(0).getString() == a.server && old.getColumn(1).getString() == a.account;
    old.reset();
    auto& st = s.statement(
        "UPDATE sync_state SET server = ?, account = ?, token = ?, role = ?, scope = ?, "
        "cursor = CASE WHEN ? THEN cursor ELSE 0 END WHERE one = 1");
    st.bind(1, a.server);
    st.bind(2, a.account);
    st.bind(3, a.token);
    st.bind(4, a.role);
    st.bind(5, a.scope);
    st.bind(6, same ? 1 : 0);
    st.exec();
    s.resetAll();
    tx.commit();
  });
}

void SyncLedger::forgetToken() {
  auto& s = *ledger_.state_;
  withState(s, [&] { s.db->exec("UPDATE sync_state SET token = NULL WHERE one = 1"); });
}

std::string SyncLedger::siteId() const { return ledger_.state_->siteUuid; }

namespace {
// Measured on one response, the offset carries that response's time on the wire (tens of ms on a busy
// line): below two seconds it is noise, and two ledgers correcting by different noise would order
// edits a few ms apart the wrong way. A PC really off (a day, a year) is corrected.
std::int64_t measureOffset(LedgerState& s, core::Hlc server) {
  std::int64_t offsetMs = server.wallMs - s.clock.wallMs();
  if (offsetMs > -kOffsetNoiseMs && offsetMs < kOffsetNoiseMs) offsetMs = 0;
  s.clock.setOffsetMs(offsetMs);
  return offsetMs;
}
}  // namespace

void SyncLedger::receiveServerClock(core::Hlc server) {
  auto& s = *ledger_.state_;
  withState(s, [&] {
    std::int64_t offsetMs = measureOffset(s, server);
    s.clock.receive(server);
    auto& st = s.statement("UPDATE sync_state SET clock_offset_ms = ?, last_hlc = max(last_hlc, ?) WHERE one = 1");
    st.bind(1, offsetMs);
    st.bind(2, static_cast<std::int64_t>(s.clock.last().packed()));
    st.exec();
  });
}

std::int64_t SyncLedger::pendingCount() const { return ledger_.pendingChanges(); }

std::vector<SyncCell> SyncLedger::pendingCells(std::size_t limit, std::int64_t& upTo) const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    std::vector<SyncCell> out;
    upTo = ackedSeq(s);
    auto& st = s.statement("SELECT seq, tbl, row, col, hlc, base FROM clock WHERE site = 1 AND seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, upTo);
    // A batch ends between rows: the cells of one edit (an identity number and the birth date it
    // gives) arrive together, for the data center's record rules (docs/sync-protocol.md §5).
    st.bind(2, static_cast<std::int64_t>(limit + core::kMaxRowEntries));
    struct Entry {
      std::int64_t seq;
      int tbl;
      std::string row, col;
      std::int64_t hlc, base;
    };
    std::vector<Entry> entries;
    while (st.executeStep()) {
      std::string row = st.getColumn(2).getString();
      if (entries.size() >= limit && row != entries.back().row) break;
      entries.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt(), std::move(row),
                         st.getColumn(3).getString(), st.getColumn(4).getInt64(),
                         st.getColumn(5).isNull() ? 0 : st.getColumn(5).getInt64()});
    }
    st.reset();
    for (const auto& e : entries) {
      upTo = e.seq;
      auto table = static_cast<core::Table>(e.tbl);
      const auto& spec = core::tableSpec(table);
      auto cell = [&](std::string column, core::Value value) {
        out.push_back({table, e.row, std::move(column), std::move(value), core::Hlc::unpack(e.hlc), s.siteUuid,
                       core::Hlc::unpack(e.base)});
      };
      // A new row sends every column; a changed cell only its own (a name from the schema, never input).
      bool whole = e.col.empty();
      if (!whole && e.col != "deleted" && !spec.column(e.col)) continue;
      auto& row = s.statement("SELECT " + (whole ? selectColumns(spec) : e.col) + " FROM " + std::string(spec.name) +
                              " WHERE id = ?");
      row.bind(1, e.row);
      if (!row.executeStep()) {  // removed locally by a scope exit: nothing left to send
        row.reset();
        continue;
      }
      if (whole) {
        Row current = readRow(row, spec);
        for (const auto& c : current.cells) cell(c.column, c.value);
        cell("deleted", current.deleted ? "1" : "0");
      } else if (e.col == "deleted") {
        cell("deleted", row.getColumn(0).getInt() ? "1" : "0");
      } else {
        cell(e.col, readValue(row.getColumn(0)));
      }
      row.reset();
    }
    return out;
  });
}

std::optional<Outbox> SyncLedger::outbox() const {
  auto& s = *ledger_.state_;
  return withState(s, [&]() -> std::optional<Outbox> {
    auto& st = s.statement("SELECT batch, body, up_to FROM sync_outbox WHERE one = 1");
    if (!st.executeStep()) return std::nullopt;
    Outbox o;
    o.batch = st.getColumn(0).getString();
    auto body = st.getColumn(1);
    o.body.assign(static_cast<const char*>(body.getBlob()), static_cast<std::size_t>(body.getBytes()));
    o.upTo = st.getColumn(2).getInt64();
    return o;
  });
}

void SyncLedger::storeOutbox(const Outbox& o) {
  auto& s = *ledger_.state_;
  withState(s, [&] {
    auto& st = s.statement("INSERT OR REPLACE INTO sync_outbox (one, batch, body, up_to) VALUES (1, ?, ?, ?)");
    st.bind(1, o.batch);
    st.bind(2, o.body.data(), static_cast<int>(o.body.size()));
    st.bind(3, o.upTo);
    st.exec();
  });
}

void SyncLedger::dropOutbox() {
  auto& s = *ledger_.state_;
  withState(s, [&] { s.db->exec("DELETE FROM sync_outbox"); });
}

void SyncLedger::acknowledge(std::int64_t upTo, const std::vector<Refusal>& refused,
                             const std::vector<SyncCell>& winners, const std::vector<SyncCell>& current) {
  auto& s = *ledger_.state_;
  withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    auto& ack = s.statement("UPDATE sync_state SET acked_seq = max(acked_seq, ?) WHERE one = 1");
    ack.bind(1, upTo);
    ack.exec();
    std::string at = utcNow();
    for (const auto& r : refused) {
      const auto& spec = core::tableSpec(r.table);
      core::Value value;
      if (r.column == "deleted" || spec.column(r.column)) {
        auto& read = s.statement("SELECT " + r.column + " FROM " + std::string(spec.name) + " WHERE id = ?");
        read.bind(1, r.row);
        if (read.executeStep()) value = readValue(read.getColumn(0));
        read.reset();
      }
      auto& st = s.statement("INSERT INTO sync_refusal (at, tbl, row, col, reason, value) VALUES (?, ?, ?, ?, ?, ?)");
      st.bind(1, at);
      st.bind(2, static_cast<int>(r.table));
      st.bind(3, r.row);
      st.bind(4, r.column);
      st.bind(5, r.reason);
      if (value) st.bind(6, *value);
      else st.bind(6);
      st.exec();
    }
    RemoteApply back(s, true);
    for (const auto& c : current) back.add(c);
    back.finish();
    // A row made here and refused whole (outside the account's grids, or against a record rule) is not
    // at the data center: it leaves the ledger too, and its values stay listed with the refusals.
    std::set<std::string> kept;
    for (const auto& c : current) kept.insert(c.row);
    // A record rule refuses a row whole only with its `deleted` cell (a new row sends it, and no rule
    // reads it): a row of which a single cell was refused stays.
    std::set<std::string> wholeInconsistent;
    for (const auto& r : refused)
      if (r.reason == core::refusal::kInconsistent && r.column == "deleted") wholeInconsistent.insert(r.row);
    std::vector<ScopeExit> gone;
    std::set<std::string> seen;
    for (const auto& r : refused) {
      bool whole = r.reason == core::refusal::kOutsideScope || wholeInconsistent.count(r.row) > 0;
      if (!whole || kept.count(r.row) || !seen.insert(r.row).second) continue;
      auto& made = s.statement("SELECT 1 FROM clock WHERE row = ? AND col = '' AND site = 1");
      made.bind(1, r.row);
      bool here = made.executeStep();
      made.reset();
      if (here) gone.push_back({r.table, r.row});
    }
    std::set<int> touched;
    removeOutOfScope(s, gone, touched);
    recount(s, touched);
    RemoteApply apply(s);
    for (const auto& w : winners) apply.add(w);
    apply.finish();
    s.db->exec("DELETE FROM sync_outbox");
    refreshPending(s);
    s.resetAll();
    tx.commit();
  });
}

std::int64_t SyncLedger::restampPending(core::Hlc serverClock) {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    // The PC's clock may have jumped since the offset was last measured (a sign-in kept from before
    // measures nothing): measured again here, or the new stamps would be as far ahead as the old.
    std::int64_t offsetMs = measureOffset(s, serverClock);
    s.clock.rebase(serverClock);
    std::vector<std::int64_t> seqs;
    auto& st = s.statement("SELECT seq FROM clock WHERE site = 1 AND seq > ? ORDER BY seq");
    st.bind(1, ackedSeq(s));
    while (st.executeStep()) seqs.push_back(st.getColumn(0).getInt64());
    st.reset();
    for (auto seq : seqs) {
      auto& up = s.statement("UPDATE clock SET hlc = ? WHERE seq = ?");
      up.bind(1, static_cast<std::int64_t>(s.clock.now().packed()));
      up.bind(2, seq);
      up.exec();
    }
    auto& last = s.statement("UPDATE sync_state SET last_hlc = ?, clock_offset_ms = ? WHERE one = 1");
    last.bind(1, static_cast<std::int64_t>(s.clock.last().packed()));
    last.bind(2, offsetMs);
    last.exec();
    // A batch built from the old stamps is never sent again.
    s.db->exec("DELETE FROM sync_outbox");
    s.resetAll();
    tx.commit();
    return static_cast<std::int64_t>(seqs.size());
  });
}

ApplyStats SyncLedger::applyPage(const std::vector<SyncCell>& cells, const std::vector<ScopeExit>& exits,
                                 std::int64_t cursor, bool authoritative) {
  auto& s = *ledger_.state_;
  // A page may hold a row before the row it refers to (the pull is in commit order of cells, and a
  // parent's cells may have changed later): SQLite's foreign-key checks stay off for the page, as for
  // a bulk import; every reference is the data center's, which merged it.
  ForeignKeysOff off(s);
  return withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    RemoteApply apply(s, authoritative);
    for (const auto& c : cells) apply.add(c);
    ApplyStats stats = apply.finish();
    std::set<int> touched;
    stats.removed = removeOutOfScope(s, exits, touched);
    recount(s, touched);
    refreshPending(s);
    auto& st = s.statement("UPDATE sync_state SET cursor = ?, last_sync = ? WHERE one = 1");
    st.bind(1, cursor);
    st.bind(2, utcNow());
    st.exec();
    if (stats.applied || stats.removed)
      appendAudit(s, "sync", "", "", stats.applied + stats.removed, "pulled");
    s.resetAll();
    tx.commit();
    return stats;
  });
}

std::int64_t SyncLedger::pruneOutside(const core::Scope& scope) {
  auto& s = *ledger_.state_;
  auto gone = withState(s, [&] {
    std::vector<ScopeExit> out;
    auto& st = s.statement("SELECT h.id, coalesce(g.code, '') FROM household h LEFT JOIN grid g ON g.id = h.grid");
    while (st.executeStep())
      if (!scope.reads(st.getColumn(1).getString()))
        out.push_back({core::Table::Household, st.getColumn(0).getString()});
    return out;
  });
  return removeRows(gone);
}

void SyncLedger::resetCursor() {
  auto& s = *ledger_.state_;
  withState(s, [&] { s.db->exec("UPDATE sync_state SET cursor = 0 WHERE one = 1"); });
}

void SyncLedger::setDuplicates(const std::vector<std::pair<std::string, std::string>>& pairs) {
  auto& s = *ledger_.state_;
  withState(s, [&] {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    s.db->exec("DELETE FROM sync_duplicate");
    for (const auto& [a, b] : pairs) {
      auto& st = s.statement("INSERT OR IGNORE INTO sync_duplicate (a, b) VALUES (?, ?)");
      st.bind(1, a);
      st.bind(2, b);
      st.exec();
    }
    s.resetAll();
    tx.commit();
  });
}

std::vector<std::pair<std::string, std::string>> SyncLedger::duplicates() const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    std::vector<std::pair<std::string, std::string>> out;
    auto& st = s.statement("SELECT a, b FROM sync_duplicate ORDER BY a, b");
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
  });
}

std::vector<Refusal> SyncLedger::refusals() const {
  auto& s = *ledger_.state_;
  return withState(s, [&] {
    std::vector<Refusal> out;
    auto& st = s.statement("SELECT tbl, row, col, reason, at, value FROM sync_refusal ORDER BY n");
    while (st.executeStep())
      out.push_back({static_cast<core::Table>(st.getColumn(0).getInt()), st.getColumn(1).getString(),
                     st.getColumn(2).getString(), st.getColumn(3).getString(), st.getColumn(4).getString(),
                     readValue(st.getColumn(5))});
    return out;
  });
}

void SyncLedger::clearRefusals() {
  auto& s = *ledger_.state_;
  withState(s, [&] { s.db->exec("DELETE FROM sync_refusal"); });
}

}  // namespace gl::db
