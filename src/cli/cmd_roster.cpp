// gridctl roster KIND [--date D] [--scope CODE] --out FILE.pdf|.xlsx|.csv [--purpose P]
// KIND: checks, releases, arrivals, visits-due, care; or door-cards (.pdf): a card with a QR code
// for every household of the scope. The date defaults to today; the scope to the
// whole ledger. Ids and phones are masked; the file names who printed it, when, where and why.
#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/date_parse.h"
#include "core/error.h"
#include "report/door_cards.h"
#include "report/roster.h"
#include "report/roster_files.h"
#include "text/text.h"

namespace gl::cli {

using text::format;
using text::tr;

void addRosterCommands(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("roster", tr(N_("Print a daily roster to .pdf, .xlsx or .csv")));
  auto kind = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto scope = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto purpose = std::make_shared<std::string>();
  std::vector<std::string> kinds;
  for (auto k : report::allKinds()) kinds.emplace_back(report::kindName(k));
  kinds.emplace_back("door-cards");
  cmd->add_option("kind", *kind, tr(N_("checks, releases, arrivals, visits-due, care or door-cards")))
      ->required()
      ->check(CLI::IsMember(kinds));
  cmd->add_option("--date", *date, tr(N_("The day of the roster (default: today)")));
  cmd->add_option("--scope", *scope, tr(N_("A township, community or grid code (default: the whole ledger)")));
  cmd->add_option("--out", *out, tr(N_("Output file: .pdf, .xlsx or .csv")))->required();
  cmd->add_option("--purpose", *purpose, tr(N_("Why it is printed (on every page and in the audit log)")));
  cmd->callback([&ctx, kind, date, scope, out, purpose] {
    auto ledger = ctx.open();
    core::Date day = ctx.todayOr(ledger->today());
    if (!date->empty()) {
      auto parsed = core::parseDate(*date);
      if (!parsed.date)
        throw Error(Error::Kind::BadInput, N_("“{date}” is not a date (2022-11-21, 2022/11/21 or 2022年11月21日)"),
                    {{"date", *date}});
      day = *parsed.date;
    }
    auto stamp = exchange::ExportStamp::now(purpose->empty() ? tr(N_("daily roster")) : *purpose);
    if (*kind == "door-cards") {
      auto cards = report::buildDoorCards(*ledger, *scope);
      const int pages = report::saveDoorCards(*ledger, cards, stamp, *out);
      ctx.print({{"kind", *kind}, {"scope", cards.scope.code}, {"scope_name", cards.scope.name},
                 {"households", cards.doors.size()}, {"pages", pages}, {"out", *out}},
                format(N_("{count} door cards on {pages} pages → {path}"), fmt::arg("count", cards.doors.size()),
                       fmt::arg("pages", pages), fmt::arg("path", *out)));
      return;
    }
    auto roster = report::buildRoster(*ledger, *report::kindByName(*kind), day, *scope);
    const int pages = report::saveRoster(*ledger, roster, stamp, *out);
    nlohmann::json j = {{"kind", *kind},        {"date", day.iso()},  {"scope", roster.scope.code},
                        {"scope_name", roster.scope.name}, {"rows", roster.total()}, {"out", *out}};
    if (roster.kind == report::RosterKind::VisitsDue) j["campaign"] = roster.campaign;
    std::string human = format(N_("{title}, {scope}, {date}: {total} → {path}"), fmt::arg("title", roster.title),
                               fmt::arg("scope", roster.scopeText()), fmt::arg("date", day.iso()),
                               fmt::arg("total", roster.totalText()), fmt::arg("path", *out));
    if (pages > 0) j["pages"] = pages;
    ctx.print(j, human);
  });
}

}  // namespace gl::cli
