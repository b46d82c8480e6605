// gridctl export WHAT --out FILE.xlsx|FILE.csv [--purpose P] [--labels].
#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/error.h"
#include "exchange/table_export.h"
#include "text/text.h"

namespace gl::cli {

using text::format;
using text::tr;

void addExportCommands(CLI::App& app, Context& ctx) {
  auto* exp = app.add_subcommand("export", tr(N_("Export a table to a spreadsheet file (.xlsx or .csv)")));
  auto what = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto purpose = std::make_shared<std::string>("export");
  exp->add_option("what", *what, tr(N_("grids, households, residents, quarantines or visits")))
      ->required()
      ->check(CLI::IsMember({"regions", "grids", "workers", "households", "residents", "quarantines", "health_checks",
                             "visits", "campaigns", "policies"}));
  exp->add_option("--out", *out, tr(N_("Output file: .xlsx or .csv")))->required();
  exp->add_option("--purpose", *purpose, tr(N_("Why the data leaves the ledger (recorded in the audit log)")));
  auto options = std::make_shared<exchange::ExportOptions>();
  exp->add_flag("--labels", options->labels,
                tr(N_("In a .csv, headers and codes in words (姓名, 男) as an .xlsx has them, not the data model's names")));
  exp->callback([&ctx, what, out, purpose, options] {
    const auto* spec = core::findTable(*what);
    auto ledger = ctx.open();
    auto result = exchange::exportTable(*ledger, spec->table, *out, *purpose, *options);
    // xgettext:python-brace-format
    ctx.print({{"table", std::string(spec->name)}, {"rows", result.rows}, {"out", *out}},
              format(N_("Exported {rows} rows to {path}"), fmt::arg("rows", result.rows), fmt::arg("path", *out)));
  });
}

}  // namespace gl::cli
