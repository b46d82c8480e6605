// What every gridctl command shares: the global options, opening the ledger they name, and printing
// results as human text or --json, with errors on stderr.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "db/ledger.h"

namespace gl::cli {

struct Context {
  std::string dbPath;  // --db, else $GRIDLEDGER_DB, else the platform data folder
  bool json = false;
  std::string lang;
  std::string today;   // --today YYYY-MM-DD (hidden; tests and benchmarks fix the date)
  int exitCode = 0;    // a command that printed its result but still failed in part (rejected rows) sets 1

  std::filesystem::path ledgerPath() const;
  // --today when given (refused unless YYYY-MM-DD), else `fallback`.
  core::Date todayOr(core::Date fallback) const;
  std::unique_ptr<db::Ledger> open(db::Ledger::Mode mode = db::Ledger::Mode::OpenExisting) const;
  void print(const nlohmann::json& machine, const std::string& human) const;
};

// The default ledger location: $GRIDLEDGER_DB, else $XDG_DATA_HOME/gridledger/ledger.gridledger
// (~/.local/share/gridledger/… when XDG_DATA_HOME is unset).
std::filesystem::path defaultLedgerPath();

// Subcommand registration, one function per command file.
void addLedgerCommands(CLI::App& app, Context& ctx);  // init, demo, stats
void addLookupCommands(CLI::App& app, Context& ctx);  // search, check-id
void addEditCommands(CLI::App& app, Context& ctx);    // set, delete
void addExportCommands(CLI::App& app, Context& ctx);  // export
void addImportCommands(CLI::App& app, Context& ctx);  // import, profiles
void addRosterCommands(CLI::App& app, Context& ctx);  // roster
void addSyncCommands(CLI::App& app, Context& ctx);    // sync

}  // namespace gl::cli
