// What the identity tests share: a fixed "today" and the one error a number gets.
#pragma once

#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "core/identity.h"

namespace gl::test {

inline const core::Date kIdToday{2026, 11, 29};

inline core::IdCheck check(std::string_view raw, core::IdTypeHint hint = core::IdTypeHint::Any) {
  return core::checkId(raw, kIdToday, hint);
}

// The single Error-severity code, or IdUnrecognized with a failed CHECK when there is not exactly one.
inline core::IssueCode onlyError(const core::IdCheck& r) {
  std::vector<core::IssueCode> errors;
  for (const auto& i : r.issues)
    if (i.severity == core::Severity::Error) errors.push_back(i.code);
  CHECK(errors.size() == 1);
  return errors.empty() ? core::IssueCode::IdUnrecognized : errors.front();
}

}  // namespace gl::test
