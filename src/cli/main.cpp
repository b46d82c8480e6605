// gridctl: parse, run one command, translate any failure once (describe) and map it to an exit code.
#include <cstring>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "core/validation_error.h"
#include "text/describe.h"
#include "text/gettext_setup.h"
#include "text/text.h"

namespace {

// --lang must take effect before the help text is built, so it is read ahead of CLI11.
std::string languageFromArgs(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--lang=", 7) == 0) return argv[i] + 7;
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  using gl::text::tr;
  gl::cli::Context ctx;
  gl::text::useGettext(languageFromArgs(argc, argv), argv[0]);

  CLI::App app{tr(N_("GridLedger (网格台账) ledger tool: households, quarantine and visits from the command line")),
               "gridctl"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_help_all_flag("--help-all", tr(N_("Help for every command")));
  app.add_option("--db", ctx.dbPath, tr(N_("Ledger file (default: $GRIDLEDGER_DB, else the user's data folder)")));
  app.add_flag("--json", ctx.json, tr(N_("Machine-readable output on stdout")));
  app.add_option("--lang", ctx.lang, tr(N_("Language of messages: zh_CN or en")))->check(CLI::IsMember({"zh_CN", "en"}));
  app.add_option("--today", ctx.today, tr(N_("Treat this date (YYYY-MM-DD) as today")))->group("");

  gl::cli::addLedgerCommands(app, ctx);
  gl::cli::addLookupCommands(app, ctx);
  gl::cli::addEditCommands(app, ctx);
  gl::cli::addExportCommands(app, ctx);
  gl::cli::addImportCommands(app, ctx);
  gl::cli::addRosterCommands(app, ctx);
  gl::cli::addSyncCommands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const gl::ValidationError& e) {
    std::cerr << gl::text::describe(e) << '\n';
    for (const auto& issue : e.issues()) std::cerr << "  " << gl::text::describe(issue) << '\n';
    return 1;
  } catch (const gl::Error& e) {
    std::cerr << gl::text::describe(e) << '\n';
    return 1;
  } catch (const std::exception&) {
    std::cerr << gl::text::describe(std::current_exception()) << '\n';
    return 1;
  }
  return ctx.exitCode;
}
