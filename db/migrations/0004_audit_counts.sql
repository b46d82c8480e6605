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

-- A ledger upgraded from version 3 already has rows: count them once here.
INSERT INTO row_count (tbl, live)
SELECT 1, count(*) FROM region WHERE deleted = 0 UNION ALL
SELECT 2, count(*) FROM grid WHERE deleted = 0 UNION ALL
SELECT 3, count(*) FROM worker WHERE deleted = 0 UNION ALL
SELECT 4, count(*) FROM household WHERE deleted = 0 UNION ALL
SELECT 5, count(*) FROM resident WHERE deleted = 0 UNION ALL
SELECT 6, count(*) FROM quarantine WHERE deleted = 0 UNION ALL
SELECT 7, count(*) FROM health_check WHERE deleted = 0 UNION ALL
SELECT 8, count(*) FROM visit WHERE deleted = 0 UNION ALL
SELECT 9, count(*) FROM campaign WHERE deleted = 0 UNION ALL
SELECT 10, count(*) FROM policy WHERE deleted = 0;
