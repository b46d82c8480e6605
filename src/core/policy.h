// Quarantine policies as data (docs/domain.md §5.3): the length, the
// check slots per day and the test days changed five times between 2020 and 2022 (14; 14+7; 7+3;
// 5+3) and counties added their own variants, so they live in the ledger's `policy` table and are
// edited there. builtinPolicies() seeds a new ledger with the national ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issue.h"

namespace gl::core {

// Codes are stored in `quarantine.kind` and `policy.kind` (schema.h codes::kQuarantineKind).
enum class QuarantineKind {
  Home,              // "home": 居家隔离医学观察
  Centralized,       // "central": 集中隔离医学观察
  HealthMonitoring,  // "monitor": 居家健康监测
};

// Stored in `quarantine.status`; docs/domain.md §5.5 maps the vocabularies of real rosters onto these.
enum class QuarantineStatus {
  Active,        // 隔离中 / 已隔离 / 管理中
  Released,      // 解除隔离 / 期满解除 / 结束管控
  Transferred,   // 转集中隔离 / 转居家 / 转出外地
  Hospitalized,  // 送医 / 转运定点医院 / 确诊 / 疑似
  Cancelled,     // 无需管控 / 重复 / 误判
};

// Stored in `quarantine.reason`.
enum class QuarantineReason {
  CloseContact,      // "close_contact": 密接
  SecondaryContact,  // "secondary_contact": 次密接
  RiskArea,          // "risk_area": 中高风险地区来返
  Other,             // "other"
};

struct Policy {
  std::string code;  // stable id, e.g. "central14_home7_2021"; quarantine.policy refers to it
  std::string name;  // English label; translated at the edge
  QuarantineKind kind = QuarantineKind::Home;
  int days = 14;         // length of this period, 1..60
  int slotsPerDay = 2;   // check slots per day, 1..3; 2 = morning and evening (早、晚各一次)
  std::vector<int> testDays;  // 1-based day numbers within this period that carry a nucleic-acid test
  // Whether a missed check on the last day extends the period (a local rule some communities
  // applied) instead of leaving the case overdue for a person to decide.
  bool extendOnMissedCheck = false;
  int extensionDays = 1;
  // Code of the policy that chains after release (central quarantine -> home health
  // monitoring); empty when none. docs/domain.md §5.3: the follow-on is its own quarantine row.
  std::string followOn;

  bool operator==(const Policy&) const = default;
};

// The national policies of docs/domain.md §5.3, two check slots a day each.
std::vector<Policy> builtinPolicies();

// nullptr when `code` is not among `all`.
const Policy* findPolicy(const std::vector<Policy>& all, std::string_view code);

// Checks one policy: code and name present (FieldRequired), days 1..60 (PolicyBadDays on
// "days"), slots 1..3 (PolicyBadSlots), each test day within 1..days and listed once
// (PolicyBadTestDay, detail = the day), extension 1..60 days when enabled (PolicyBadDays on
// "extension_days"), and no policy following on to itself (BadReference on "follow_on").
std::vector<Issue> validatePolicy(const Policy& policy);
// Checks a whole set (the ledger's table): each policy, codes unique (ValueNotAllowed on "code"),
// every follow-on known and no chain that loops back (BadReference on "follow_on"). Issues carry
// the offending policy's code in `detail` unless they name a value.
std::vector<Issue> validatePolicies(const std::vector<Policy>& all);

// `policy.test_days` is stored as "1,4,7,14" (ascending, no spaces).
std::string formatTestDays(const std::vector<int>& days);
// Accepts numbers separated by ',', full-width '，' or '、', spaces allowed; nullopt when a part
// is not a whole number. The empty text is no test days.
std::optional<std::vector<int>> parseTestDays(std::string_view text);

std::string_view kindCode(QuarantineKind kind);
std::optional<QuarantineKind> kindFromCode(std::string_view code);
std::string_view statusCode(QuarantineStatus status);
std::optional<QuarantineStatus> statusFromCode(std::string_view code);
std::string_view reasonCode(QuarantineReason reason);
std::optional<QuarantineReason> reasonFromCode(std::string_view code);

}  // namespace gl::core
