-- Households and residents, with the search index: name, pinyin initials, full pinyin, identity
-- and phone numbers (stored reversed, so "last 4+ digits" is a prefix range on an index) and
-- household numbers in search_term; address text in a trigram FTS5 table.
-- rid is an explicit INTEGER PRIMARY KEY so that VACUUM never renumbers the rows the search index
-- points at; id stays the synced key.

CREATE TABLE household (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  grid TEXT REFERENCES grid(id) DEFERRABLE INITIALLY DEFERRED,
  household_no TEXT,
  building TEXT,
  unit TEXT,
  room TEXT,
  address TEXT NOT NULL,
  kind TEXT,
  phone TEXT,
  notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX household_grid ON household(grid, building, unit, room);

CREATE TABLE resident (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  household TEXT REFERENCES household(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  sex TEXT,
  id_type TEXT,
  id_number TEXT,
  birth_date TEXT,
  ethnicity TEXT,
  phone TEXT,
  relation TEXT,
  residence TEXT,
  care_flags TEXT,
  notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX resident_household ON resident(household);

-- Local, derived: rebuilt from the rows at any time. term = kind letter + ':' + key.
CREATE TABLE search_term (
  term TEXT NOT NULL,
  tbl INTEGER NOT NULL,
  rid INTEGER NOT NULL,
  PRIMARY KEY (term, tbl, rid)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE household_address USING fts5(address, content='', tokenize='trigram');
