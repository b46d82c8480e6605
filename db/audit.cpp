#include "db/internal/audit.h"

#include <sodium.h>

#include <array>
#include <ctime>
#include <string>

#include "db/internal/ledger_state.h"

namespace gl::db {

namespace {

using Hash = std::array<unsigned char, 32>;


// BLAKE2b-256 over the previous hash and every field, each field length-prefixed so that no two
// different entries share an encoding.
Hash chain(const std::string& previous, const std::string& at, std::int64_t hlc, std::string_view actor,
           std::string_view action, std::string_view table, std::string_view row, std::int64_t count,
           std::string_view detail) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  auto add = [&](std::string_view field) {
    std::string len = std::to_string(field.size()) + ":";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
  };
  add(previous);
  add(at);
  add(std::to_string(hlc));
  add(actor);
  add(action);
  add(table);
  add(row);
  add(std::to_string(count));
  add(detail);
  Hash out{};
  crypto_generichash_final(&st, out.data(), out.size());
  return out;
}

std::string lastHash(LedgerState& s) {
  auto& st = s.statement("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
  std::string h;
  if (st.executeStep()) {
    auto col = st.getColumn(0);
    h.assign(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
  }
  st.reset();
  return h;
}

}  // namespace

void appendAudit(LedgerState& s, std::string_view action, std::string_view table, std::string_view row,
                 std::int64_t count, std::string_view detail) {
  std::string at = utcNow();
  std::int64_t hlc = static_cast<std::int64_t>(s.clock.now().packed());
  Hash h = chain(lastHash(s), at, hlc, s.actor, action, table, row, count, detail);
  auto& st = s.statement(
      "INSERT INTO audit (at, hlc, actor, action, tbl, row, count, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, at);
  st.bind(2, hlc);
  st.bind(3, s.actor);
  st.bind(4, std::string(action));
  st.bind(5, std::string(table));
  if (row.empty()) st.bind(6);
  else st.bind(6, std::string(row));
  st.bind(7, count);
  if (detail.empty()) st.bind(8);
  else st.bind(8, std::string(detail));
  st.bind(9, h.data(), static_cast<int>(h.size()));
  st.exec();
}

std::int64_t firstBrokenAuditEntry(LedgerState& s) {
  SQLite::Statement st(*s.db, "SELECT seq, at, hlc, actor, action, tbl, row, count, detail, hash FROM audit ORDER BY seq");
  std::string previous;
  while (st.executeStep()) {
    auto text = [&](int i) { return st.getColumn(i).isNull() ? std::string() : st.getColumn(i).getString(); };
    Hash h = chain(previous, text(1), st.getColumn(2).getInt64(), text(3), text(4), text(5), text(6),
                   st.getColumn(7).getInt64(), text(8));
    auto stored = st.getColumn(9);
    std::string storedHash(static_cast<const char*>(stored.getBlob()), static_cast<std::size_t>(stored.getBytes()));
    if (storedHash != std::string(reinterpret_cast<const char*>(h.data()), h.size())) return st.getColumn(0).getInt64();
    previous = storedHash;
  }
  return 0;
}

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace gl::db
