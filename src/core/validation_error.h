// A write refused because its values break the rules: carries every issue so a window can put each
// one next to its field and gridctl can list them all.
#pragma once

#include <vector>

#include "core/error.h"
#include "core/issue.h"

namespace gl {

class ValidationError : public Error {
 public:
  ValidationError(std::vector<core::Issue> issues, std::string context)
      : Error(Kind::BadInput, N_("The record has invalid values"), {}, std::move(context)),
        issues_(std::move(issues)) {}
  const std::vector<core::Issue>& issues() const { return issues_; }

 private:
  std::vector<core::Issue> issues_;
};

}  // namespace gl
