// gridctl init, demo and stats.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/region_codes.h"
#include "core/error.h"
#include "demo/demo.h"
#include "text/labels.h"
#include "text/text.h"
#include "db/figure_queries.h"

namespace gl::cli {

using text::format;
using text::tr;

namespace {

void runInit(const Context& ctx, const std::string& county, const std::string& name) {
  core::checkCounty(county, name);  // before the file exists: a refused init leaves nothing behind
  auto ledger = ctx.open(db::Ledger::Mode::CreateNew);
  ledger->initialize(county, name);
  // xgettext:python-brace-format
  ctx.print({{"ledger", ledger->path().string()}, {"county", county}, {"name", name}, {"site", ledger->siteId()}},
            format(N_("Created the ledger {path} for {name} ({county})"), fmt::arg("path", ledger->path().string()),
                   fmt::arg("name", name), fmt::arg("county", county)));
}

void runDemo(const Context& ctx, const demo::Options& options) {
  auto ledger = ctx.open(db::Ledger::Mode::OpenOrCreate);
  if (!ledger->initialized()) ledger->initialize(demo::kDemoCountyCode, demo::kDemoCountyName);
  auto started = std::chrono::steady_clock::now();
  bool progress = !ctx.json && isatty(2);
  auto result = demo::generate(*ledger, options, core::Reporter([&](const core::Progress& p) {
    if (progress) std::cerr << fmt::format("\r{}/{}", p.done, p.total) << std::flush;
  }));
  if (progress) std::cerr << '\n';
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double rate = seconds > 0 ? result.residents / seconds : 0;
  nlohmann::json j = {{"households", result.households}, {"residents", result.residents},
                      {"quarantines", result.quarantines}, {"health_checks", result.healthChecks},
                      {"visits", result.visits},           {"grids", result.grids},
                      {"seconds", seconds},                {"people_per_second", rate}};
  ctx.print(j,
            // xgettext:python-brace-format
            format(N_("Added {households} households with {residents} people, {quarantines} quarantine cases and "
                      "{visits} visits in {seconds:.1f} s ({rate:.0f} people/s)"),
                   fmt::arg("households", result.households), fmt::arg("residents", result.residents),
                   fmt::arg("quarantines", result.quarantines), fmt::arg("visits", result.visits),
                   fmt::arg("seconds", seconds), fmt::arg("rate", rate)));
}

void runStats(const Context& ctx) {
  auto ledger = ctx.open();
  db::Figures f = db::FigureQueries(*ledger, ledger->readerScope()).today(ledger->today());
  nlohmann::json j = nlohmann::json::object();
  std::string human;
  for (const auto& t : f.tables) {
    j[t.table] = t.rows;
    human += fmt::format("{:<28}{:>10}\n", text::tableLabel(t.name), t.rows);
  }
  struct Figure {
    const char* key;
    const char* label;
    long long value;
  };
  const Figure figures[] = {
      {"active_quarantines", N_("Active quarantines"), f.activeQuarantines},
      {"checks_due_today", N_("Checks due today"), f.checksDueToday},
      {"checks_done_today", N_("Checks done today"), f.checksDoneToday},
      {"fevers_today", N_("Fevers today (37.3 ℃ or more)"), f.feversToday},
      {"releases_due_today", N_("Releases due today"), f.releasesDueToday},
      {"overdue_releases", N_("Past their planned end"), f.overdueReleases},
      {"releases_proposed", N_("Ready for release"), f.releasesProposed},
      {"extensions_proposed", N_("To extend (last check missed)"), f.extensionsProposed},
      {"need_decision", N_("Last check missed: decide"), f.needDecision},
      {"arrivals_today", N_("New cases today"), f.arrivalsToday},
      {"pending_changes", N_("Changes not yet sent"), f.pendingChanges},
  };
  // xgettext:python-brace-format
  human += "\n" + format(N_("Today ({date})"), fmt::arg("date", ledger->today().iso())) + "\n";
  for (const auto& fig : figures) {
    j[fig.key] = fig.value;
    human += fmt::format("{:<28}{:>10}\n", tr(fig.label), fig.value);
  }
  j["date"] = ledger->today().iso();
  ctx.print(j, human);
}

}  // namespace

void addLedgerCommands(CLI::App& app, Context& ctx) {
  auto* init = app.add_subcommand("init", tr(N_("Create a new ledger for a county")));
  auto county = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  init->add_option("--county", *county, tr(N_("County code, 6 digits (GB/T 2260)")))->required();
  init->add_option("--name", *name, tr(N_("County name")))->required();
  init->callback([&ctx, county, name] { runInit(ctx, *county, *name); });

  auto* demoCmd = app.add_subcommand("demo", tr(N_("Fill the ledger with a realistic demo county")));
  auto options = std::make_shared<demo::Options>();
  demoCmd->add_option("--households", options->households, tr(N_("Number of households")))
      ->required()
      ->check(CLI::Range(1, 2000000));
  demoCmd->add_option("--seed", options->seed, tr(N_("Random seed (the same seed gives the same county)")));
  demoCmd->callback([&ctx, options] { runDemo(ctx, *options); });

  auto* stats = app.add_subcommand("stats", tr(N_("Counts of every table and today's figures")));
  stats->callback([&ctx] { runStats(ctx); });
}

}  // namespace gl::cli
