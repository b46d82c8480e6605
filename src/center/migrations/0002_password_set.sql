-- Version 2: when each account's password was last set, for the expiry (docs/security.md §2). The
-- accounts a store already holds count from the upgrade, so none expires the moment it comes.
ALTER TABLE account ADD COLUMN password_set INTEGER NOT NULL DEFAULT 0;
UPDATE account SET password_set = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER);
