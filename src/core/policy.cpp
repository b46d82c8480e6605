#include "core/policy.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>
#include <utility>

#include "core/columns.h"
#include "core/error.h"
#include "core/utf8.h"

namespace gl::core {

namespace pc = col::policy;

namespace {

constexpr int kMaxDays = 60;
constexpr int kMaxSlots = 3;

constexpr std::array<std::pair<QuarantineKind, std::string_view>, 3> kKinds = {{
    {QuarantineKind::Home, "home"},
    {QuarantineKind::Centralized, "central"},
    {QuarantineKind::HealthMonitoring, "monitor"},
}};
constexpr std::array<std::pair<QuarantineStatus, std::string_view>, 5> kStatuses = {{
    {QuarantineStatus::Active, "active"},
    {QuarantineStatus::Released, "released"},
    {QuarantineStatus::Transferred, "transferred"},
    {QuarantineStatus::Hospitalized, "hospitalized"},
    {QuarantineStatus::Cancelled, "cancelled"},
}};
constexpr std::array<std::pair<QuarantineReason, std::string_view>, 4> kReasons = {{
    {QuarantineReason::CloseContact, "close_contact"},
    {QuarantineReason::SecondaryContact, "secondary_contact"},
    {QuarantineReason::RiskArea, "risk_area"},
    {QuarantineReason::Other, "other"},
}};

template <typename E, std::size_t N>
std::string_view codeOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, code] : table)
    if (e == value) return code;
  return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

Issue issue(IssueCode code, const Column& column, std::string detail) {
  return Issue{code, std::string(column), 0, 0, std::move(detail)};
}

Policy make(std::string code, std::string name, QuarantineKind kind, int days, std::vector<int> testDays,
            std::string followOn = {}) {
  Policy p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.kind = kind;
  p.days = days;
  p.slotsPerDay = 2;  // 早、晚各一次 (居家健康监测告知书 附件9-4; docs/domain.md §5.3)
  p.testDays = std::move(testDays);
  p.followOn = std::move(followOn);
  return p;
}

}  // namespace

std::vector<Policy> builtinPolicies() {
  using K = QuarantineKind;
  return {
      // 2020, early editions of the prevention and control plan: 14 days of medical observation,
      // temperature morning and evening; no test schedule (xinglinpukang.com/audio/32837601.html).
      make("home14_2020", N_("14 days medical observation (2020)"), K::Home, 14, {}),

      // 2021-05, 8th edition: "14天集中隔离医学观察 + 7天居家健康监测", tests on days 1, 4, 7 and 14
      // (双采双检 before release). The 7 days of monitoring are their own row (docs/domain.md §5.3).
      make("central14_home7_2021", N_("14 days centralized + 7 days home monitoring (8th edition, 2021)"),
           K::Centralized, 14, {1, 4, 7, 14}, "monitor7_2021"),
      make("monitor7_2021", N_("7 days home health monitoring (8th edition, 2021)"), K::HealthMonitoring, 7, {}),
      // 8th edition, secondary contacts: 7 days centralized; the source gives no test days.
      make("central7_secondary_2021", N_("7 days centralized, secondary contacts (8th edition, 2021)"),
           K::Centralized, 7, {}),

      // 2022-06-28, 9th edition: close contacts 7 days centralized (tests days 1, 2, 3, 5, 7) then
      // 3 days home health monitoring (test on day 3); secondary contacts 7 days at home (days
      // 1, 4, 7) (gscdc.cn, 9th edition Q&A).
      make("central7_monitor3_2022",
           N_("7 days centralized + 3 days home monitoring, close contacts (9th edition, 2022)"),
           K::Centralized, 7, {1, 2, 3, 5, 7}, "monitor3_2022"),
      make("monitor3_2022", N_("3 days home health monitoring (9th edition, 2022)"), K::HealthMonitoring, 3, {3}),
      make("home7_secondary_2022", N_("7 days home quarantine, secondary contacts (9th edition, 2022)"), K::Home,
           7, {1, 4, 7}),

      // 2022-11-11, "twenty measures": close contacts "5天集中隔离 + 3天居家隔离", tests on days 1, 2,
      // 3, 5 centralized and days 1, 3 at home; people leaving high-risk areas 7 days at home
      // (days 1, 3, 5, 7) (iotonline.org.cn, 2022-11-11).
      make("central5_home3_2022", N_("5 days centralized + 3 days home quarantine, close contacts (2022-11)"),
           K::Centralized, 5, {1, 2, 3, 5}, "home3_2022"),
      make("home3_2022", N_("3 days home quarantine after centralized quarantine (2022-11)"), K::Home, 3, {1, 3}),
      make("home7_2022", N_("7 days home quarantine, high-risk areas (2022-11)"), K::Home, 7, {1, 3, 5, 7}),
  };
}

const Policy* findPolicy(const std::vector<Policy>& all, std::string_view code) {
  auto it = std::find_if(all.begin(), all.end(), [&](const Policy& p) { return p.code == code; });
  return it == all.end() ? nullptr : &*it;
}

std::vector<Issue> validatePolicy(const Policy& p) {
  std::vector<Issue> out;
  if (utf8::trim(p.code).empty()) out.push_back(issue(IssueCode::FieldRequired, pc::code, {}));
  if (utf8::trim(p.name).empty()) out.push_back(issue(IssueCode::FieldRequired, pc::name, {}));
  if (p.days < 1 || p.days > kMaxDays)
    out.push_back(issue(IssueCode::PolicyBadDays, pc::days, std::to_string(p.days)));
  if (p.slotsPerDay < 1 || p.slotsPerDay > kMaxSlots)
    out.push_back(issue(IssueCode::PolicyBadSlots, pc::slotsPerDay, std::to_string(p.slotsPerDay)));
  std::set<int> seen;
  for (int d : p.testDays) {
    if (d < 1 || d > p.days || !seen.insert(d).second)
      out.push_back(issue(IssueCode::PolicyBadTestDay, pc::testDays, std::to_string(d)));
  }
  if (p.extendOnMissedCheck && (p.extensionDays < 1 || p.extensionDays > kMaxDays))
    out.push_back(issue(IssueCode::PolicyBadDays, pc::extensionDays, std::to_string(p.extensionDays)));
  if (!p.followOn.empty() && p.followOn == p.code)
    out.push_back(issue(IssueCode::BadReference, pc::followOn, p.followOn));
  return out;
}

std::vector<Issue> validatePolicies(const std::vector<Policy>& all) {
  std::vector<Issue> out;
  std::set<std::string_view> codes;
  for (const Policy& p : all) {
    for (Issue& i : validatePolicy(p)) {
      if (i.detail.empty()) i.detail = p.code;
      out.push_back(std::move(i));
    }
    if (!codes.insert(p.code).second) out.push_back(issue(IssueCode::ValueNotAllowed, pc::code, p.code));
  }
  for (const Policy& p : all) {
    if (p.followOn.empty() || p.followOn == p.code) continue;  // self-reference reported above
    if (!findPolicy(all, p.followOn)) {
      out.push_back(issue(IssueCode::BadReference, pc::followOn, p.followOn));
      continue;
    }
    // A chain longer than the number of policies has visited one twice: it loops.
    const Policy* step = &p;
    std::size_t hops = 0;
    while (step && !step->followOn.empty() && hops <= all.size()) {
      step = findPolicy(all, step->followOn);
      ++hops;
    }
    if (hops > all.size()) out.push_back(issue(IssueCode::BadReference, pc::followOn, p.followOn));
  }
  return out;
}

std::string formatTestDays(const std::vector<int>& days) {
  std::vector<int> sorted = days;
  std::sort(sorted.begin(), sorted.end());
  return fmt::format("{}", fmt::join(sorted, ","));
}

std::optional<std::vector<int>> parseTestDays(std::string_view text) {
  // Chinese input methods type '，', '、' and full-width digits: "1、4、7、14" is a normal entry.
  std::string raw = utf8::foldWidth(text), folded;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw.compare(i, 3, "\u3001") == 0) {
      folded += ',';
      i += 3;
    } else {
      folded += raw[i++];
    }
  }
  std::vector<int> out;
  std::string part;
  auto flush = [&]() -> bool {
    std::string t = utf8::trim(part);
    part.clear();
    if (t.empty() || t.size() > 3) return false;
    int v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    out.push_back(v);
    return true;
  };
  if (utf8::trim(folded).empty()) return out;
  for (char c : folded) {
    if (c == ',') {
      if (!flush()) return std::nullopt;
    } else {
      part += c;
    }
  }
  if (!flush()) return std::nullopt;
  return out;
}

std::string_view kindCode(QuarantineKind kind) { return codeOf(kKinds, kind); }
std::optional<QuarantineKind> kindFromCode(std::string_view code) { return valueOf(kKinds, code); }
std::string_view statusCode(QuarantineStatus status) { return codeOf(kStatuses, status); }
std::optional<QuarantineStatus> statusFromCode(std::string_view code) { return valueOf(kStatuses, code); }
std::string_view reasonCode(QuarantineReason reason) { return codeOf(kReasons, reason); }
std::optional<QuarantineReason> reasonFromCode(std::string_view code) { return valueOf(kReasons, code); }

}  // namespace gl::core
