#include "exchange/column_plan.h"

#include <algorithm>

#include "core/columns.h"
#include "core/error.h"
#include "exchange/column_map.h"

namespace gl::exchange {

namespace col = core::col;

namespace {

using F = ImportField;

bool has(const std::vector<ColumnMapping>& columns, F field) {
  return std::any_of(columns.begin(), columns.end(), [&](const ColumnMapping& c) { return c.field == field; });
}

MissingColumn missing(F field, const core::Column& column) {
  return {std::string(fieldName(field)), std::string(column)};
}

// A building column that names the building alone (楼栋, 楼号), not the whole flat (楼号、单元、房间号).
bool hasPlainBuilding(const std::vector<ColumnMapping>& columns) {
  return std::any_of(columns.begin(), columns.end(), [](const ColumnMapping& c) {
    if (c.field != F::Building) return false;
    std::string h = normalizeHeader(c.header);
    return h.find("单元") == std::string::npos && h.find("房") == std::string::npos;
  });
}

bool isQuarantineField(F f) {
  return f == F::QuarantineKind || f == F::Reason || f == F::StartOn || f == F::PlannedEndOn || f == F::Place || f == F::Status ||
         f == F::SourcePlace || f == F::ArrivedOn;
}

bool hasQuarantineColumns(const std::vector<ColumnMapping>& columns) {
  return std::any_of(columns.begin(), columns.end(),
                     [](const ColumnMapping& c) { return c.field && isQuarantineField(*c.field); });
}

}  // namespace

void decideByHeaderSet(std::vector<ColumnMapping>& columns, const std::vector<bool>& chosenByUser) {
  const bool building = hasPlainBuilding(columns), room = has(columns, F::Room);
  const bool quarantine = hasQuarantineColumns(columns);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    auto& c = columns[i];
    if (i < chosenByUser.size() && chosenByUser[i]) continue;
    if (c.field == F::HouseNumber) {
      if (building && !room) {
        c.field = F::Room;
        c.note = N_("beside a building column, 门牌 is the room number");
      } else {
        c.note = N_("no building column: 门牌 is the house number, part of the address");
      }
    } else if (c.field == F::CareFlags && normalizeHeader(c.header) == "人员类别") {
      if (quarantine) {
        c.field = F::Reason;
        c.note = N_("in a roster with quarantine columns, 人员类别 is the reason for the quarantine");
      } else {
        c.note = N_("without quarantine columns, 人员类别 names care groups");
      }
    }
  }
}

void markColumns(std::vector<ColumnMapping>& columns) {
  const bool kind = has(columns, F::QuarantineKind), idType = has(columns, F::IdType);
  for (auto& c : columns) {
    c.residentIdOnly = c.field == F::IdNumber && isResidentIdHeader(c.header);
    c.kindFromPlace = c.field == F::Place && !kind;
    if (!c.note.empty()) continue;
    if (c.residentIdOnly)
      c.note = idType ? N_("resident identity numbers, unless the row's document type names another document")
                      : N_("resident identity numbers only (18 or 15 digits)");
    else if (c.kindFromPlace)
      c.note = N_("no quarantine kind column: 居家 here means home quarantine, any other place centralized");
  }
}

std::vector<MissingColumn> missingColumns(const std::vector<ColumnMapping>& columns) {
  std::vector<MissingColumn> out;
  if (!has(columns, F::Name)) out.push_back(missing(F::Name, col::resident::name));
  // A visit is to a household: a visit roster without any column of the address says so once (people
  // the ledger knows still get their visits, at the household it has for them).
  const bool place = has(columns, F::Address) || has(columns, F::Building) || has(columns, F::Room) ||
                     has(columns, F::HouseNumber) || has(columns, F::HouseholdNo) || has(columns, F::HouseholdRef);
  if (has(columns, F::VisitedOn) && !place) out.push_back(missing(F::Address, col::household::address));
  if (hasQuarantineColumns(columns)) {
    const bool kindFromPlace =
        std::any_of(columns.begin(), columns.end(), [](const ColumnMapping& c) { return c.kindFromPlace; });
    if (!has(columns, F::QuarantineKind) && !kindFromPlace)
      out.push_back(missing(F::QuarantineKind, col::quarantine::kind));
    if (!has(columns, F::StartOn)) out.push_back(missing(F::StartOn, col::quarantine::startOn));
    if (!has(columns, F::PlannedEndOn))
      out.push_back(missing(F::PlannedEndOn, col::quarantine::plannedEndOn));
  }
  return out;
}

}  // namespace gl::exchange
