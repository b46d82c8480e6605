#include "demo/demo.h"

#include <fmt/format.h>
#include <algorithm>

#include "core/columns.h"
#include "core/lifecycle.h"
#include "core/schema.h"
#include "core/visit_outcome.h"
#include "db/writer.h"
#include "demo/demo_people.h"
#include "db/figure_queries.h"

namespace gl::demo {

namespace {

namespace col = core::col;
using core::Cells;
using core::Table;
using core::Value;

// 高青县's real townships first (two 街道, seven 镇), then made-up ones for very large demos.
constexpr const char* kTownships[] = {"田镇街道", "芦湖街道", "青城镇", "高城镇", "黑里寨镇",
                                      "唐坊镇",   "常家镇",   "花沟镇", "木李镇"};
constexpr const char* kPlaceWords[] = {"幸福", "和平", "东关", "西关", "南苑", "北辰", "新华",
                                       "建设", "文化", "青苑", "清河", "康乐", "瑞丰", "金岭",
                                       "柳园", "桃园", "李家", "王家", "张家", "刘庄", "孙庄",
                                       "赵庄", "前屯", "后屯", "大郭", "小郭", "丰收"};
constexpr const char* kSources[] = {"上海市浦东新区", "北京市朝阳区", "济南市历下区", "广州市白云区",
                                    "石家庄市长安区", "郑州市金水区", "天津市河西区", "青岛市黄岛区"};

struct Context {
  db::Writer& w;
  Random& rng;
  core::Date today;
  std::string county;
  std::vector<core::Policy> policies;
  std::string campaign;
  Result& result;
  IssuedIds& issued;
};

Value text(const std::string& s) {
  return s.empty() ? Value() : Value(s);
}

void addQuarantine(Context& c, const std::string& resident, const std::string& worker) {
  const auto& policy =
      c.policies[static_cast<std::size_t>(uniform(c.rng, 0, static_cast<int>(c.policies.size()) - 1))];
  core::Date start = c.today.addDays(-uniform(c.rng, 0, policy.days + 6));
  core::Date end = core::plannedEnd(policy, start);
  using core::QuarantineStatus;
  QuarantineStatus status = QuarantineStatus::Active;
  Value ended;
  if (end < c.today) {
    int roll = uniform(c.rng, 0, 99);
    status = roll < 90   ? QuarantineStatus::Released
             : roll < 95 ? QuarantineStatus::Transferred
                         : QuarantineStatus::Active;  // a few overdue ones stay active
    if (status != QuarantineStatus::Active) ended = end.addDays(1).iso();
  }
  static constexpr const char* kReasons[] = {"close_contact", "secondary_contact", "risk_area"};
  namespace q = col::quarantine;
  std::string id = c.w.insert(
      Table::Quarantine, {{q::resident, resident},
                          {q::policy, policy.code},
                          {q::reason, std::string(kReasons[uniform(c.rng, 0, 2)])},
                          {q::sourcePlace, std::string(kSources[uniform(c.rng, 0, std::size(kSources) - 1)])},
                          {q::arrivedOn, start.addDays(-uniform(c.rng, 0, 1)).iso()},
                          {q::startOn, start.iso()},
                          {q::plannedEndOn, end.iso()},
                          {q::endedOn, ended},
                          {q::status, std::string(core::statusCode(status))},
                          {q::place, policy.kind == core::QuarantineKind::Centralized
                                         ? Value("县隔离点" + std::to_string(uniform(c.rng, 1, 3)) + "号楼")
                                         : Value()}});
  ++c.result.quarantines;
  core::CaseView view{start, end, core::QuarantineStatus::Active};
  core::Date last = std::min(end, c.today);
  for (core::Date d = start; d <= last; d = d.addDays(1)) {
    for (int slot = 0; slot < policy.slotsPerDay; ++slot) {
      bool done = d == c.today ? slot == 0 && chance(c.rng, 0.6) : chance(c.rng, 0.97);
      if (!done) continue;
      int tenths = chance(c.rng, 0.015) ? uniform(c.rng, 373, 386) : uniform(c.rng, 362, 371);
      Cells check = {{col::health_check::quarantine, id},
                     {col::health_check::checkedOn, d.iso()},
                     {col::health_check::slot, std::string(core::slotCode(slot, policy.slotsPerDay))},
                     {col::health_check::temperature, fmt::format("{}.{}", tenths / 10, tenths % 10)},
                     {col::health_check::checkedBy, worker}};
      if (slot == 0 && core::isTestDay(policy, view, d))
        check.push_back({col::health_check::testResult, std::string("negative")});
      c.w.insert(Table::HealthCheck, std::move(check));
      ++c.result.healthChecks;
    }
  }
}

// One household of 1–6 people: a head, maybe a spouse, children and parents of plausible ages.
void addHousehold(Context& c, const std::string& grid, const std::string& worker, const std::string& address,
                  const std::string& building, const std::string& unit, const std::string& room,
                  long long number) {
  static constexpr int kSizeWeights[] = {15, 28, 25, 17, 10, 5};
  int roll = uniform(c.rng, 0, 99), size = 1;
  for (int w : kSizeWeights) {
    if (roll < w) break;
    roll -= w;
    ++size;
  }
  std::string family = surname(c.rng);
  int headAge = size == 1 ? uniform(c.rng, 20, 90) : uniform(c.rng, 26, 80);
  bool headMale = chance(c.rng, 0.7);
  Person head = person(c.rng, family, headMale, headAge, c.today, c.county.c_str(), c.issued);
  std::string household =
      c.w.insert(Table::Household, {{col::household::grid, grid},
                                    {col::household::householdNo, fmt::format("{:09}", number)},
                                    {col::household::building, text(building)},
                                    {col::household::unit, text(unit)},
                                    {col::household::room, text(room)},
                                    {col::household::address, address},
                                    {col::household::kind,
                                     std::string(chance(c.rng, 0.12) ? "rental" : "occupied")},
                                    {col::household::phone, text(head.phone)}});
  ++c.result.households;
  auto add = [&](const Person& p, const char* relation, int age, bool alone) {
    std::string flags;
    if (alone && age >= 70) flags = "elderly_alone";
    if (age >= 50 && chance(c.rng, 0.08)) flags += flags.empty() ? "chronic" : ",chronic";
    if (chance(c.rng, 0.015)) flags += flags.empty() ? "disability" : ",disability";
    if (!p.male && age >= 21 && age <= 40 && chance(c.rng, 0.02))
      flags += flags.empty() ? "pregnancy" : ",pregnancy";
    std::string id = c.w.insert(Table::Resident,
                                {{col::resident::household, household},
                                 {col::resident::name, p.name},
                                 {col::resident::idNumber, p.idNumber},
                                 {col::resident::ethnicity, std::string(chance(c.rng, 0.01) ? "回族" : "汉族")},
                                 {col::resident::phone, text(p.phone)},
                                 {col::resident::relation, std::string(relation)},
                                 {col::resident::residence,
                                  std::string(chance(c.rng, 0.08) ? "temporary" : "permanent")},
                                 {col::resident::careFlags, text(flags)}});
    ++c.result.residents;
    if (chance(c.rng, 0.03)) addQuarantine(c, id, worker);
  };
  add(head, "户主", headAge, size == 1);
  int members = 1;
  if (size >= 2) {
    int age = std::clamp(headAge + uniform(c.rng, -3, 3), 20, 95);
    add(person(c.rng, headMale ? surname(c.rng) : family, !headMale, age, c.today, c.county.c_str(), c.issued), "配偶",
        age, false);
    ++members;
  }
  for (; members < size; ++members) {
    bool older = headAge < 55 && members == size - 1 && chance(c.rng, 0.4);
    int age = older ? std::min(headAge + uniform(c.rng, 24, 32), 99)
                    : std::max(headAge - uniform(c.rng, 22, 34), 0);
    bool male = chance(c.rng, 0.51);
    const char* relation = older ? (male ? "父亲" : "母亲") : (male ? "子" : "女");
    add(person(c.rng, family, male, age, c.today, c.county.c_str(), c.issued), relation, age, false);
  }
  if (!c.campaign.empty() && chance(c.rng, 0.55)) {
    int outcome = uniform(c.rng, 0, 99);
    Cells visit = {{col::visit::household, household},
                   {col::visit::campaign, c.campaign},
                   {col::visit::visitedOn, c.today.addDays(-uniform(c.rng, 0, 13)).iso()},
                   {col::visit::worker, worker},
                   {col::visit::outcome, std::string(core::outcomeCode(outcome < 90   ? core::VisitOutcome::Seen
                                                                     : outcome < 98 ? core::VisitOutcome::Absent
                                                                                    : core::VisitOutcome::Refused))}};
    if (outcome < 90) {
      visit.push_back({col::visit::temperature, fmt::format("36.{}", uniform(c.rng, 2, 9))});
      visit.push_back({col::visit::healthCode, std::string("green")});
    }
    c.w.insert(Table::Visit, std::move(visit));
    ++c.result.visits;
  }
}

// The county the demo adds to, found or made: its region and campaign rows, and how many
// townships and households it has already (new ones are numbered after them).
struct County {
  std::string id, code, name, campaign;
  int townships = 0;
  long long householdNo = 0;
};

County findOrAddCounty(db::Ledger& ledger, core::Date today) {
  County county;
  county.code = ledger.setting("county_code").value_or(kDemoCountyCode);
  county.name = ledger.setting("county_name").value_or(kDemoCountyName);
  ledger.forEachRow(Table::Region, [&](const db::Row& r) {
    if (r[col::region::level] == Value("county") && r[col::region::code] == Value(county.code)) county.id = r.id;
    if (r[col::region::level] == Value("township")) ++county.townships;
  });
  ledger.forEachRow(Table::Campaign, [&](const db::Row& r) { county.campaign = r.id; });
  for (const auto& t : db::FigureQueries(ledger, ledger.readerScope()).today(today).tables)
    if (t.name == "household") county.householdNo = t.rows;
  ledger.write([&](db::Writer& w) {
    if (county.id.empty())
      county.id = w.insert(Table::Region,
                           {{col::region::code, county.code},
                            {col::region::name, county.name},
                            {col::region::level, std::string("county")}});
    if (county.campaign.empty())
      county.campaign = w.insert(Table::Campaign, {{col::campaign::name, std::string("冬季入户排查")},
                                                   {col::campaign::scope, county.code},
                                                   {col::campaign::startOn, today.addDays(-14).iso()},
                                                   {col::campaign::endOn, today.addDays(7).iso()}});
  });
  return county;
}

// A township's row and its `count` communities (社区 under a 街道, 村 under a 镇), as
// (id, "name|code") pairs.
std::vector<std::pair<std::string, std::string>> addCommunities(Context& c, const std::string& countyId,
                                                                const std::string& townshipCode,
                                                                const std::string& townshipName, bool street,
                                                                int count) {
  std::vector<std::pair<std::string, std::string>> communities;
  std::string townshipId = c.w.insert(Table::Region, {{col::region::code, townshipCode},
                                                      {col::region::name, townshipName},
                                                      {col::region::level, std::string("township")},
                                                      {col::region::parent, countyId}});
  for (int k = 0; k < count; ++k) {
    std::string name =
        std::string(kPlaceWords[uniform(c.rng, 0, std::size(kPlaceWords) - 1)]) + (street ? "社区" : "村");
    std::string code = townshipCode + fmt::format("{:03}", street ? k + 1 : 200 + k);
    communities.emplace_back(c.w.insert(Table::Region, {{col::region::code, code},
                                                        {col::region::name, name},
                                                        {col::region::level, std::string("community")},
                                                        {col::region::parent, townshipId}}),
                             name + "|" + code);
  }
  return communities;
}

// Grid `g` of a community with its worker and `count` households: flats numbered by building, unit
// and room in a 社区, numbered houses in a 村. Addresses start with `prefix` (county, township,
// community).
void addGrid(Context& c, const std::string& communityId, const std::string& communityCode,
             const std::string& prefix, bool street, int g, long long count, long long& householdNo) {
  Person gw =
      person(c.rng, surname(c.rng), chance(c.rng, 0.4), uniform(c.rng, 25, 50), c.today, c.county.c_str(), c.issued);
  std::string worker = c.w.insert(Table::Worker, {{col::worker::name, gw.name},
                                                  {col::worker::phone, mobile(c.rng)},
                                                  {col::worker::role, std::string("grid_worker")},
                                                  {col::worker::scope, communityCode + "-" + std::to_string(g)}});
  std::string grid = c.w.insert(Table::Grid, {{col::grid::code, communityCode + "-" + std::to_string(g)},
                                              {col::grid::region, communityId},
                                              {col::grid::name, fmt::format("第{}网格", g)},
                                              {col::grid::leader, worker}});
  ++c.result.grids;
  for (long long h = 0; h < count; ++h) {
    ++householdNo;
    if (street) {
      int building = g * 10 + static_cast<int>(h / 24) + 1, unit = static_cast<int>(h % 24) / 12 + 1;
      int room = (static_cast<int>(h % 12) / 2 + 1) * 100 + static_cast<int>(h % 2) + 1;
      addHousehold(c, grid, worker, fmt::format("{}{}号楼{}单元{}室", prefix, building, unit, room),
                   std::to_string(building), std::to_string(unit), std::to_string(room), householdNo);
    } else {
      int number = g * 1000 + static_cast<int>(h) + 1;
      addHousehold(c, grid, worker, fmt::format("{}{}号", prefix, number), {}, {}, std::to_string(number),
                   householdNo);
    }
  }
}

}  // namespace

Result generate(db::Ledger& ledger, const Options& options, const core::Reporter& progress) {
  Result result;
  Random rng(options.seed);
  IssuedIds issued;
  core::Date today = ledger.today();
  County county = findOrAddCounty(ledger, today);
  auto policies = ledger.policies();

  // Per connection only: if the load fails, the setting goes with the connection.
  ledger.setBulkLoad(true);
  long long remaining = options.households;
  while (remaining > 0) {
    int t = county.townships++;
    // GB/T 10114: 001–099 街道, 100–199 镇, 400–599 for units like development zones. The two real
    // 街道 are 001 and 002, the seven 镇 102–108; made-up 街道 continue at 003 and then at 400.
    bool street = t < 2 || t >= static_cast<int>(std::size(kTownships));
    int number = t < 2 ? t + 1 : !street ? 100 + t : t - 6 <= 99 ? t - 6 : 400 + (t - 106);
    std::string townshipCode = county.code + fmt::format("{:03}", number);
    std::string townshipName =
        t < static_cast<int>(std::size(kTownships)) ? kTownships[t] : fmt::format("新区第{}街道", t);
    int communityCount = uniform(rng, 8, 16);
    // One transaction per township: a county-sized load that commits every few hundred rows writes
    // the same search-index pages to the WAL over and over.
    ledger.write([&](db::Writer& w) {
      Context c{w, rng, today, county.code, policies, county.campaign, result, issued};
      auto communities = addCommunities(c, county.id, townshipCode, townshipName, street, communityCount);
      for (const auto& [communityId, nameCode] : communities) {
        if (remaining <= 0) break;
        std::string communityName = nameCode.substr(0, nameCode.find('|'));
        std::string communityCode = nameCode.substr(nameCode.find('|') + 1);
        int grids = uniform(rng, 3, 6);
        for (int g = 1; g <= grids && remaining > 0; ++g) {
          long long count = std::min<long long>(remaining, uniform(rng, 250, 350));
          addGrid(c, communityId, communityCode, county.name + townshipName + communityName, street, g, count,
                  county.householdNo);
          remaining -= count;
          progress.step({options.households - remaining, options.households, 0});
        }
      }
    });
  }
  ledger.setBulkLoad(false);
  return result;
}

}  // namespace gl::demo
