// Daily rosters (docs/architecture.md §2): the lists township officers print before 8 a.m. and grid
// workers fill in by hand at the door. A roster is built from the ledger for a date and a scope as a
// plain table — columns, then the rows of each grid in walking order with a subtotal, then a
// total — with ids and phones masked. The PDF (roster_pdf.h), the print preview, printing and the
// .xlsx/.csv files all show this one table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/progress.h"
#include "db/ledger.h"
#include "exchange/xlsx_writer.h"

namespace gl::report {

enum class RosterKind {
  Checks,     // 体温监测名单: everyone under quarantine or monitoring on the date
  Releases,   // 解除隔离名单: planned end on the date
  Arrivals,   // 新增管控名单: started on the date
  VisitsDue,  // 待走访名单: households of the running campaign not yet visited
  Care,       // 重点关爱名单: people with care flags, with their household's last visit
};

// "checks", "releases", "arrivals", "visits-due", "care" (the gridctl words).
std::string_view kindName(RosterKind kind);
std::optional<RosterKind> kindByName(std::string_view name);
const std::vector<RosterKind>& allKinds();
// The roster's title in the user's language ("体温监测名单").
std::string kindTitle(RosterKind kind);

struct RosterColumn {
  std::string title;
  double weight = 1;        // share of the table's width
  bool right = false;       // numbers: aligned right
  bool handwritten = false; // left blank where nothing is recorded: a box to fill in at the door
  exchange::CellType type = exchange::CellType::Text;
};

struct RosterGroup {
  std::string title;  // "第3网格（370322001001-3）", or "未分网格"
  std::vector<std::vector<std::string>> rows;
};

struct Roster {
  RosterKind kind = RosterKind::Checks;
  std::string title;      // kindTitle(kind)
  core::Date date;
  db::RosterScope scope;
  std::string campaign;   // visits-due: the running campaign ("" when none runs)
  std::string unit;       // what a row is, for counts: "人" or "户" in the user's language
  bool landscape = false;
  std::vector<RosterColumn> columns;
  std::vector<RosterGroup> groups;

  std::size_t total() const;
  std::string subtotalText(std::size_t n) const;  // "小计：12 人"
  std::string totalText() const;                  // "合计：340 人"
  std::string scopeText() const;                  // "田镇街道（370322001）"
};

// The stages of core::Progress a roster reports: reading the ledger, then making the rows (done of total).
enum RosterStage { kReading = 0, kMaking = 1, kPaging = 2, kWriting = 3 };

// Reads the roster. Throws gl::Error: BadInput for a scope code the ledger does not know, Rejected
// ("Cancelled") when `progress` is asked to stop.
Roster buildRoster(const db::Ledger& ledger, RosterKind kind, core::Date date, std::string_view scopeCode,
                   const core::Reporter& progress = {});

}  // namespace gl::report
