// gridctl sync: push and pull with the county data center.
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/error.h"
#include "db/sync_ledger.h"
#include "sync/password_file.h"
#include "sync/sync_client.h"
#include "text/clock_text.h"
#include "text/text.h"

namespace gl::cli {

using text::format;
using text::tr;

namespace {

struct SyncArgs {
  std::string server, user, passwordFile, caFile;
  bool verify = false;
};

void runSync(const Context& ctx, const SyncArgs& args) {
  auto ledger = ctx.open();
  auto saved = db::SyncLedger(*ledger).account();
  sync::SyncOptions o;
  o.server = args.server.empty() ? saved.server : args.server;
  o.user = args.user.empty() ? saved.account : args.user;
  if (o.server.empty() || o.user.empty())
    throw Error(Error::Kind::BadInput, N_("This ledger has not synced before: give --server and --user"));
  if (!args.passwordFile.empty()) o.password = sync::readPasswordFile(args.passwordFile);
  o.caFile = args.caFile;
  o.verify = args.verify;
  auto r = sync::synchronize(*ledger, o);
  nlohmann::json j = {{"pushed", r.pushed},       {"pulled", r.pulled},         {"refused", r.refused},
                      {"duplicates", r.duplicates}, {"cursor", r.cursor},       {"conflicts", r.conflicts},
                      {"removed", r.removed}, {"repaired", r.repaired},     {"bytes_sent", r.bytesSent}, {"bytes_received", r.bytesReceived},
                      {"pending", ledger->pendingChanges()}, {"clock_offset_ms", r.clockOffsetMs}};
  // xgettext:python-brace-format
  std::string human = format(N_("Synced with {server}: sent {pushed} changes, received {pulled}"),
                             fmt::arg("server", o.server), fmt::arg("pushed", r.pushed), fmt::arg("pulled", r.pulled));
  if (r.refused)
    // xgettext:python-brace-format
    human += "\n" + format(N_("{n} changes were refused by the data center (see the Sync window)"), fmt::arg("n", r.refused));
  if (r.conflicts)
    // xgettext:python-brace-format
    human += "\n" + format(N_("{n} changes met a concurrent edit; the data center keeps both for a grid leader"),
                           fmt::arg("n", r.conflicts));
  if (r.duplicates)
    // xgettext:python-brace-format
    human += "\n" + format(N_("{n} pairs of residents share an identity number"), fmt::arg("n", r.duplicates));
  if (auto clock = text::clockWarning(r.clockOffsetMs); !clock.empty()) {
    j["clock_warning"] = clock;
    human += "\n" + clock;
  }
  ctx.print(j, human);
}

}  // namespace

void addSyncCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SyncArgs>();
  auto* cmd = app.add_subcommand("sync", tr(N_("Push and pull changes with the county data center")));
  cmd->add_option("--server", args->server, tr(N_("The data center's address (https://host:port)")));
  cmd->add_option("--user", args->user, tr(N_("Account name at the data center")));
  cmd->add_option("--password-file", args->passwordFile,
                  tr(N_("File whose first line is the password (needed to sign in the first time)")));
  cmd->add_option("--ca-file", args->caFile, tr(N_("The county's CA certificate (default: the system's)")));
  cmd->add_flag("--verify", args->verify,
                tr(N_("Compare every grid with the data center and repair what differs (done by itself once a day)")));
  cmd->callback([&ctx, args] { runSync(ctx, *args); });
}

}  // namespace gl::cli
