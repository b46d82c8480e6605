// One translation point per edge (docs/style.md §3, after Poedit's errors.cpp): the window, gridctl
// and gridcenter all turn a caught exception into text here.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/issue.h"

namespace gl::text {

// The translated message of any exception; gl::Error gets its named arguments filled in.
std::string describe(std::exception_ptr error);

// Translated text of a gl::Error's message id with its arguments.
std::string describe(const gl::Error& error);

// The English message id of an issue code (every IssueCode has one; a test checks it).
const char* issueMessageId(core::IssueCode code);

// A translated sentence for one issue: field label, row and column when known, the offending value.
// `table` (when known) picks the right label for a column such as "name" (姓名 vs. 活动名称).
std::string describe(const core::Issue& issue, std::string_view table = {});

}  // namespace gl::text
