#!/bin/sh
# The layers' rules that include paths alone cannot keep on Debian, where SQLiteCpp, curl and the
# other libraries' headers sit in /usr/include and compile from anywhere (docs/architecture.md §2):
# each library's headers are included only by the folders that may link it, and gl_db's internal
# headers (db/internal/) only by gl_db. wx needs no line here: its headers are outside the default
# path, and only gl_app links them.
# Usage: check_layers.sh <repository root>
cd "$1" || exit 2
status=0
# header pattern ; folders allowed (an egrep alternation) ; the rule, as a failure names it
while IFS=';' read -r header allowed rule; do
  found=$(grep -rlE "^#include [<\"]($header)" src db sync 2>/dev/null | grep -vE "^($allowed)/" || true)
  if [ -n "$found" ]; then
    echo "$rule:" >&2
    echo "$found" | sed 's/^/  /' >&2
    status=1
  fi
done <<'RULES'
SQLiteCpp/;db|src/center|src/sqlite;SQL outside db/ and the data center's store
sqlite3\.h;db|src/sqlite;SQLite's C API outside db/
curl/;sync;the network outside sync/
httplib\.h;src/center;an HTTP server outside src/center
(cairo|pango);src/report|src/app;drawing outside src/report and the window
(expat|zip|xlsxwriter|freexl)\.h;src/exchange;spreadsheet libraries outside src/exchange
db/internal/;db;the ledger's internal headers outside db/ (white-box tests in tests/db may use them)
RULES
exit $status
