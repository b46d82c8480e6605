-- The search index gains two kinds of term (docs/import.md §4): a household's matching key (k:, the
-- address and flat as one key, so an import finds a household without reading them all) and a
-- travel permit's lifetime number (i: of its first 9 or 8 characters, so a reissued 回乡证 or 台胞证
-- is the same person). Terms are derived from the rows: the ledger rebuilds the index when it opens
-- and finds this mark, then removes the mark.
INSERT OR REPLACE INTO setting (key, value) VALUES ('search_index_stale', '1');
