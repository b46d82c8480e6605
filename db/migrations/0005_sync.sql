-- The sync client's local bookkeeping (docs/sync-protocol.md §4): where this ledger syncs, the
-- account's token (never the password), the push batch kept byte for byte until the data center
-- acknowledges it, and what the data center refused or found, listed for the user.

ALTER TABLE sync_state ADD COLUMN account TEXT;
ALTER TABLE sync_state ADD COLUMN token TEXT;
ALTER TABLE sync_state ADD COLUMN role TEXT;
ALTER TABLE sync_state ADD COLUMN scope TEXT;
ALTER TABLE sync_state ADD COLUMN last_sync TEXT;  -- UTC time of the last completed sync

-- At most one batch in flight: its body is stored before the first send and re-sent unchanged.
CREATE TABLE sync_outbox (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  batch TEXT NOT NULL,
  body BLOB NOT NULL,   -- the exact bytes sent (JSON before gzip)
  up_to INTEGER NOT NULL -- the change-log seq the batch covers
);

-- Cells the data center refused, with its reason code; the user sees them until they clear them.
CREATE TABLE sync_refusal (
  n INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  tbl INTEGER NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  reason TEXT NOT NULL,
  value TEXT             -- the value refused (the data center's is back in the ledger)
);

-- Two residents with one identity number, as the data center reported them (open pairs only).
CREATE TABLE sync_duplicate (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE INDEX clock_site_seq ON clock(site, seq);
