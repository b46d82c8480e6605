// gridctl import FILE [--sheet S] [--map 列名=field]... [--dry-run] [--all-or-nothing] [--accept-renames]
//                    [--errors OUT.csv]
// gridctl profiles [list] | rename NAME NEW_NAME | delete NAME   (saved import profiles)
// Prints what went in and every rejected row with its row, column and reason; exits 1 when a row was
// rejected (the good rows are in unless --all-or-nothing or --dry-run said otherwise).
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/error.h"
#include "exchange/import_profile.h"
#include "exchange/import_report_text.h"
#include "exchange/roster_import.h"
#include "text/describe.h"
#include "text/text.h"

namespace gl::cli {

using text::format;
using text::tr;

namespace {

// One issue of a row: where (a column of 0 is none: the sheet has no column for the field) and why.
nlohmann::json issueJson(core::Issue issue) {
  nlohmann::json e = {{"row", issue.row},
                      {"column", issue.column > 0 ? nlohmann::json(issue.column) : nlohmann::json()},
                      {"header", issue.heading.empty() ? nlohmann::json() : nlohmann::json(issue.heading)}};
  issue.row = 0;
  issue.column = 0;
  e["message"] = text::describe(issue);
  return e;
}

nlohmann::json jsonOf(const exchange::ImportReport& r) {
  nlohmann::json errors = nlohmann::json::array(), warnings = nlohmann::json::array(),
                 missing = nlohmann::json::array(), renames = nlohmann::json::array(),
                 columns = nlohmann::json::array();
  for (const auto& row : r.rejectedRows)
    for (const auto& issue : row.issues)
      if (issue.severity == core::Severity::Error) errors.push_back(issueJson(issue));
  for (const auto& issue : r.warnings) warnings.push_back(issueJson(issue));
  for (const auto& m : r.missingColumns)
    missing.push_back({{"field", m.field}, {"message", exchange::describeMissing(m, r, true)}});
  for (const auto& n : r.renames) renames.push_back({{"row", n.row}, {"id", n.id}, {"from", n.from}, {"to", n.to}});
  for (const auto& c : r.columns)
    columns.push_back({{"column", c.column},
                       {"header", c.header},
                       {"field", c.field ? nlohmann::json(exchange::fieldName(*c.field)) : nlohmann::json()},
                       {"note", c.note.empty() ? nlohmann::json() : nlohmann::json(text::tr(c.note))}});
  return {{"rows", r.rows},
          {"imported", r.imported},
          {"rejected", r.rejected},
          {"skipped", r.skipped},
          {"persons_created", r.personsCreated},
          {"persons_updated", r.personsUpdated},
          {"households_created", r.householdsCreated},
          {"households_unassigned", r.householdsUnassigned},
          {"quarantines_created", r.quarantinesCreated},
          {"visits_created", r.visitsCreated},
          {"unmapped_columns", r.unmappedColumns()},
          {"not_imported_sensitive_columns", r.sensitiveColumns()},
          {"columns", columns},
          {"missing_columns", missing},
          {"renames", renames},
          {"sheet", r.sheet},
          {"profile", r.profile},
          {"header_row", r.headerRow},
          {"written", r.written},
          {"errors", errors},
          {"warnings", warnings}};
}

std::string humanOf(const exchange::ImportReport& r, bool dryRun) {
  std::string out;
  out += format(N_("Sheet “{sheet}”, header on row {row}"), fmt::arg("sheet", r.sheet), fmt::arg("row", r.headerRow));
  out += '\n';
  // xgettext:python-brace-format
  out += format(N_("{rows} rows: {imported} imported, {rejected} rejected, {skipped} skipped"),
                fmt::arg("rows", r.rows), fmt::arg("imported", r.imported), fmt::arg("rejected", r.rejected),
                fmt::arg("skipped", r.skipped));
  out += '\n';
  // xgettext:python-brace-format
  out += format(N_("New: {persons} persons, {households} households ({unassigned} without a grid, to dispatch), "
                   "{quarantines} quarantines, {visits} visits; {updated} persons updated"),
                fmt::arg("persons", r.personsCreated), fmt::arg("households", r.householdsCreated),
                fmt::arg("unassigned", r.householdsUnassigned), fmt::arg("quarantines", r.quarantinesCreated),
                fmt::arg("visits", r.visitsCreated), fmt::arg("updated", r.personsUpdated));
  out += '\n';
  for (const auto& c : r.columns)
    if (!c.note.empty()) out += "  " + exchange::describeColumn(c) + '\n';
  for (const auto& m : r.missingColumns) out += exchange::describeMissing(m, r, true) + '\n';
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  if (!r.unmappedColumns().empty())
    out += format(N_("Columns not imported (unknown): {columns}"), fmt::arg("columns", join(r.unmappedColumns()))) + '\n';
  if (!r.sensitiveColumns().empty())
    out += format(N_("Columns never imported (personal information the ledger does not collect): {columns}"),
                  fmt::arg("columns", join(r.sensitiveColumns()))) + '\n';
  for (const auto& row : r.rejectedRows)
    for (const auto& issue : row.issues)
      if (issue.severity == core::Severity::Error) out += "  " + text::describe(issue) + '\n';
  if (!r.warnings.empty()) out += tr(N_("Imported, with a warning:")) + '\n';
  for (const auto& issue : r.warnings) out += "  " + text::describe(issue) + '\n';
  if (!r.renames.empty()) out += tr(N_("Renamed (--accept-renames):")) + '\n';
  for (const auto& n : r.renames) out += "  " + exchange::describeRename(n) + '\n';
  if (dryRun) out += tr(N_("Dry run: nothing was written.")) + '\n';
  else if (!r.written) out += tr(N_("Nothing was written: with --all-or-nothing one rejected row rejects the file.")) + '\n';
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

void addImportCommands(CLI::App& app, Context& ctx) {
  auto* imp = app.add_subcommand("import", tr(N_("Import a roster spreadsheet (.xlsx, .xls, .csv)")));
  auto file = std::make_shared<std::string>();
  auto maps = std::make_shared<std::vector<std::string>>();
  auto errors = std::make_shared<std::string>();
  auto options = std::make_shared<exchange::ImportOptions>();
  imp->add_option("file", *file, tr(N_("The spreadsheet to import")))->required();
  imp->add_option("--sheet", options->sheet, tr(N_("Sheet name or number (default: the first with a header row)")));
  imp->add_option("--map", *maps, tr(N_("Map a column to a field: 列名=field (e.g. 联系人电话=phone, 备用=ignore)")));
  auto saveAs = std::make_shared<std::string>();
  imp->add_option("--profile", options->profile, tr(N_("Use this saved import profile's column mapping")));
  imp->add_option("--save-profile", *saveAs,
                  tr(N_("Save this file's column mapping as an import profile (files with the same header use it)")));
  imp->add_flag("--dry-run", options->dryRun, tr(N_("Check and count everything, write nothing")));
  imp->add_flag("--all-or-nothing", options->allOrNothing, tr(N_("Reject the whole file if any row is rejected")));
  imp->add_flag("--accept-renames", options->acceptRenames,
                tr(N_("Let a row rename the person its identity number belongs to (listed in the report) instead "
                      "of rejecting it")));
  imp->add_option("--errors", *errors, tr(N_("Write the rejected rows with their reasons to this .csv file")));
  imp->callback([&ctx, file, maps, errors, options, saveAs] {
    for (const auto& m : *maps) {
      auto eq = m.rfind('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
        throw Error(Error::Kind::BadInput, N_("--map wants 列名=field, not “{value}”"), {{"value", m}});
      options->overrides.emplace_back(m.substr(0, eq), m.substr(eq + 1));
    }
    auto ledger = ctx.open();
    auto report = exchange::importRoster(*ledger, *file, *options);
    if (!errors->empty()) exchange::writeRejectedRows(report, *errors);
    if (!saveAs->empty()) exchange::saveProfile(*ledger, exchange::profileOf(*saveAs, report));
    ctx.print(jsonOf(report), humanOf(report, options->dryRun));
    if (report.rejected > 0) ctx.exitCode = 1;
  });

  // gridctl profiles [list] | rename OLD NEW | delete NAME
  auto* profiles = app.add_subcommand("profiles", tr(N_("List, rename or delete saved import profiles")));
  auto* list = profiles->add_subcommand("list", tr(N_("List the saved import profiles and their columns")));
  auto* rename = profiles->add_subcommand("rename", tr(N_("Rename an import profile")));
  auto* remove = profiles->add_subcommand("delete", tr(N_("Delete an import profile")));
  auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
  rename->add_option("name", *from, tr(N_("The profile's name")))->required();
  rename->add_option("new_name", *to, tr(N_("Its new name")))->required();
  remove->add_option("name", *from, tr(N_("The profile's name")))->required();
  auto show = [&ctx] {
    auto all = exchange::loadProfiles(*ctx.open());
    nlohmann::json j = nlohmann::json::array();
    std::string human;
    for (const auto& p : all) {
      nlohmann::json columns = nlohmann::json::array();
      human += p.name + "\n";
      for (const auto& [header, field] : p.columns) {
        columns.push_back({{"header", header}, {"field", field}});
        human += "  " + header + " → " + field + "\n";
      }
      j.push_back({{"name", p.name}, {"columns", columns}});
    }
    if (all.empty()) human = tr(N_("No import profiles saved yet")) + "\n";
    ctx.print(j, human);
  };
  list->callback(show);
  rename->callback([&ctx, from, to] {
    exchange::renameProfile(*ctx.open(), *from, *to);
    ctx.print({{"renamed", *from}, {"to", *to}},
              format(N_("Import profile “{from}” is now “{to}”"), fmt::arg("from", *from), fmt::arg("to", *to)) + "\n");
  });
  remove->callback([&ctx, from] {
    exchange::deleteProfile(*ctx.open(), *from);
    ctx.print({{"deleted", *from}}, format(N_("Import profile “{name}” deleted"), fmt::arg("name", *from)) + "\n");
  });
  profiles->callback([profiles, show] {
    if (profiles->get_subcommands().empty()) show();
  });
}

}  // namespace gl::cli
