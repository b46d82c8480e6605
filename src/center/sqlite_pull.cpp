// The SQLite store's pull (commit order, pages, scope exits, duplicate pairs) and conflict records.
#include <set>
#include <unordered_map>

#include "center/sqlite_store.h"

namespace gl::center {

namespace {
core::Value valueOf(const SQLite::Column& c) { return c.isNull() ? core::Value() : core::Value(c.getString()); }

core::SyncCell cellFrom(SQLite::Statement& st) {  // row, col, tbl, val, hlc, site
  return {static_cast<core::Table>(st.getColumn(2).getInt()), st.getColumn(0).getString(), st.getColumn(1).getString(),
          valueOf(st.getColumn(3)), core::Hlc::unpack(st.getColumn(4).getInt64()), st.getColumn(5).getString(), {}};
}
}  // namespace

void SqliteStore::markDirty(const Place& place) {
  if (!place) return;
  auto& st = statement("INSERT INTO digest (place) VALUES (?) ON CONFLICT (place) DO UPDATE SET dirty = 1");
  st.bind(1, *place);
  st.exec();
}

std::vector<std::pair<std::string, core::GridDigest>> SqliteStore::digests(const Account& who) {
  std::vector<std::pair<std::string, bool>> places;
  auto& list = statement("SELECT place, dirty FROM digest");
  while (list.executeStep()) places.emplace_back(list.getColumn(0).getString(), list.getColumn(1).getInt() != 0);
  list.reset();
  std::vector<std::pair<std::string, core::GridDigest>> out;
  const core::Scope access = who.access(county_);
  for (const auto& [place, dirty] : places) {
    if (!access.reads(place)) continue;
    core::GridDigest d;
    if (dirty) {
      // Each row's newest clock over its current cells (a max over the view would read all of it).
      auto& rows = statement(
          "SELECT p.row, max(coalesce((SELECT max(r.hlc) FROM recent r WHERE r.row = p.row), 0), "
          "coalesce((SELECT max(c.hlc) FROM cell c WHERE c.row = p.row AND NOT EXISTS "
          "(SELECT 1 FROM recent r WHERE r.row = c.row AND r.col = c.col)), 0)) FROM place p WHERE p.place = ?");
      rows.bind(1, place);
      while (rows.executeStep()) d.add(rows.getColumn(0).getString(), rows.getColumn(1).getInt64());
      rows.reset();
      auto& keep = statement("UPDATE digest SET rows = ?, hash = ?, dirty = 0 WHERE place = ?");
      keep.bind(1, d.rows);
      keep.bind(2, static_cast<std::int64_t>(d.hash));
      keep.bind(3, place);
      keep.exec();
    } else {
      auto& one = statement("SELECT rows, hash FROM digest WHERE place = ?");
      one.bind(1, place);
      if (one.executeStep()) {
        d.rows = one.getColumn(0).getInt64();
        d.hash = static_cast<std::uint64_t>(one.getColumn(1).getInt64());
      }
      one.reset();
    }
    if (d.rows > 0) out.emplace_back(place, d);
  }
  return out;
}

sync::PullResponse SqliteStore::pull(const Account& who, std::int64_t since, std::size_t limit,
                                     const std::string& site, const std::optional<std::string>& grid,
                                     bool withDigests) {
  auto lock = lockRequest();
  // One snapshot for the page (and the write of digests recomputed for it).
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  sync::PullResponse out;
  std::unordered_map<std::string, bool> readable;
  // A county-wide account reads every row (each has a place from its first push): no lookups.
  const core::Scope access = who.access(county_);
  bool everything = access.countyWide() && !grid;
  auto reads = [&](const std::string& row) {
    if (everything) return true;
    auto [it, added] = readable.try_emplace(row, false);
    if (added) {
      auto p = placeOf(row);
      it->second = p && access.reads(p->second) && (!grid || p->second == grid);
    }
    return it->second;
  };
  std::int64_t last = since;
  std::size_t count = 0;
  {
    // Both tables in sequence order, merged (cell_now's two halves each read their index on seq).
    SQLite::Statement st(db_, "SELECT row, col, tbl, val, hlc, site, seq FROM cell_now WHERE seq > ? ORDER BY seq");
    st.bind(1, since);
    while (st.executeStep()) {
      std::int64_t seq = st.getColumn(6).getInt64();
      // A page ends between commits, never inside one.
      if (count >= limit && seq != last) {
        out.more = true;
        break;
      }
      last = seq;
      // The asking ledger's own writes (a row it made, a cell it changed) it has already.
      if (!site.empty() && st.getColumn(5).getString() == site) continue;
      std::string row = st.getColumn(0).getString();
      if (!reads(row)) continue;
      if (st.getColumn(1).getString().empty()) {
        // A row's entry met again (the row entered the reader's scope): its cells that the reader
        // would not get otherwise, those written before `since`; the later ones come in their turn.
        auto& all = statement("SELECT row, col, tbl, val, hlc, site FROM cell_now WHERE row = ? AND col <> '' AND seq <= ?");
        all.bind(1, row);
        all.bind(2, since);
        while (all.executeStep()) {
          out.changes.push_back(cellFrom(all));
          ++count;
        }
        all.reset();
      } else {
        out.changes.push_back(cellFrom(st));
        ++count;
      }
    }
  }
  out.next = last;
  auto& exits = statement("SELECT row, tbl, old_place FROM exit WHERE seq > ? AND seq <= ? ORDER BY seq");
  exits.bind(1, since);
  exits.bind(2, last);
  std::vector<std::pair<std::string, int>> gone;
  while (exits.executeStep()) {
    Place old = exits.getColumn(2).isNull() ? Place() : Place(exits.getColumn(2).getString());
    if (access.reads(old)) gone.emplace_back(exits.getColumn(0).getString(), exits.getColumn(1).getInt());
  }
  exits.reset();
  for (const auto& [row, tbl] : gone)
    if (!reads(row)) out.exits.push_back({static_cast<core::Table>(tbl), row});
  if (!out.more && !grid && withDigests) out.digests = digests(who);
  if (!out.more) out.duplicates = openPairs(reads);
  tx.commit();
  return out;
}

std::vector<std::pair<std::string, std::string>> SqliteStore::openPairs(
    const std::function<bool(const std::string&)>& reads) {
  auto& dups = statement("SELECT a, b FROM duplicate WHERE status = 'open' ORDER BY a, b");
  std::vector<std::pair<std::string, std::string>> pairs, out;
  while (dups.executeStep()) pairs.emplace_back(dups.getColumn(0).getString(), dups.getColumn(1).getString());
  dups.reset();
  // A pair across scopes names only the reader's side: "registered elsewhere in the county" (the
  // other id would open that person to a crafted push); the account that reads both sees the pair.
  std::set<std::string> elsewhere;
  for (auto& [a, b] : pairs) {
    bool readsA = reads(a), readsB = reads(b);
    if (readsA && readsB) out.emplace_back(a, b);
    else if (readsA || readsB) elsewhere.insert(readsA ? a : b);
  }
  for (const auto& row : elsewhere) out.emplace_back(row, std::string());
  return out;
}

std::vector<Conflict> SqliteStore::conflicts(const Account& who) {
  auto lock = lockRequest();
  std::vector<Conflict> out;
  if (!core::settlesProblems(who.role)) return out;  // grid leaders and above see and restore them
  auto& st = statement(
      "SELECT c.id, c.tbl, c.row, c.col, c.win_val, c.win_hlc, c.win_site, c.lose_val, c.lose_hlc, c.lose_site, "
      "c.account, c.at, c.restored, p.place, p.row IS NULL FROM conflict c LEFT JOIN place p ON p.row = c.row "
      "WHERE c.restored = 0 ORDER BY c.id");
  const core::Scope access = who.access(county_);
  while (st.executeStep()) {
    Place place = st.getColumn(13).isNull() ? Place() : Place(st.getColumn(13).getString());
    if (!access.reads(place)) continue;
    Conflict k;
    k.id = st.getColumn(0).getInt64();
    auto table = static_cast<core::Table>(st.getColumn(1).getInt());
    std::string row = st.getColumn(2).getString(), col = st.getColumn(3).getString();
    k.winner = {table, row, col, valueOf(st.getColumn(4)), core::Hlc::unpack(st.getColumn(5).getInt64()),
                st.getColumn(6).getString(), {}};
    k.loser = {table, row, col, valueOf(st.getColumn(7)), core::Hlc::unpack(st.getColumn(8).getInt64()),
               st.getColumn(9).getString(), {}};
    k.loserAccount = st.getColumn(10).getString();
    k.atMs = st.getColumn(11).getInt64();
    out.push_back(std::move(k));
  }
  st.reset();
  return out;
}

bool SqliteStore::restore(const Account& who, std::int64_t conflictId, core::HlcClock& clock) {
  auto all = conflicts(who);
  auto lock = lockRequest();
  for (const auto& k : all) {
    if (k.id != conflictId) continue;
    auto p = placeOf(k.loser.row);
    if (!who.access(county_).writes(p ? p->second : Place())) return false;
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    beginWrite(1);
    core::SyncCell back = k.loser;
    back.hlc = clock.now();
    back.site = kCenterSite;
    writeCell(back);
    if (p) markDirty(p->second);
    auto& done = statement("UPDATE conflict SET restored = 1 WHERE id = ?");
    done.bind(1, conflictId);
    done.exec();
    saveClocks(clock);
    tx.commit();
    return true;
  }
  return false;
}

}  // namespace gl::center
