-- Version 4: the record rules look a quarantine's policy up by its code at every push of a case
-- (docs/sync-protocol.md §5): codes (of regions, grids and policies, a few thousand rows) get an index
-- of their own, as identity numbers have, instead of a scan of every cell.
CREATE INDEX IF NOT EXISTS cell_code ON cell(val) WHERE col = 'code';
CREATE INDEX IF NOT EXISTS recent_code ON recent(val) WHERE col = 'code';
