-- The append-only, hash-chained audit log (PIPL art. 56 keeps processing records 3 years; MLPS 2.0
-- asks that audit records be protected from change) and live-row counts kept by the write code so
-- that today's figures need no table scan on a county-sized ledger.

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,          -- UTC time, ISO 8601
  hlc INTEGER NOT NULL,
  actor TEXT NOT NULL,       -- account or operating-system user
  action TEXT NOT NULL,      -- insert, update, tombstone, export, search, import, ...
  tbl TEXT,
  row TEXT,                  -- row id only: never a name or an identity number
  count INTEGER NOT NULL DEFAULT 1,
  detail TEXT,               -- column names or a purpose, never sensitive values
  hash BLOB NOT NULL         -- BLAKE2b(previous hash || this entry)
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE row_count (
  tbl INTEGER PRIMARY KEY,
  live INTEGER NOT NULL DEFAULT 0
);
