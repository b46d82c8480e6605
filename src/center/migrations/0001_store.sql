-- The data center's store, version 1: what every store since the first release holds. Written with
-- IF NOT EXISTS because stores made before migrations were numbered (user_version 0) already have
-- these tables; later versions change the schema in files of their own (0002_….sql …).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS account (
  name TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL, hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS token (hash TEXT PRIMARY KEY NOT NULL, account TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;
-- The county's merged cells: the newest value of every (row, column) and the commit that wrote it.
-- col '' is the row's own entry: a pull that meets it sends the whole row.
CREATE TABLE IF NOT EXISTS cell (
  row TEXT NOT NULL, col TEXT NOT NULL, tbl INTEGER NOT NULL, val TEXT, hlc INTEGER NOT NULL,
  site TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (row, col)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cell_seq ON cell(seq);
CREATE INDEX IF NOT EXISTS cell_id_number ON cell(val) WHERE col = 'id_number';
CREATE INDEX IF NOT EXISTS cell_resident ON cell(val) WHERE col = 'resident';
-- Cells written since the last fold (sqlite_upkeep.cpp), laid out as `cell`. A push writes here: ten
-- thousand scattered cells dirty a few hundred pages of this small table, where in `cell` they dirty
-- one page each (40 MB of write-ahead log to write and fsync). Where a cell is in both, this one is
-- the newer; the fold moves them into `cell` while the data center is idle.
CREATE TABLE IF NOT EXISTS recent (
  row TEXT NOT NULL, col TEXT NOT NULL, tbl INTEGER NOT NULL, val TEXT, hlc INTEGER NOT NULL,
  site TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (row, col)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS recent_seq ON recent(seq);
CREATE INDEX IF NOT EXISTS recent_id_number ON recent(val) WHERE col = 'id_number';
CREATE INDEX IF NOT EXISTS recent_resident ON recent(val) WHERE col = 'resident';
-- Every cell's current version, for the queries that do not need to choose the table themselves.
CREATE VIEW IF NOT EXISTS cell_now AS
  SELECT row, col, tbl, val, hlc, site, seq FROM recent
  UNION ALL
  SELECT row, col, tbl, val, hlc, site, seq FROM cell c
   WHERE NOT EXISTS (SELECT 1 FROM recent r WHERE r.row = c.row AND r.col = c.col);
-- Where each row belongs (the grid code of its household; NULL for reference rows) and what it hangs on.
CREATE TABLE IF NOT EXISTS place (row TEXT PRIMARY KEY NOT NULL, tbl INTEGER NOT NULL, parent TEXT, place TEXT) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS place_parent ON place(parent);
CREATE INDEX IF NOT EXISTS place_place ON place(place);
-- Per-grid digests (core/scope.h GridDigest), recomputed when a pull needs one that a write made dirty.
CREATE TABLE IF NOT EXISTS digest (
  place TEXT PRIMARY KEY NOT NULL, rows INTEGER NOT NULL DEFAULT 0, hash INTEGER NOT NULL DEFAULT 0,
  dirty INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exit (seq INTEGER NOT NULL, row TEXT NOT NULL, tbl INTEGER NOT NULL, old_place TEXT);
CREATE INDEX IF NOT EXISTS exit_seq ON exit(seq);
CREATE TABLE IF NOT EXISTS batch (
  site TEXT NOT NULL, batch TEXT NOT NULL, body_hash TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (site, batch)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS conflict (
  id INTEGER PRIMARY KEY, tbl INTEGER NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL,
  win_val TEXT, win_hlc INTEGER NOT NULL, win_site TEXT NOT NULL,
  lose_val TEXT, lose_hlc INTEGER NOT NULL, lose_site TEXT NOT NULL,
  account TEXT NOT NULL, at INTEGER NOT NULL, restored INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS duplicate (a TEXT NOT NULL, b TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', PRIMARY KEY (a, b)) WITHOUT ROWID;
