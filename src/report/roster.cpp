#include "report/roster.h"

#include "core/error.h"
#include "core/mask.h"
#include "text/labels.h"
#include "text/text.h"
#include "db/roster_queries.h"

namespace gl::report {

namespace {

using exchange::CellType;
using text::tr;

constexpr std::pair<RosterKind, std::string_view> kNames[] = {
    {RosterKind::Checks, "checks"},        {RosterKind::Releases, "releases"}, {RosterKind::Arrivals, "arrivals"},
    {RosterKind::VisitsDue, "visits-due"}, {RosterKind::Care, "care"},
};

// Building-unit-room as the grid worker reads a door ("3-2-301"), else the address.
std::string placeText(const db::RosterPlace& p) {
  if (p.building.empty() && p.room.empty()) return p.address;
  std::string out = p.building;
  if (!p.unit.empty()) out.append(out.empty() ? "" : "-").append(p.unit);
  if (!p.room.empty()) out.append(out.empty() ? "" : "-").append(p.room);
  return out;
}

std::string groupTitle(const db::RosterPlace& p) {
  if (p.gridCode.empty()) return tr(N_("No grid yet (to dispatch)"));
  return text::format(N_("{grid} ({code})"), fmt::arg("grid", p.gridName), fmt::arg("code", p.gridCode));
}

std::string label(const std::string& code) { return code.empty() ? std::string() : text::codeLabel(code); }

// "elderly_alone,chronic" → "独居老人、慢性病".
std::string labels(const std::string& codes) {
  std::string out;
  std::size_t start = 0;
  while (start <= codes.size()) {
    auto comma = codes.find(',', start);
    if (comma == std::string::npos) comma = codes.size();
    if (comma > start) out.append(out.empty() ? "" : "、").append(text::codeLabel(codes.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

std::string temperature(const std::optional<int>& tenths) {
  if (!tenths) return {};
  return std::to_string(*tenths / 10) + "." + std::to_string(*tenths % 10);
}

std::string ageOn(const std::string& birth, core::Date on) {
  auto b = core::Date::fromIso(birth);
  if (!b) return {};
  int age = on.year - b->year - ((on.month < b->month || (on.month == b->month && on.day < b->day)) ? 1 : 0);
  return age >= 0 ? std::to_string(age) : std::string();
}

// Reports the rows made so far now and then; throws when the reader cancelled.
void tick(const core::Reporter& progress, std::size_t done, std::size_t total) {
  if (done % 256 == 0 || done == total)
    progress.step({static_cast<std::int64_t>(done), static_cast<std::int64_t>(total), kMaking});
}

// Appends `row` to the group of its grid (lines arrive grid by grid, in walking order).
void add(Roster& r, const db::RosterPlace& place, std::vector<std::string> row) {
  std::string title = groupTitle(place);
  if (r.groups.empty() || r.groups.back().title != title) r.groups.push_back({std::move(title), {}});
  row.insert(row.begin(), std::to_string(r.groups.back().rows.size() + 1));
  r.groups.back().rows.push_back(std::move(row));
}

// The person columns every people roster begins with (after 序号).
void personColumns(Roster& r) {
  r.columns = {{tr(N_("No.")), 0.45, true},
               {tr(N_("Name")), 0.9},
               {tr(N_("Sex")), 0.45},
               {tr(N_("ID number")), 1.7},
               {tr(N_("Phone")), 1.15},
               {tr(N_("Building-unit-room")), 1.3}};
}

std::vector<std::string> personCells(const db::RosterPerson& p) {
  return {p.name, label(p.sex), core::maskId(p.idNumber), core::maskPhone(p.phone), placeText(p.place)};
}

void checksRoster(const db::Ledger& ledger, const core::Reporter& progress, Roster& r) {
  auto lines = db::RosterQueries(ledger, ledger.readerScope()).cases(db::CaseDay::Active, r.date, r.scope);
  int slots = 2;
  for (const auto& p : lines) slots = std::max(slots, p.slotsPerDay);
  personColumns(r);
  r.columns.push_back({tr(N_("Kind")), 0.9});
  r.columns.push_back({tr(N_("Day")), 0.7, true});
  const char* slotTitles3[] = {N_("Morning ℃"), N_("Noon ℃"), N_("Evening ℃")};
  for (int s = 0; s < slots; ++s)
    r.columns.push_back({tr(slots == 3 ? slotTitles3[s] : s == 0 ? N_("Morning ℃") : N_("Evening ℃")), 0.75, true,
                         true, CellType::OneDecimal});
  r.columns.push_back({tr(N_("Symptoms")), 1.0, false, true});
  r.columns.push_back({tr(N_("Test today")), 0.65});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& p = lines[i];
    tick(progress, i, lines.size());
    auto row = personCells(p);
    row.push_back(label(p.kind));
    row.push_back(p.day > p.totalDays
                      ? text::format(N_("{day}/{total} overdue"), fmt::arg("day", p.day), fmt::arg("total", p.totalDays))
                      : text::format(N_("{day}/{total}"), fmt::arg("day", p.day), fmt::arg("total", p.totalDays)));
    for (int s = 0; s < slots; ++s)
      row.push_back(s < p.slotsPerDay ? temperature(p.tenths[static_cast<std::size_t>(s)]) : std::string("—"));
    row.push_back(p.symptoms);
    row.push_back(p.testDay ? tr(N_("Yes")) : std::string());
    add(r, p.place, std::move(row));
  }
  r.landscape = true;
}

void caseRoster(const db::Ledger& ledger, const core::Reporter& progress, Roster& r, db::CaseDay which) {
  auto lines = db::RosterQueries(ledger, ledger.readerScope()).cases(which, r.date, r.scope);
  personColumns(r);
  r.columns.push_back({tr(N_("Kind")), 0.9});
  if (which == db::CaseDay::Starting) {
    r.columns.push_back({tr(N_("Reason")), 1.0});
    r.columns.push_back({tr(N_("Came from")), 1.2});
  }
  r.columns.push_back({tr(N_("Start")), 0.95, false, false, CellType::Date});
  r.columns.push_back({tr(N_("Planned end")), 0.95, false, false, CellType::Date});
  if (which == db::CaseDay::Ending) r.columns.push_back({tr(N_("Released (signature)")), 1.2, false, true});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& p = lines[i];
    tick(progress, i, lines.size());
    auto row = personCells(p);
    row.push_back(label(p.kind));
    if (which == db::CaseDay::Starting) {
      row.push_back(label(p.reason));
      row.push_back(p.sourcePlace);
    }
    row.push_back(p.start.iso());
    row.push_back(p.plannedEnd.iso());
    if (which == db::CaseDay::Ending) row.emplace_back();
    add(r, p.place, std::move(row));
  }
  r.landscape = true;
}

void careRoster(const db::Ledger& ledger, const core::Reporter& progress, Roster& r) {
  personColumns(r);
  r.columns.insert(r.columns.begin() + 3, {tr(N_("Age")), 0.45, true, false, CellType::Integer});
  r.columns.push_back({tr(N_("Care needs")), 1.5});
  r.columns.push_back({tr(N_("Last visit")), 0.95, false, false, CellType::Date});
  r.columns.push_back({tr(N_("Visited today")), 1.0, false, true});
  auto lines = db::RosterQueries(ledger, ledger.readerScope()).care(r.scope);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& p = lines[i];
    tick(progress, i, lines.size());
    auto row = personCells(p);
    row.insert(row.begin() + 2, ageOn(p.birthDate, r.date));
    row.push_back(labels(p.careFlags));
    row.push_back(p.lastVisit ? p.lastVisit->iso() : std::string());
    row.emplace_back();
    add(r, p.place, std::move(row));
  }
  r.landscape = true;
}

void visitsRoster(const db::Ledger& ledger, const core::Reporter& progress, Roster& r) {
  r.unit = tr(N_("households"));
  r.columns = {{tr(N_("No.")), 0.45, true},
               {tr(N_("Building-unit-room")), 1.2},
               {tr(N_("Household no.")), 1.0},
               {tr(N_("Head of household")), 0.9},
               {tr(N_("Phone")), 1.15},
               {tr(N_("Members")), 0.55, true, false, CellType::Integer},
               {tr(N_("Outcome")), 1.0, false, true},
               {tr(N_("Temperature ℃")), 0.8, false, true},
               {tr(N_("Notes")), 1.6, false, true}};
  auto lines = db::RosterQueries(ledger, ledger.readerScope()).visitsDue(r.date, r.scope, r.campaign);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& h = lines[i];
    tick(progress, i, lines.size());
    add(r, h.place,
        {placeText(h.place), h.householdNo, h.head, core::maskPhone(h.phone), std::to_string(h.members), {}, {}, {}});
  }
  r.landscape = true;
}

}  // namespace

std::string_view kindName(RosterKind kind) {
  for (const auto& [k, n] : kNames)
    if (k == kind) return n;
  return {};
}

std::optional<RosterKind> kindByName(std::string_view name) {
  for (const auto& [k, n] : kNames)
    if (n == name) return k;
  return std::nullopt;
}

const std::vector<RosterKind>& allKinds() {
  static const std::vector<RosterKind> all = {RosterKind::Checks, RosterKind::Releases, RosterKind::Arrivals,
                                              RosterKind::VisitsDue, RosterKind::Care};
  return all;
}

std::string kindTitle(RosterKind kind) {
  switch (kind) {
    case RosterKind::Checks: return tr(N_("Temperature check roster"));
    case RosterKind::Releases: return tr(N_("Release roster"));
    case RosterKind::Arrivals: return tr(N_("New cases roster"));
    case RosterKind::VisitsDue: return tr(N_("Households to visit"));
    case RosterKind::Care: return tr(N_("Care roster"));
  }
  return {};
}

std::size_t Roster::total() const {
  std::size_t n = 0;
  for (const auto& g : groups) n += g.rows.size();
  return n;
}

std::string Roster::subtotalText(std::size_t n) const {
  return text::format(N_("Subtotal: {count} {unit}"), fmt::arg("count", n), fmt::arg("unit", unit));
}

std::string Roster::totalText() const {
  return text::format(N_("Total: {count} {unit}"), fmt::arg("count", total()), fmt::arg("unit", unit));
}

std::string Roster::scopeText() const {
  if (scope.code.empty()) return scope.name;
  return text::format(N_("{name} ({code})"), fmt::arg("name", scope.name), fmt::arg("code", scope.code));
}

Roster buildRoster(const db::Ledger& ledger, RosterKind kind, core::Date date, std::string_view scopeCode,
                   const core::Reporter& progress) {
  progress.step({0, 0, kReading});
  Roster r;
  r.kind = kind;
  r.title = kindTitle(kind);
  r.date = date;
  r.scope = db::RosterQueries(ledger, ledger.readerScope()).rosterScope(scopeCode);
  r.unit = tr(N_("persons"));
  switch (kind) {
    case RosterKind::Checks: checksRoster(ledger, progress, r); break;
    case RosterKind::Releases: caseRoster(ledger, progress, r, db::CaseDay::Ending); break;
    case RosterKind::Arrivals: caseRoster(ledger, progress, r, db::CaseDay::Starting); break;
    case RosterKind::VisitsDue: visitsRoster(ledger, progress, r); break;
    case RosterKind::Care: careRoster(ledger, progress, r); break;
  }
  const auto rows = static_cast<std::int64_t>(r.total());
  progress.step({rows, rows, kMaking});
  return r;
}

}  // namespace gl::report
