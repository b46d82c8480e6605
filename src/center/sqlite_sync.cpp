// The SQLite store's merge (push), pull, scope moves, duplicate pairs and conflict records.
#include <map>
#include <set>
#include <unordered_map>

#include "center/sqlite_store.h"
#include "core/columns.h"
#include "core/error.h"
#include "core/merge.h"

namespace gl::center {

using core::Table;

namespace {
// The column that says what a row hangs on, which decides its place.
std::string_view parentColumn(Table t) {
  switch (t) {
    case Table::Household: return core::col::household::grid;
    case Table::Resident: return core::col::resident::household;
    case Table::Quarantine: return core::col::quarantine::resident;
    case Table::HealthCheck: return core::col::health_check::quarantine;
    case Table::Visit: return core::col::visit::household;
    default: return {};
  }
}

void bindPlace(SQLite::Statement& st, int i, const Place& p) {
  if (p) st.bind(i, *p);
  else st.bind(i);
}

void bindValue(SQLite::Statement& st, int i, const core::Value& v) {
  if (v) st.bind(i, *v);
  else st.bind(i);
}

core::Value valueOf(const SQLite::Column& c) { return c.isNull() ? core::Value() : core::Value(c.getString()); }

constexpr const char* kUpsertRecent =
    "INSERT INTO recent (row, col, tbl, val, hlc, site, seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (row, col) "
    "DO UPDATE SET val = excluded.val, hlc = excluded.hlc, site = excluded.site, seq = excluded.seq";
constexpr const char* kUpsertMain =
    "INSERT INTO cell (row, col, tbl, val, hlc, site, seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (row, col) "
    "DO UPDATE SET val = excluded.val, hlc = excluded.hlc, site = excluded.site, seq = excluded.seq";
}  // namespace

std::optional<SqliteStore::Stored> SqliteStore::cell(const std::string& row, const std::string& column) {
  std::optional<Stored> out;
  for (auto [which, sql] : {std::pair{Hot::RecentCell, "SELECT val, hlc, site FROM recent WHERE row = ? AND col = ?"},
                            std::pair{Hot::MainCell, "SELECT val, hlc, site FROM cell WHERE row = ? AND col = ?"}}) {
    auto& st = hot(which, sql);
    st.bindNoCopy(1, row);
    st.bindNoCopy(2, column);
    if (st.executeStep())
      out = Stored{valueOf(st.getColumn(0)), core::Hlc::unpack(st.getColumn(1).getInt64()), st.getColumn(2).getString()};
    st.reset();
    if (out) break;
  }
  return out;
}

std::optional<std::pair<Table, Place>> SqliteStore::placeOf(const std::string& row) {
  auto& st = hot(Hot::Place, "SELECT tbl, place FROM place WHERE row = ?");
  st.bindNoCopy(1, row);
  std::optional<std::pair<Table, Place>> out;
  if (st.executeStep())
    out.emplace(static_cast<Table>(st.getColumn(0).getInt()),
                st.getColumn(1).isNull() ? Place() : Place(st.getColumn(1).getString()));
  st.reset();
  return out;
}

// `parent` is the value of the row's parent column after the merge.
Place SqliteStore::computePlace(Table table, const std::string& row, std::string* parent) {
  (void)row;
  if (parentColumn(table).empty()) return std::nullopt;
  if (parent->empty()) return std::string();
  if (table == Table::Household) {
    auto code = cell(*parent, std::string(core::col::grid::code));
    return code && code->value ? *code->value : std::string();
  }
  auto p = placeOf(*parent);
  return p ? p->second.value_or(std::string()) : std::string();
}

void SqliteStore::writeCell(const core::SyncCell& c, bool maybeRecent) {
  if (!intoRecent_ && maybeRecent) {  // an older version waiting in `recent` would hide this one
    auto& older = hot(Hot::DropRecent, "DELETE FROM recent WHERE row = ? AND col = ?");
    older.bindNoCopy(1, c.row);
    older.bindNoCopy(2, c.column);
    older.exec();
  }
  auto& st = intoRecent_ ? hot(Hot::WriteRecent, kUpsertRecent) : hot(Hot::WriteMain, kUpsertMain);
  st.bindNoCopy(1, c.row);
  st.bindNoCopy(2, c.column);
  st.bind(3, static_cast<int>(c.table));
  bindValue(st, 4, c.value);
  st.bind(5, static_cast<std::int64_t>(c.hlc.packed()));
  st.bindNoCopy(6, c.site);
  st.bind(7, nextSeq());
  st.exec();
  if (intoRecent_) ++recentCount_;
}

void SqliteStore::movePlace(const std::string& row, const Place& before, const Place& after) {
  std::int64_t seq = nextSeq();
  const char* subtree =
      "WITH RECURSIVE sub(r) AS (SELECT ? UNION SELECT p.row FROM place p JOIN sub ON p.parent = sub.r) ";
  auto& move = statement(std::string(subtree) + "UPDATE place SET place = ? WHERE row IN sub");
  move.bind(1, row);
  bindPlace(move, 2, after);
  move.exec();
  // The rows' entries, under the new sequence number, go to `recent` whatever its size (a subtree is small).
  auto& resend = statement(std::string(subtree) +
                           "INSERT INTO recent (row, col, tbl, val, hlc, site, seq) SELECT row, col, tbl, val, hlc, '', ? "
                           "FROM cell_now WHERE col = '' AND row IN sub ON CONFLICT (row, col) DO UPDATE SET "
                           "site = '', seq = excluded.seq");
  resend.bind(1, row);
  resend.bind(2, seq);
  recentCount_ += resend.exec();
  auto& exit = statement("INSERT INTO exit (seq, row, tbl, old_place) SELECT ?, row, tbl, ? FROM place WHERE row = ?");
  exit.bind(1, seq);
  bindPlace(exit, 2, before);
  exit.bind(3, row);
  exit.exec();
}

void SqliteStore::noteDuplicates(const std::string& resident, const core::Value& idNumber) {
  if (!idNumber || idNumber->empty()) return;
  auto& st = statement(
      "SELECT c.row FROM cell_now c WHERE c.col = 'id_number' AND c.val = ? AND c.row <> ? AND c.tbl = ? AND NOT EXISTS "
      "(SELECT 1 FROM cell_now d WHERE d.row = c.row AND d.col = 'deleted' AND d.val = '1')");
  st.bind(1, *idNumber);
  st.bind(2, resident);
  st.bind(3, static_cast<int>(Table::Resident));
  std::vector<std::string> others;
  while (st.executeStep()) others.push_back(st.getColumn(0).getString());
  st.reset();
  for (const auto& other : others) {
    auto& add = statement("INSERT OR IGNORE INTO duplicate (a, b) VALUES (?, ?)");
    add.bind(1, std::min(resident, other));
    add.bind(2, std::max(resident, other));
    add.exec();
  }
}

void SqliteStore::decideRow(const std::string& id, bool known, RowPush& row, sync::PushResponse& out) {
  const Table table = row.cells.front()->table;
  const auto& spec = core::tableSpec(table);
  core::RowMerge merge;
  std::vector<const core::SyncCell*> offered;
  for (auto* c : row.cells) {
    if (c->column != "deleted" && !spec.column(c->column)) {
      refuseCell(*c, core::refusal::kUnknownColumn, out, false);
      continue;
    }
    if (table != c->table) {
      refuseCell(*c, core::refusal::kWrongTable, out, false);
      continue;
    }
    // A row the store has never held has no cells yet (its first push, a county's first load).
    auto stored = known ? cell(id, c->column) : std::nullopt;
    std::optional<core::HeldCell> held;
    if (stored) held = core::HeldCell{{stored->hlc, stored->site}, false, false, false, stored->value == c->value};
    offered.push_back(c);
    auto d = merge.offer(c->column, {{c->hlc, c->site}, c->base}, held);
    core::SyncCell theirs;
    if (stored) theirs = {table, id, c->column, stored->value, stored->hlc, stored->site, {}};
    if (d.conflict) {
      Conflict k;
      k.winner = d.write ? *c : theirs;
      k.loser = d.write ? theirs : *c;
      row.conflicts.push_back(std::move(k));
    }
    if (d.heldStands) row.lost.push_back(std::move(theirs));
  }
  for (const auto& w : merge.winners()) row.latest[w.column] = offered[w.index];
}

void SqliteStore::recordConflict(const Conflict& k, Table table, const std::string& id, const Account& who,
                                 std::int64_t nowMs) {
  auto& st = statement(
      "INSERT INTO conflict (tbl, row, col, win_val, win_hlc, win_site, lose_val, lose_hlc, lose_site, account, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, static_cast<int>(table));
  st.bind(2, id);
  st.bind(3, k.winner.column);
  bindValue(st, 4, k.winner.value);
  st.bind(5, static_cast<std::int64_t>(k.winner.hlc.packed()));
  st.bind(6, k.winner.site);
  bindValue(st, 7, k.loser.value);
  st.bind(8, static_cast<std::int64_t>(k.loser.hlc.packed()));
  st.bind(9, k.loser.site);
  st.bind(10, who.name);
  st.bind(11, nowMs);
  st.exec();
}

void SqliteStore::pushRow(const Account& who, const std::string& id, RowPush& row, core::HlcClock& clock,
                          std::int64_t nowMs, sync::PushResponse& out, std::set<Place>& dirty) {
  const auto& cells = row.cells;
  const std::size_t refusedBefore = out.refused.size();
  const Table table = cells.front()->table;
  const auto& spec = core::tableSpec(table);
  auto known = placeOf(id);
  if (known && known->first != table) {
    for (auto* c : cells) refuseCell(*c, core::refusal::kWrongTable, out, false);
    return;
  }
  // Decide every cell first, write nothing until the row's scope is checked.
  decideRow(id, known.has_value(), row, out);
  // The row's place before and after, and whether this account may write there.
  std::string parent;
  bool moves = !known;
  if (auto col = parentColumn(table); !col.empty()) {
    if (auto it = row.latest.find(std::string(col)); it != row.latest.end()) {
      parent = it->second->value.value_or("");
      moves = true;
    }
  }
  // A row whose parent column does not change stays where it is.
  Place after = moves ? computePlace(table, id, &parent) : known->second;
  const core::Scope access = who.access(county_);
  if (!access.writes(after) || (known && !access.writes(known->second))) {
    // The row's values go back only to an account that reads where it stands (one moving a household
    // out of its grid gets it back); to anyone else a refusal says nothing of the row.
    const bool readable = known && access.reads(known->second);
    for (auto* c : cells)
      if (c->column == "deleted" || spec.column(c->column))
        refuseCell(*c, core::refusal::kOutsideScope, out, readable);
    return;
  }
  if (!ruleRow(id, known.has_value(), row, nowMs, out)) return;
  if (!known) writeCell({table, id, "", std::nullopt, cells.front()->hlc, cells.front()->site, {}}, false);
  for (const auto& [col, c] : row.latest) {
    writeCell(*c, known.has_value());
    clock.receive(c->hlc);
  }
  for (auto& d : row.derived)
    writeCell({table, id, d.column, std::move(d.value), clock.now(), std::string(kCenterSite), {}}, known.has_value());
  out.accepted += static_cast<std::int64_t>(cells.size() - (out.refused.size() - refusedBefore));
  if (moves) {
    auto& place = statement("INSERT OR REPLACE INTO place (row, tbl, parent, place) VALUES (?, ?, ?, ?)");
    place.bind(1, id);
    place.bind(2, static_cast<int>(table));
    if (parent.empty()) place.bind(3);
    else place.bind(3, parent);
    bindPlace(place, 4, after);
    place.exec();
  }
  if (known && known->second != after) {
    movePlace(id, known->second, after);
    dirty.insert(known->second);
  }
  dirty.insert(after);
  const std::string idNumber(core::col::resident::idNumber);
  if (table == Table::Resident && (row.latest.count(idNumber) || row.latest.count("deleted"))) {
    auto dead = cell(id, "deleted");
    if (!dead || dead->value != "1") noteDuplicates(id, cell(id, idNumber) ? cell(id, idNumber)->value : core::Value());
  }
  for (const auto& k : row.conflicts) {
    recordConflict(k, table, id, who, nowMs);
    ++out.conflicts;
  }
  for (auto& l : row.lost) out.lost.push_back(std::move(l));
}

std::string SqliteStore::push(const Account& who, const sync::PushRequest& request, const std::string& bodyHash,
                              core::HlcClock& clock, std::int64_t nowMs) {
  auto lock = lockRequest();
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  struct Reload {
    SqliteStore& s;
    bool done = false;
    ~Reload() {
      if (done) return;
      s.recentCount_ = -1;
      try {
        s.loadSeq();
      } catch (...) {  // the counter stays ahead: numbers are skipped, never reused
      }
    }
  } reload{*this};
  beginWrite(request.changes.size());
  sync::PushResponse out;
  out.batch = request.batch;
  std::set<Place> dirty;  // places whose digests this push changes

  // The cells of each row, rows in the order the batch names them first.
  std::vector<std::string> order;
  std::unordered_map<std::string, RowPush> rows;
  for (const auto& c : request.changes) {
    auto [it, added] = rows.try_emplace(c.row);
    if (added) order.push_back(c.row);
    it->second.cells.push_back(&c);
  }
  for (const auto& id : order) pushRow(who, id, rows[id], clock, nowMs, out, dirty);
  for (const auto& p : dirty) markDirty(p);
  out.serverClock = clock.now();
  std::string response = sync::encode(out);
  auto& keep = statement("INSERT INTO batch (site, batch, body_hash, response) VALUES (?, ?, ?, ?)");
  keep.bind(1, request.site);
  keep.bind(2, request.batch);
  keep.bind(3, bodyHash);
  keep.bind(4, response);
  keep.exec();
  saveClocks(clock);
  tx.commit();
  reload.done = true;
  return response;
}

}  // namespace gl::center
