// gridcenter: the county data center — init a store, add accounts, serve the sync protocol.
#include <iostream>
#include <regex>

#include <CLI/CLI.hpp>

#include "center/center_store.h"
#include "center/secrets.h"
#include "center/server.h"
#include "core/error.h"
#include "core/schema.h"
#include "core/scope.h"
#include "db/ledger.h"
#include "sync/password_file.h"
#include "text/describe.h"
#include "text/gettext_setup.h"
#include "text/text.h"

namespace {

using gl::Error;
using gl::text::tr;

void checkScope(const std::string& county, const std::vector<std::string>& scope) {
  static const std::regex shape(R"(\d{6}|\d{9}|\d{12}|\d{12}-\d{1,4})");
  if (scope.empty()) throw Error(Error::Kind::BadInput, N_("An account needs a scope (region or grid codes)"));
  for (const auto& code : scope)
    if (!std::regex_match(code, shape) || code.compare(0, county.size(), county) != 0)
      throw Error(Error::Kind::BadInput,
                  N_("“{code}” is not a region code (6, 9 or 12 digits) or grid code (“370322001001-3”) of county {county}"),
                  {{"code", code}, {"county", county}});
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

  auto* user = app.add_subcommand("user", tr(N_("Manage accounts")));
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", tr(N_("Add an account, or change its role, scope and password")));
  std::string userName, role, scope, passwordFile;
  add->add_option("--data", data, tr(N_("Folder of the store")))->required();
  add->add_option("--name", userName, tr(N_("Account name")))->required();
  add->add_option("--role", role, tr(N_("grid_worker, grid_leader, township_officer or county_admin")))->required();
  add->add_option("--scope", scope, tr(N_("Region or grid codes, separated by commas")))->required();
  add->add_option("--password-file", passwordFile, tr(N_("File whose first line is the password")))->required();

  auto* serveCmd = app.add_subcommand("serve", tr(N_("Serve the sync protocol over HTTPS")));
  gl::center::ServeOptions options;
  std::string listen;
  serveCmd->add_option("--data", options.dataDir, tr(N_("Folder of the store")))->required();
  serveCmd->add_option("--listen", listen, tr(N_("HOST:PORT to listen on (port 0: any free port)")))->required();
  serveCmd->add_option("--cert", options.cert, tr(N_("TLS certificate (PEM)")))->required();
  serveCmd->add_option("--key", options.key, tr(N_("TLS private key (PEM)")))->required();
  serveCmd->add_option("--token-seconds", options.tokenSeconds, tr(N_("How long a sign-in lasts")))->group("");
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

  try {
    app.parse(argc, argv);
    if (*init) {
      gl::db::checkCounty(county, name);
      auto store = gl::center::openSqliteStore(data, true);
      store->initialize(county, name);
      std::cout << gl::text::format(N_("Created the data center for {name} ({county}) in {path}"),
                                    fmt::arg("name", name), fmt::arg("county", county), fmt::arg("path", data))
                << '\n';
    } else if (*add) {
      auto store = gl::center::openSqliteStore(data, false);
      auto known = gl::core::roleFromCode(role);
      if (!known)
        throw Error(Error::Kind::BadInput, N_("“{role}” is not a role: grid_worker, grid_leader, township_officer or county_admin"),
                    {{"role", role}});
      gl::center::Account a;
      a.name = userName;
      a.role = *known;
      a.scope = gl::core::splitCodes(scope);
      checkScope(store->county(), a.scope);
      std::string password = gl::sync::readPasswordFile(passwordFile);
      if (password.size() < 8)
        throw Error(Error::Kind::BadInput, N_("The password in {path} is shorter than 8 characters"),
                    {{"path", passwordFile}});
      a.passwordHash = gl::center::hashPassword(password);
      store->putAccount(a);
      std::cout << gl::text::format(N_("Account {name} ({role}) can now sign in"), fmt::arg("name", userName),
                                    fmt::arg("role", role))
                << '\n';
    } else if (*serveCmd) {
      auto colon = listen.rfind(':');
      if (colon == std::string::npos || colon + 1 >= listen.size() ||
          listen.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        throw Error(Error::Kind::BadInput, N_("--listen needs HOST:PORT, not “{value}”"), {{"value", listen}});
      options.host = listen.substr(0, colon);
      options.port = std::stoi(listen.substr(colon + 1));
      gl::center::serve(options);
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
