#include "db/internal/sync_apply.h"

#include <algorithm>

#include "core/columns.h"
#include "core/merge.h"
#include "db/internal/row_io.h"

namespace gl::db {

namespace col = core::col;

namespace {
const core::ColumnSpec* columnOf(const core::TableSpec& spec, const std::string& name) { return spec.column(name); }

bool isLive(const core::Value& deleted) { return !deleted || *deleted == "0"; }
}  // namespace

RemoteApply::RemoteApply(LedgerState& s, bool force)
    : s_(s), force_(force), acked_(s.db->execAndGet("SELECT acked_seq FROM sync_state WHERE one = 1").getInt64()), index_(s) {
  index_.batch();
}

void RemoteApply::add(const SyncCell& cell) {
  auto [it, added] = rows_.try_emplace(cell.row);
  if (added) order_.emplace_back(cell.table, cell.row);
  it->second.push_back(cell);
}

std::map<std::string, RemoteApply::Local> RemoteApply::localClocks(const std::string& row) {
  auto& st = s_.statement("SELECT col, seq, hlc, site FROM clock WHERE row = ?");
  st.bind(1, row);
  std::map<std::string, Local> out;
  while (st.executeStep()) {
    int site = st.getColumn(3).getInt();
    out.emplace(st.getColumn(0).getString(), Local{st.getColumn(1).getInt64(), st.getColumn(2).getInt64(), site, {}});
  }
  st.reset();
  for (auto& [col, local] : out) local.siteUuid = siteUuid(local.site);
  return out;
}

const std::string& RemoteApply::siteUuid(int n) {
  if (auto it = uuids_.find(n); it != uuids_.end()) return it->second;
  auto& st = s_.statement("SELECT uuid FROM site WHERE n = ?");
  st.bind(1, n);
  std::string uuid = st.executeStep() ? st.getColumn(0).getString() : std::string();
  st.reset();
  return uuids_.emplace(n, std::move(uuid)).first->second;
}

int RemoteApply::siteNumber(const std::string& uuid) {
  if (auto it = sites_.find(uuid); it != sites_.end()) return it->second;
  auto& add = s_.statement("INSERT OR IGNORE INTO site (uuid) VALUES (?)");
  add.bind(1, uuid);
  add.exec();
  auto& get = s_.statement("SELECT n FROM site WHERE uuid = ?");
  get.bind(1, uuid);
  get.executeStep();
  int n = get.getColumn(0).getInt();
  get.reset();
  sites_.emplace(uuid, n);
  uuids_.emplace(n, uuid);
  return n;
}

ApplyStats RemoteApply::finish() {
  for (const auto& [table, id] : order_) writeRow(table, id, rows_[id]);
  index_.flush();
  index_.foldIfMany();
  for (const auto& [tbl, delta] : liveDelta_) addLiveRows(s_, tbl, delta);
  auto& st = s_.statement("UPDATE sync_state SET last_hlc = max(last_hlc, ?) WHERE one = 1");
  st.bind(1, static_cast<std::int64_t>(s_.clock.last().packed()));
  st.exec();
  return stats_;
}

std::vector<const SyncCell*> RemoteApply::winnersOf(const core::TableSpec& spec, const std::vector<SyncCell>& cells,
                                                    const std::map<std::string, Local>& clocks) {
  auto clockOf = [&](const std::string& column) -> std::optional<Local> {
    auto it = clocks.find(column);
    return it == clocks.end() ? std::nullopt : std::optional<Local>(it->second);
  };
  auto created = clockOf("");
  // The cells that win, one per column (a page may carry a cell twice: a row's entry and a later
  // edit), by the one merge rule (core/merge.h).
  core::RowMerge merge(force_);
  std::vector<const SyncCell*> offered;
  for (const auto& cell : cells) {
    if (cell.column != "deleted" && !columnOf(spec, cell.column)) continue;
    auto local = clockOf(cell.column);
    bool rowStamp = !local && created;
    if (!local) local = created;
    std::optional<core::HeldCell> held;
    if (local)
      held = core::HeldCell{{core::Hlc::unpack(local->hlc), local->siteUuid}, rowStamp, local->site == 1,
                            local->site == 1 && local->seq > acked_, false};
    offered.push_back(&cell);
    if (!merge.offer(cell.column, {{cell.hlc, cell.site}, std::nullopt}, held).write) ++stats_.kept;
  }
  std::vector<const SyncCell*> winners;
  for (const auto& w : merge.winners()) winners.push_back(offered[w.index]);
  return winners;
}

// Only the columns that change: SQLite then leaves the indexes of the others alone.
SQLite::Statement& RemoteApply::updateStatement(const core::TableSpec& spec, const std::string& id,
                                                const std::vector<const SyncCell*>& winners, bool live) {
  std::string sql = "UPDATE " + std::string(spec.name) + " SET ";
  for (auto* w : winners) sql.append(w->column).append(" = ?, ");
  sql.resize(sql.size() - 2);
  sql.append(" WHERE id = ?");
  auto& write = s_.statement(sql);
  int i = 1;
  for (auto* w : winners) {
    if (w->column == "deleted") {
      write.bind(i++, live ? 0 : 1);
      continue;
    }
    const auto& c = *spec.column(w->column);
    if (c.required && !w->value) write.bind(i++, std::string());
    else bindValue(write, i++, c, w->value);
  }
  write.bind(i, id);
  return write;
}

void RemoteApply::writeRow(core::Table table, const std::string& id, const std::vector<SyncCell>& cells) {
  const auto& spec = core::tableSpec(table);
  auto clocks = localClocks(id);
  const std::vector<const SyncCell*> winners = winnersOf(spec, cells, clocks);
  if (winners.empty()) return;

  // The search index only where a searched column (or the tombstone) changed: most edits are notes,
  // and for those the row is not read whole.
  bool searched = false;
  const std::string_view kSearched[] = {col::resident::name,         col::resident::idNumber,
                                        col::resident::phone,        col::household::phone,
                                        col::household::householdNo, col::household::address,
                                        col::household::building,    col::household::unit,
                                        col::household::room,        "deleted"};
  for (auto* w : winners)
    for (auto c : kSearched) searched |= w->column == c;
  bool indexing = SearchIndex::indexed(table) && searched;
  bool tombstone = std::any_of(winners.begin(), winners.end(), [](const SyncCell* w) { return w->column == "deleted"; });

  auto update = [&](bool live) -> SQLite::Statement& { return updateStatement(spec, id, winners, live); };

  std::optional<Row> current;
  std::int64_t rid = 0;
  bool written = false;
  if (!indexing && !tombstone && !clocks.empty()) {  // a row with no change-log entry is not here yet
    // Most pulled edits: a few unsearched cells of a row the ledger has, written without reading it
    // first. Neither its search terms nor whether it is live change, so nothing else is needed of it.
    written = update(true).exec() > 0;
    if (written) current.emplace();  // there, and as live as it was: its cells and flag stay unread
  }
  if (!written) {
    auto& read = s_.statement(indexing ? "SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) + " WHERE id = ?"
                                       : "SELECT deleted FROM " + std::string(spec.name) + " WHERE id = ?");
    read.bind(1, id);
    if (read.executeStep()) {
      if (indexing) {
        current = readRow(read, spec, &rid);
      } else {
        current.emplace();
        current->deleted = read.getColumn(0).getInt() != 0;
      }
    }
    read.reset();
  }
  indexing = SearchIndex::indexed(table) && (searched || !current);

  core::Cells next = current ? current->cells : core::Cells{};
  core::Value deleted = current ? core::Value(current->deleted ? "1" : "0") : core::Value("0");
  if (!current)
    for (const auto& c : spec.columns) next.push_back({std::string(c.name), std::nullopt});
  for (auto* w : winners) {
    if (w->column == "deleted") deleted = w->value.value_or("0");
    else setCell(next, w->column, w->value);
  }
  bool wasLive = current && !current->deleted;
  bool live = isLive(deleted);

  if (current && !written) {
    update(live).exec();
  } else if (!current) {
    rid = insertRow(spec, id, next, live);
  }
  if (!written) liveDelta_[static_cast<int>(table)] += (live ? 1 : 0) - (wasLive ? 1 : 0);
  if (indexing) {
    if (wasLive) index_.remove(table, rid, current->cells);
    if (live) index_.add(table, rid, next);
  }
  stamp(table, id, winners, clocks, !current);
  stats_.applied += static_cast<std::int64_t>(winners.size());
}

std::int64_t RemoteApply::insertRow(const core::TableSpec& spec, const std::string& id, const core::Cells& next,
                                    bool live) {
  std::string sql = "INSERT INTO " + std::string(spec.name) + " (";
  for (const auto& c : spec.columns) sql.append(c.name).append(", ");
  sql += "deleted, id) VALUES (";
  for (std::size_t i = 0; i < spec.columns.size(); ++i) sql += "?, ";
  sql += "?, ?)";
  auto& write = s_.statement(sql);
  int i = 1;
  for (const auto& c : spec.columns) {
    const core::Value* v = findCell(next, c.name);
    // A required column not delivered yet (its newest value comes later in the pull) holds "" until then.
    if (c.required && (!v || !*v)) write.bind(i++, std::string());
    else bindValue(write, i++, c, v ? *v : std::nullopt);
  }
  write.bind(i++, live ? 0 : 1);
  write.bind(i++, id);
  write.exec();
  return s_.db->getLastInsertRowid();
}

void RemoteApply::stamp(core::Table table, const std::string& id, const std::vector<const SyncCell*>& winners,
                        const std::map<std::string, Local>& clocks, bool newRow) {
  // A new row whose cells share one stamp gets one change-log entry for all of them, as a row made
  // here does; otherwise each cell its own.
  bool oneStamp = newRow && std::all_of(winners.begin(), winners.end(), [&](const SyncCell* w) {
    return w->hlc == winners.front()->hlc && w->site == winners.front()->site;
  });
  for (auto* w : winners) {
    if (oneStamp && w != winners.front()) continue;
    s_.clock.receive(w->hlc);
    // A cell with an entry of its own keeps it (and its place in the log), restamped: a pulled
    // cell's seq is never pending, only a local edit's is (ChangeLog gives those a new one).
    if (auto it = clocks.find(w->column); !oneStamp && it != clocks.end()) {
      // The same site as before (most often: the same worker edits the same cells) leaves the
      // index on (site, seq) alone, which SQLite rewrites for any update naming the column.
      int site = siteNumber(w->site);
      bool sameSite = site == it->second.site;
      auto& restamp = s_.statement(sameSite ? "UPDATE clock SET hlc = ?, base = NULL WHERE seq = ?"
                                            : "UPDATE clock SET hlc = ?, base = NULL, site = ? WHERE seq = ?");
      restamp.bind(1, static_cast<std::int64_t>(w->hlc.packed()));
      if (!sameSite) restamp.bind(2, site);
      restamp.bind(sameSite ? 2 : 3, it->second.seq);
      restamp.exec();
      continue;
    }
    auto& log = s_.statement("INSERT OR REPLACE INTO clock (tbl, row, col, hlc, site, base) VALUES (?, ?, ?, ?, ?, NULL)");
    log.bind(1, static_cast<int>(table));
    log.bind(2, id);
    log.bind(3, oneStamp ? std::string() : w->column);
    log.bind(4, static_cast<std::int64_t>(w->hlc.packed()));
    log.bind(5, siteNumber(w->site));
    log.exec();
  }
}

namespace {
// The rows that hang on a row, children before parents, as (table, id).
void collect(LedgerState& s, core::Table table, const std::string& id,
             std::vector<std::pair<core::Table, std::string>>& out) {
  using core::Table;
  auto children = [&](Table child, const char* sql) {
    std::vector<std::string> ids;
    auto& st = s.statement(sql);
    st.bind(1, id);
    while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
    st.reset();
    for (const auto& c : ids) collect(s, child, c, out);
  };
  switch (table) {
    case Table::Household:
      children(Table::Resident, "SELECT id FROM resident WHERE household = ?");
      children(Table::Visit, "SELECT id FROM visit WHERE household = ?");
      break;
    case Table::Resident:
      children(Table::Quarantine, "SELECT id FROM quarantine WHERE resident = ?");
      break;
    case Table::Quarantine:
      children(Table::HealthCheck, "SELECT id FROM health_check WHERE quarantine = ?");
      break;
    default:
      break;
  }
  out.emplace_back(table, id);
}
}  // namespace

std::int64_t removeOutOfScope(LedgerState& s, const std::vector<ScopeExit>& exits, std::set<int>& touched) {
  std::vector<std::pair<core::Table, std::string>> rows;
  for (const auto& e : exits) collect(s, e.table, e.row, rows);
  SearchIndex index(s);
  std::int64_t removed = 0;
  for (const auto& [table, id] : rows) {
    const auto& spec = core::tableSpec(table);
    if (SearchIndex::indexed(table)) {
      auto& read = s.statement("SELECT " + selectColumns(spec) + " FROM " + std::string(spec.name) + " WHERE id = ?");
      read.bind(1, id);
      if (read.executeStep()) {
        std::int64_t rid = 0;
        Row row = readRow(read, spec, &rid);
        read.reset();
        if (!row.deleted) index.remove(table, rid, row.cells);
      }
      read.reset();
    }
    auto& del = s.statement("DELETE FROM " + std::string(spec.name) + " WHERE id = ?");
    del.bind(1, id);
    del.exec();
    removed += s.db->getChanges();
    auto& log = s.statement("DELETE FROM clock WHERE row = ?");
    log.bind(1, id);
    log.exec();
    touched.insert(static_cast<int>(table));
  }
  index.flush();
  return removed;
}

void recount(LedgerState& s, const std::set<int>& tables) {
  for (int t : tables) {
    const auto& spec = core::tableSpec(static_cast<core::Table>(t));
    auto& st = s.statement("INSERT INTO row_count (tbl, live) VALUES (?, (SELECT count(*) FROM " +
                           std::string(spec.name) + " WHERE deleted = 0)) ON CONFLICT (tbl) DO UPDATE SET live = excluded.live");
    st.bind(1, t);
    st.exec();
  }
}

void refreshPending(LedgerState& s) {
  s.db->exec(
      "UPDATE sync_state SET pending = (SELECT count(*) FROM clock WHERE site = 1 AND seq > sync_state.acked_seq) "
      "WHERE one = 1");
}

}  // namespace gl::db
