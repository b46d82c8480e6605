// What a grid worker does to a case once it is open: release it (opening the follow-on period when
// the policy chains one, docs/domain.md §5.5), extend it, or record that it moved elsewhere (transferred,
// hospitalized). Each action is one transaction through the Writer, so it is validated, stamped in
// the change log and audited like any other write.
#include "core/columns.h"
#include "db/internal/case_rows.h"
#include "db/internal/ledger_state.h"
#include "db/internal/policy_rows.h"
#include "db/internal/row_io.h"
#include "db/writer.h"

namespace gl::db {

namespace col = core::col;

namespace {

std::string caseContext(std::string_view id) {
  return "quarantine " + std::string(id);
}

}  // namespace

CaseRow loadActiveCase(LedgerState& s, std::string_view id, Error::Kind refusal) {
  const auto& spec = core::tableSpec(core::Table::Quarantine);
  auto& st = s.statement("SELECT " + selectColumns(spec) + " FROM quarantine WHERE id = ?");
  st.bind(1, std::string(id));
  if (!st.executeStep())
    throw Error(Error::Kind::BadInput, N_("No {table} record with id {id}"),
                {{"table", std::string(spec.name)}, {"id", std::string(id)}});
  CaseRow c{readRow(st, spec), {}, {}};
  st.reset();
  if (c.row.deleted)
    throw Error(refusal, N_("The {table} record {id} has been deleted"),
                {{"table", std::string(spec.name)}, {"id", std::string(id)}});
  std::string status = c.row[col::quarantine::status].value_or("");
  if (status != core::statusCode(core::QuarantineStatus::Active))
    throw Error(refusal, N_("The quarantine case is no longer active (its status is {status})"),
                {{"status", status}}, caseContext(id));
  auto start = core::Date::fromIso(c.row[col::quarantine::startOn].value_or(""));
  auto end = core::Date::fromIso(c.row[col::quarantine::plannedEndOn].value_or(""));
  // Both are required dates, validated on every write: a bad one means the file was edited by hand.
  if (!start || !end)
    throw Error(Error::Kind::Internal, N_("The quarantine case has no valid start or planned end date"), {},
                caseContext(id));
  c.start = *start;
  c.plannedEnd = *end;
  return c;
}

// The follow-on period starts the day after the released case's planned end (core/lifecycle), so
// that 14 days centralized + 7 at home make 21 days however late the release is typed in. Released
// before its planned end (a shortened policy, a decision on site), the follow-on starts the day after
// the release instead, leaving no day between the two periods uncovered and none counted twice.
std::string Ledger::releaseCase(std::string_view quarantineId, core::Date on) {
  std::string followOnId;
  write([&](Writer& w) {
    CaseRow c = loadActiveCase(*state_, quarantineId, Error::Kind::Rejected);
    // The Writer refuses an end date before the start (QuarantineEndBeforeStart on ended_on).
    w.update(core::Table::Quarantine, quarantineId,
             {{col::quarantine::status, std::string(core::statusCode(core::QuarantineStatus::Released))},
              {col::quarantine::endedOn, on.iso()}});
    const core::Value& code = c.row[col::quarantine::policy];
    if (!code) return;
    auto policy = findPolicy(*state_, *code);
    if (!policy || policy->followOn.empty()) return;
    // Chaining must not be skipped silently (core::review throws the same way).
    if (!findPolicy(*state_, policy->followOn))
      throw Error(Error::Kind::BadInput, N_("The follow-on policy {code} is not in the ledger"),
                  {{"code", policy->followOn}}, caseContext(quarantineId));
    core::Date start = on < c.plannedEnd ? on.addDays(1) : c.plannedEnd.addDays(1);
    // The same person for the same reason: the epidemiological fields carry over; the place does
    // not (the follow-on is usually at home, after a hotel). Kind and planned end follow from the
    // policy in the Writer.
    core::Cells cells = {
        {col::quarantine::resident, c.row[col::quarantine::resident]},
        {col::quarantine::policy, policy->followOn},
        {col::quarantine::startOn, start.iso()}};
    for (const core::Column& column :
         {col::quarantine::reason, col::quarantine::sourcePlace, col::quarantine::arrivedOn})
      if (const core::Value& v = c.row[column]; v) cells.push_back({column, v});
    followOnId = w.insert(core::Table::Quarantine, std::move(cells));
  });
  return followOnId;
}

void Ledger::extendCase(std::string_view quarantineId, core::Date newPlannedEnd) {
  write([&](Writer& w) {
    loadActiveCase(*state_, quarantineId, Error::Kind::Rejected);
    // The Writer refuses an end before the start (QuarantineEndBeforeStart). A shorter period is
    // allowed: "extend" is also how a mistyped planned end is corrected.
    w.update(core::Table::Quarantine, quarantineId, {{col::quarantine::plannedEndOn, newPlannedEnd.iso()}});
  });
}

void Ledger::transferCase(std::string_view quarantineId, core::Date on, core::QuarantineStatus status,
                          std::string_view place) {
  if (status != core::QuarantineStatus::Transferred && status != core::QuarantineStatus::Hospitalized)
    throw Error(Error::Kind::BadInput,
                N_("A case can be transferred or hospitalized here, not set to {status}"),
                {{"status", std::string(core::statusCode(status))}}, caseContext(quarantineId));
  write([&](Writer& w) {
    loadActiveCase(*state_, quarantineId, Error::Kind::Rejected);
    // The Writer refuses an end date before the start (QuarantineEndBeforeStart on ended_on).
    core::Cells cells = {{col::quarantine::status, std::string(core::statusCode(status))},
                         {col::quarantine::endedOn, on.iso()}};
    if (!place.empty()) cells.push_back({col::quarantine::place, std::string(place)});
    w.update(core::Table::Quarantine, quarantineId, std::move(cells));
  });
}

}  // namespace gl::db
