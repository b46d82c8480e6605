// gridcenter: the county data center — init a store, add accounts, serve the sync protocol.
#include <iostream>

#include <CLI/CLI.hpp>

#include "center/accounts.h"
#include "center/center_store.h"
#include "center/secrets.h"
#include "center/server.h"
#include "core/error.h"
#include "core/schema.h"
#include "core/scope.h"
#include "core/region_codes.h"
#include "sync/password_file.h"
#include "text/describe.h"
#include "text/gettext_setup.h"
#include "text/text.h"

namespace {

using gl::Error;
using gl::text::tr;

// `gridcenter user add|passwd|disable|enable` and their options.
struct UserCommands {
  CLI::App *add = nullptr, *passwd = nullptr, *disable = nullptr, *enable = nullptr;
  std::string name, role, scope, passwordFile;
};

void addUserCommands(CLI::App& app, std::string& data, UserCommands& c) {
  auto* user = app.add_subcommand("user", tr(N_("Manage accounts")));
  user->require_subcommand(1);
  c.add = user->add_subcommand("add", tr(N_("Add an account, or change its role, scope and password")));
  c.add->add_option("--data", data, tr(N_("Folder of the store")))->required();
  c.add->add_option("--name", c.name, tr(N_("Account name")))->required();
  c.add->add_option("--role", c.role, tr(N_("grid_worker, grid_leader, township_officer or county_admin")))->required();
  c.add->add_option("--scope", c.scope, tr(N_("Region or grid codes, separated by commas")))->required();
  c.add->add_option("--password-file", c.passwordFile, tr(N_("File whose first line is the password")))->required();

  c.passwd = user->add_subcommand("passwd", tr(N_("Set a new password for an account")));
  c.passwd->add_option("--data", data, tr(N_("Folder of the store")))->required();
  c.passwd->add_option("--name", c.name, tr(N_("Account name")))->required();
  c.passwd->add_option("--password-file", c.passwordFile, tr(N_("File whose first line is the password")))->required();

  c.disable = user->add_subcommand("disable", tr(N_("Disable an account: it signs nothing in, its devices are signed out")));
  c.disable->add_option("--data", data, tr(N_("Folder of the store")))->required();
  c.disable->add_option("--name", c.name, tr(N_("Account name")))->required();
  c.enable = user->add_subcommand("enable", tr(N_("Enable a disabled account again")));
  c.enable->add_option("--data", data, tr(N_("Folder of the store")))->required();
  c.enable->add_option("--name", c.name, tr(N_("Account name")))->required();
}

// `gridcenter serve` and its options (the hidden ones are for tests).
CLI::App* addServe(CLI::App& app, gl::center::ServeOptions& options, std::string& listen) {
  auto* serveCmd = app.add_subcommand("serve", tr(N_("Serve the sync protocol over HTTPS")));
  serveCmd->add_option("--data", options.dataDir, tr(N_("Folder of the store")))->required();
  serveCmd->add_option("--listen", listen, tr(N_("HOST:PORT to listen on (port 0: any free port)")))->required();
  serveCmd->add_option("--cert", options.cert, tr(N_("TLS certificate (PEM)")))->required();
  serveCmd->add_option("--key", options.key, tr(N_("TLS private key (PEM)")))->required();
  serveCmd->add_option("--token-seconds", options.tokenSeconds, tr(N_("How long a sign-in lasts")))->group("");
  serveCmd
      ->add_option("--password-days", options.passwordDays,
                   tr(N_("Days a password stays valid before it must be changed (0: no expiry)")))
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  // Tests of lockouts: the address's first wait after a wrong password (0: none, one at a time still holds).
  serveCmd->add_option("--throttle-ms", options.signIn.guard.firstDelayMs)->group("");
  serveCmd->add_option("--clock-offset-ms", options.clockOffsetMs, tr(N_("Milliseconds added to the system clock (tests)")))
      ->group("");
  serveCmd
      ->add_option("--recent-cap", options.tuning.recentCap,
                   tr(N_("Cells pushes may gather in the table of recent cells before they write into the main one")))
      ->check(CLI::NonNegativeNumber)
      ->group("");
  serveCmd
      ->add_option("--fold-after-ms", options.tuning.quietMs,
                   tr(N_("Milliseconds without requests before recent cells are folded into the main table")))
      ->check(CLI::NonNegativeNumber)
      ->group("");
  return serveCmd;
}

// HOST:PORT from --listen, then serve until a signal stops it.
void serve(gl::center::ServeOptions& options, const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 >= listen.size() ||
      listen.find_first_not_of("0123456789", colon + 1) != std::string::npos)
    throw Error(Error::Kind::BadInput, N_("--listen needs HOST:PORT, not “{value}”"), {{"value", listen}});
  options.host = listen.substr(0, colon);
  options.port = std::stoi(listen.substr(colon + 1));
  gl::center::serve(options);
}

}  // namespace

int main(int argc, char** argv) {
  gl::text::useGettext({}, argv[0]);
  CLI::App app{tr(N_("GridLedger data center: accounts and the county's merged ledger over HTTPS")), "gridcenter"};
  app.require_subcommand(1);
  std::string data;

  auto* init = app.add_subcommand("init", tr(N_("Create the data center's store for a county")));
  std::string county, name;
  init->add_option("--data", data, tr(N_("Folder of the store")))->required();
  init->add_option("--county", county, tr(N_("County code (GB/T 2260, 6 digits)")))->required();
  init->add_option("--name", name, tr(N_("County name")))->required();

  UserCommands users;
  addUserCommands(app, data, users);

  gl::center::ServeOptions options;
  std::string listen;
  auto* serveCmd = addServe(app, options, listen);

  try {
    app.parse(argc, argv);
    if (*init) {
      gl::core::checkCounty(county, name);
      auto store = gl::center::openSqliteStore(data, true);
      store->initialize(county, name);
      std::cout << gl::text::format(N_("Created the data center for {name} ({county}) in {path}"),
                                    fmt::arg("name", name), fmt::arg("county", county), fmt::arg("path", data))
                << '\n';
    } else if (*users.add) {
      auto store = gl::center::openSqliteStore(data, false);
      gl::center::Accounts(*store).put(users.name, users.role, users.scope,
                                       gl::sync::readPasswordFile(users.passwordFile), users.passwordFile);
      std::cout << gl::text::format(N_("Account {name} ({role}) can now sign in"), fmt::arg("name", users.name),
                                    fmt::arg("role", users.role))
                << '\n';
    } else if (*users.passwd) {
      auto store = gl::center::openSqliteStore(data, false);
      gl::center::Accounts(*store).setPassword(users.name, gl::sync::readPasswordFile(users.passwordFile),
                                               users.passwordFile);
      std::cout << gl::text::format(N_("Account {name} has a new password; its devices sign in again"),
                                    fmt::arg("name", users.name))
                << '\n';
    } else if (*users.disable || *users.enable) {
      auto store = gl::center::openSqliteStore(data, false);
      const bool off = users.disable->parsed();
      gl::center::Accounts(*store).setDisabled(users.name, off);
      std::cout << (off ? gl::text::format(N_("Account {name} is disabled; its devices are signed out"),
                                      fmt::arg("name", users.name))
                         : gl::text::format(N_("Account {name} can sign in again"), fmt::arg("name", users.name)))
                << '\n';
    } else if (*serveCmd) {
      serve(options, listen);
    }
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const gl::Error& e) {
    std::cerr << gl::text::describe(e) << '\n';
    return 1;
  } catch (const std::exception&) {
    std::cerr << gl::text::describe(std::current_exception()) << '\n';
    return 1;
  }
  return 0;
}
