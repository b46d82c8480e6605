#include "cli/cli_context.h"

#include <cstdlib>
#include <iostream>

#include "core/error.h"

namespace gl::cli {

std::filesystem::path defaultLedgerPath() {
  if (const char* env = std::getenv("GRIDLEDGER_DB"); env && *env) return env;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local" / "share";
  else base = std::filesystem::current_path();
  return base / "gridledger" / "ledger.gridledger";
}

std::filesystem::path Context::ledgerPath() const {
  return dbPath.empty() ? defaultLedgerPath() : std::filesystem::path(dbPath);
}

std::unique_ptr<db::Ledger> Context::open(db::Ledger::Mode mode) const {
  core::Date fixed = todayOr(core::Date{});
  auto ledger = db::Ledger::open(ledgerPath(), mode);
  if (!today.empty()) ledger->setToday(fixed);
  return ledger;
}

core::Date Context::todayOr(core::Date fallback) const {
  if (today.empty()) return fallback;
  auto d = core::Date::fromIso(today);
  if (!d) throw Error(Error::Kind::BadInput, N_("--today needs a date as YYYY-MM-DD, not “{value}”"), {{"value", today}});
  return *d;
}

void Context::print(const nlohmann::json& machine, const std::string& human) const {
  if (json)
    std::cout << machine.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else
    std::cout << human << (human.empty() || human.back() == '\n' ? "" : "\n");
}

}  // namespace gl::cli
