-- Regions (GB/T 2260 county 6 digits, township 9, community 12), grids, workers and quarantine
-- policies, plus the local sync bookkeeping: sites, sync state and the change log (`clock`).
-- Synced rows: `id` is a UUIDv7 made on the client; `deleted` is the tombstone (nothing synced is removed).

CREATE TABLE region (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  parent TEXT REFERENCES region(id) DEFERRABLE INITIALLY DEFERRED,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX region_code ON region(code);
CREATE INDEX region_parent ON region(parent);

CREATE TABLE worker (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  phone TEXT,
  role TEXT NOT NULL,
  scope TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE grid (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL,
  region TEXT NOT NULL REFERENCES region(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  leader TEXT REFERENCES worker(id) DEFERRABLE INITIALLY DEFERRED,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX grid_code ON grid(code);
CREATE INDEX grid_region ON grid(region);

CREATE TABLE policy (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  days INTEGER NOT NULL,
  slots_per_day INTEGER NOT NULL,
  test_days TEXT,
  extend_on_missed INTEGER,
  extension_days INTEGER,
  follow_on TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX policy_code ON policy(code);

-- Local only. Site 1 is this ledger; other rows are the sites whose changes were pulled.
CREATE TABLE site (
  n INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE
);

-- Local only, one row: this ledger's sync position and the last HLC it issued or saw.
CREATE TABLE sync_state (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  server TEXT,
  cursor INTEGER NOT NULL DEFAULT 0,
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  acked_seq INTEGER NOT NULL DEFAULT 0,
  pending INTEGER NOT NULL DEFAULT 0,  -- change-log entries above acked_seq, kept by the write code
  last_hlc INTEGER NOT NULL DEFAULT 0
);

-- Local only: ledger settings (county code and name, user preferences).
CREATE TABLE setting (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT
) WITHOUT ROWID;

-- The change log (docs/data-model.md §6), written by the ledger's write code (not triggers).
-- A new row is stamped once with col = '' for all its cells; a cell gets its own entry when it
-- changes later. seq is the local commit order: pending = seq above sync_state.acked_seq.
-- base is the clock this site had seen for the cell before its edit (NULL for new rows).
CREATE TABLE clock (
  seq INTEGER PRIMARY KEY,
  tbl INTEGER NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  hlc INTEGER NOT NULL,
  site INTEGER NOT NULL REFERENCES site(n),
  base INTEGER,
  UNIQUE (row, col)
);
