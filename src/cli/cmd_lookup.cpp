// gridctl search and check-id.
#include <fmt/format.h>

#include "cli/cli_context.h"
#include "core/error.h"
#include "core/identity.h"
#include "core/mask.h"
#include "text/describe.h"
#include "text/labels.h"
#include "text/text.h"
#include "db/search_queries.h"

namespace gl::cli {

using text::format;
using text::tr;

namespace {

void runSearch(const Context& ctx, const std::string& query, int limit) {
  auto ledger = ctx.open();
  auto hits = db::SearchQueries(*ledger, ledger->readerScope()).find(query, limit);
  // Audited by count only: the query itself may be an identity number.
  ledger->audit("search", "", "", static_cast<long long>(hits.size()), "");
  nlohmann::json j = nlohmann::json::array();
  std::string human;
  for (const auto& h : hits) {
    std::string table(core::tableSpec(h.table).name);
    std::string masked = h.idNumber.empty() ? std::string() : core::maskId(h.idNumber);
    j.push_back({{"table", table},
                 {"id", h.id},
                 {"name", h.name},
                 {"id_number", masked.empty() ? nlohmann::json() : nlohmann::json(masked)},
                 {"household", h.householdId.empty() ? nlohmann::json() : nlohmann::json(h.householdId)},
                 {"address", h.address},
                 {"grid", h.grid},
                 {"matched_by", h.matchedBy}});
    human += fmt::format("{}\t{}\t{}\t{}\t{}\n", text::tableLabel(table), h.name, masked, h.grid, h.address);
  }
  if (hits.empty()) human = tr(N_("Nothing found"));
  ctx.print(j, human);
}

void runCheckId(const Context& ctx, const std::string& number) {
  core::Date today = ctx.todayOr(core::localToday());
  auto r = core::checkId(number, today);
  std::string error;
  const core::Issue* firstError = nullptr;
  std::vector<std::string> warnings;
  for (const auto& issue : r.issues) {
    if (issue.severity == core::Severity::Error && !firstError) {
      firstError = &issue;
      error = text::describe(issue);
    }
    if (issue.severity == core::Severity::Warning) warnings.push_back(text::describe(issue));
  }
  nlohmann::json j = {{"valid", r.valid},
                      {"normalized", r.normalized},
                      {"kind", std::string(core::idKindCode(r.kind))},
                      {"birth_date", r.birthDate ? nlohmann::json(r.birthDate->iso()) : nlohmann::json()},
                      {"sex", r.sex == core::Sex::Unknown ? nlohmann::json() : nlohmann::json(core::sexCode(r.sex))},
                      {"error", error.empty() ? nlohmann::json() : nlohmann::json(error)}};
  if (!warnings.empty()) j["warnings"] = warnings;
  if (!r.upgradedFrom.empty()) j["upgraded_from"] = r.upgradedFrom;
  if (!r.valid) {
    if (ctx.json) ctx.print(j, {});
    // The issue's own sentence, which already names the field.
    std::size_t digits = 0;
    for (char c : firstError->detail) digits += c >= '0' && c <= '9';
    throw Error(Error::Kind::BadInput, text::issueMessageId(firstError->code),
                {{"field", text::fieldLabel(firstError->field)},
                 {"detail", firstError->detail},
                 {"length", std::to_string(digits)}});
  }
  std::string human;
  {
    // xgettext:python-brace-format
    human = format(N_("Valid {kind}: {number}"), fmt::arg("kind", text::codeLabel(core::idKindCode(r.kind))),
                   fmt::arg("number", r.normalized));
    if (r.birthDate)
      // xgettext:python-brace-format
      human += "\n" + format(N_("Born {date}, {sex}"), fmt::arg("date", r.birthDate->iso()),
                             fmt::arg("sex", text::codeLabel(core::sexCode(r.sex))));
  }
  for (const auto& w : warnings) human += "\n" + w;
  ctx.print(j, human);
}

}  // namespace

void addLookupCommands(CLI::App& app, Context& ctx) {
  auto* search = app.add_subcommand("search", tr(N_("Find people and households by name, pinyin, id, phone or address")));
  auto query = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(20);
  search->add_option("text", *query, tr(N_("What to look for: 张三, zs, zhangsan, the last 4+ digits of an id or phone")))
      ->required();
  search->add_option("--limit", *limit, tr(N_("Most results to show")))->check(CLI::Range(1, 10000));
  search->callback([&ctx, query, limit] { runSearch(ctx, *query, *limit); });

  auto* checkId = app.add_subcommand("check-id", tr(N_("Validate and normalize an identity document number")));
  auto number = std::make_shared<std::string>();
  checkId->add_option("number", *number, tr(N_("The number as written")))->required();
  checkId->callback([&ctx, number] { runCheckId(ctx, *number); });
}

}  // namespace gl::cli
