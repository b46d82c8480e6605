// A visit's outcome (visit.outcome, docs/data-model.md §2) as an enum, with its stored code.
#pragma once

#include <optional>
#include <string_view>

namespace gl::core {

enum class VisitOutcome { Seen, Absent, Refused };

constexpr std::string_view outcomeCode(VisitOutcome outcome) {
  switch (outcome) {
    case VisitOutcome::Seen: return "seen";
    case VisitOutcome::Absent: return "absent";
    case VisitOutcome::Refused: return "refused";
  }
  return "seen";
}

constexpr std::optional<VisitOutcome> outcomeFromCode(std::string_view code) {
  for (auto o : {VisitOutcome::Seen, VisitOutcome::Absent, VisitOutcome::Refused})
    if (outcomeCode(o) == code) return o;
  return std::nullopt;
}

}  // namespace gl::core
