// SQLite set-up both stores need — the client's ledger (db/) and the data center's store
// (src/center/): the process-wide settings, and connections whose checks are on.
#pragma once

namespace SQLite {
class Database;
}

namespace gl::sqlite {

// Process-wide SQLite settings, before the first connection: no memory statistics, which take a global
// mutex on every allocation. Safe to call any number of times from any thread.
void configureSqlite();

// Turns SQLite's foreign-key checks on and reads them back: the pragma is silently ignored inside a
// transaction, so a connection that did not take it throws (Internal) instead of writing unchecked.
void requireForeignKeys(SQLite::Database& db);

}  // namespace gl::sqlite
