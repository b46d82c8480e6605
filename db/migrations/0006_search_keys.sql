-- The search index gains two kinds of term (docs/import.md §4): a household's matching key (k:, the
-- address and flat as one key, so an import finds a household without reading them all) and a
-- travel permit's lifetime number (i: of its first 9 or 8 characters, so a reissued 回乡证 or 台胞证
-- is the same person). Terms are derived from the rows: the ledger rebuilds the index when it opens
-- and finds this mark, then removes the mark.
INSERT OR REPLACE INTO setting (key, value) VALUES ('search_index_stale', '1');

-- Terms of a bulk write that is small beside the index (a daily list into a county's ledger) go here
-- instead of into search_term, whose every leaf page they would otherwise touch; lookups read both, and
-- the ledger folds these into search_term once they are many (docs/data-model.md §7).
CREATE TABLE search_recent (
  term TEXT NOT NULL,
  tbl INTEGER NOT NULL,
  rid INTEGER NOT NULL,
  PRIMARY KEY (term, tbl, rid)
) WITHOUT ROWID;

-- FTS5 merges the address index's segments as each write adds one; in a county's ledger that merging
-- cost a daily list's import 0.3 s of its 0.9. With automatic merging off, segments are still merged
-- by FTS5's "crisis merge" once 16 wait at a level: the index stays bounded, and the work is done
-- fewer times over (docs/data-model.md §7).
INSERT INTO household_address (household_address, rank) VALUES ('automerge', 0);
