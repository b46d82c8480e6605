// A small county for the roster tests, on 2022-11-21: a township, a community with two grids, four
// households (one of no grid yet) and five people, cases that run through, end on, start on and are
// past their end on that day, a check, a campaign with one household visited, and a person cared for.
#pragma once

#include <string>

#include "core/identity.h"
#include "temp_ledger.h"

namespace gl::test {

inline std::string idNumber(const std::string& birth, const std::string& seq) {
  std::string first17 = "370322" + birth + seq;
  return first17 + core::gb11643CheckDigit(first17);
}

struct RosterCounty {
  TempLedger l;
  std::string grid1, grid2, a, b, c, d, e, caseA;
  const core::Date day{2022, 11, 21};

  RosterCounty() {
    using core::Table;
    std::string county;
    l->forEachRow(Table::Region, [&](const db::Row& r) { county = r.id; });
    auto region = [&](const char* code, const char* name, const char* level, const std::string& parent) {
      return l->insert(Table::Region, {{"code", std::string(code)}, {"name", std::string(name)},
                                       {"level", std::string(level)}, {"parent", parent}});
    };
    auto township = region("370322001", "田镇街道", "township", county);
    auto community = region("370322001001", "银杏社区", "community", township);
    auto grid = [&](const char* code, const char* name) {
      return l->insert(Table::Grid, {{"code", std::string(code)}, {"name", std::string(name)}, {"region", community}});
    };
    grid1 = grid("370322001001-1", "第1网格");
    l->insert(Table::Worker, {{"name", std::string("王网格")}, {"phone", std::string("13900000000")},
                              {"role", std::string("grid_worker")}, {"scope", std::string("370322001001-1")}});
    grid2 = grid("370322001001-2", "第2网格");
    auto household = [&](const std::string& g, const char* b, const char* u, const char* r) {
      core::Cells cells = {{"address", std::string("田镇街道银杏社区") + b + "号楼" + u + "单元" + r + "室"},
                           {"building", std::string(b)}, {"unit", std::string(u)}, {"room", std::string(r)}};
      if (!g.empty()) cells.push_back({"grid", g});
      return l->insert(Table::Household, cells);
    };
    auto h1 = household(grid1, "3", "2", "301"), h2 = household(grid1, "3", "2", "302"),
         h3 = household(grid2, "5", "1", "101"), h4 = household({}, "9", "1", "101");
    auto person = [&](const std::string& h, const char* name, const std::string& id, const char* phone) {
      return l->insert(Table::Resident, {{"household", h}, {"name", std::string(name)}, {"id_number", id},
                                         {"phone", std::string(phone)}});
    };
    a = person(h1, "柏青松", idNumber("19600101", "002"), "13800138001");
    b = person(h2, "林海", idNumber("19700101", "003"), "13800138002");
    c = person(h3, "周小川", idNumber("19800101", "005"), "13800138003");
    d = person(h4, "吴敏", idNumber("19900101", "004"), "13800138004");
    e = l->insert(Table::Resident, {{"household", h1}, {"name", std::string("柏老汉")},
                                    {"id_number", idNumber("19350101", "007")}, {"care_flags", std::string("elderly_alone,chronic")}});
    auto quarantine = [&](const std::string& who, const char* kind, const char* start, const char* end) {
      return l->insert(Table::Quarantine, {{"resident", who}, {"kind", std::string(kind)}, {"start_on", std::string(start)},
                                           {"planned_end_on", std::string(end)}, {"reason", std::string("risk_area")},
                                           {"source_place", std::string("上海市")}});
    };
    caseA = quarantine(a, "home", "2022-11-15", "2022-11-21");  // day 7 of 7: on checks and releases
    quarantine(b, "central", "2022-11-21", "2022-11-27");        // starts: on checks and arrivals
    quarantine(c, "monitor", "2022-11-10", "2022-11-16");        // past its end, still active: on checks
    quarantine(d, "home", "2022-11-14", "2022-11-21");           // ends: checks and releases
    l->recordCheck(caseA, day, 0, 365);
    auto campaign = l->insert(Table::Campaign, {{"name", std::string("冬季入户排查")}, {"scope", std::string("370322001001")},
                                                {"start_on", std::string("2022-11-01")}});
    l->insert(Table::Visit, {{"household", h1}, {"campaign", campaign}, {"visited_on", std::string("2022-11-05")},
                             {"outcome", std::string("seen")}});
  }
};

}  // namespace gl::test
