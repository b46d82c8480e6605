// gridctl set and delete: scripts edit records through the same validated, change-logged writes as
// the window. KEY is a row id, or an identity number for residents.
#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/error.h"
#include "core/ascii.h"
#include "core/identity.h"
#include "core/uuid.h"
#include "text/labels.h"
#include "text/text.h"

namespace gl::cli {

using text::format;
using text::tr;

namespace {

const core::TableSpec& tableNamed(const std::string& name) {
  const auto* spec = core::findTable(name);
  if (!spec)
    throw Error(Error::Kind::BadInput, N_("Unknown table “{table}”"), {{"table", name}});
  return *spec;
}

std::string resolveKey(db::Ledger& ledger, const core::TableSpec& spec, const std::string& key) {
  // Row ids are stored in lower case; one copied from elsewhere in upper case is the same id.
  if (core::isUuid(key)) return core::ascii::toLower(key);
  if (spec.table == core::Table::Resident) {
    auto id = core::checkId(key, ledger.today());
    if (id.valid) {
      auto ids = ledger.residentsWithIdNumber(id.normalized);
      if (ids.size() == 1) return ids.front();
      if (ids.size() > 1)
        throw Error(Error::Kind::BadInput,
                    N_("{count} residents share this identity number; name the row by its id"),
                    {{"count", std::to_string(ids.size())}});
    }
    throw Error(Error::Kind::BadInput, N_("No resident with the identity number or id “{key}”"), {{"key", key}});
  }
  throw Error(Error::Kind::BadInput, N_("“{key}” is not a row id"), {{"key", key}});
}

core::Cells parseAssignments(const std::vector<std::string>& assignments) {
  core::Cells cells;
  for (const auto& a : assignments) {
    auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(Error::Kind::BadInput, N_("“{text}” is not column=value"), {{"text", a}});
    std::string value = a.substr(eq + 1);
    cells.push_back({a.substr(0, eq), value.empty() ? core::Value() : core::Value(value)});
  }
  return cells;
}

void runSet(const Context& ctx, const std::string& table, const std::string& key,
            const std::vector<std::string>& assignments) {
  const auto& spec = tableNamed(table);
  auto ledger = ctx.open();
  std::string id = resolveKey(*ledger, spec, key);
  core::Cells cells = parseAssignments(assignments);
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& c : cells) columns.push_back(c.column);
  ledger->update(spec.table, id, std::move(cells));
  // xgettext:python-brace-format
  ctx.print({{"table", std::string(spec.name)}, {"id", id}, {"columns", columns}},
            format(N_("Updated {table} {id}"), fmt::arg("table", text::tableLabel(spec.name)), fmt::arg("id", id)));
}

void runDelete(const Context& ctx, const std::string& table, const std::string& key) {
  const auto& spec = tableNamed(table);
  auto ledger = ctx.open();
  std::string id = resolveKey(*ledger, spec, key);
  ledger->tombstone(spec.table, id);
  // xgettext:python-brace-format
  ctx.print({{"table", std::string(spec.name)}, {"id", id}, {"deleted", true}},
            format(N_("Deleted {table} {id}"), fmt::arg("table", text::tableLabel(spec.name)), fmt::arg("id", id)));
}

}  // namespace

void addEditCommands(CLI::App& app, Context& ctx) {
  auto table = std::make_shared<std::string>();
  auto key = std::make_shared<std::string>();
  auto assignments = std::make_shared<std::vector<std::string>>();

  auto* set = app.add_subcommand("set", tr(N_("Change cells of one record: set TABLE KEY column=value…")));
  set->add_option("table", *table, tr(N_("Table, e.g. residents")))->required();
  set->add_option("key", *key, tr(N_("Row id, or an identity number for residents")))->required();
  set->add_option("assignments", *assignments, tr(N_("column=value pairs; an empty value clears the cell")))
      ->required();
  set->callback([&ctx, table, key, assignments] { runSet(ctx, *table, *key, *assignments); });

  auto* del = app.add_subcommand("delete", tr(N_("Delete one record (it is kept as a tombstone for sync)")));
  del->add_option("table", *table, tr(N_("Table, e.g. residents")))->required();
  del->add_option("key", *key, tr(N_("Row id, or an identity number for residents")))->required();
  del->callback([&ctx, table, key] { runDelete(ctx, *table, *key); });
}

}  // namespace gl::cli
