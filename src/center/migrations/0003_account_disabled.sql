-- Version 3: an account can be disabled (a worker who left): it signs nothing in and its tokens are gone,
-- but its name stays in the conflict records and logs that mention it (docs/security.md §2).
ALTER TABLE account ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
