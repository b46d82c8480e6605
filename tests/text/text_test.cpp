#include <doctest/doctest.h>

#include "core/error.h"
#include "core/issue.h"
#include "text/clock_text.h"
#include "text/describe.h"
#include "text/labels.h"
#include "text/text.h"

using gl::core::Issue;
using gl::core::IssueCode;

TEST_CASE("without a translator, ids come back in English with their values") {
  gl::text::setTranslators({}, {});
  CHECK(gl::text::format("Row {row}: {field}", fmt::arg("row", 3), fmt::arg("field", "x")) == "Row 3: x");
  CHECK(gl::text::describe(Issue{IssueCode::FieldRequired, "name"}) == "Name is required");
  CHECK(gl::text::describe(Issue{IssueCode::BadNumber, "days", 7, 3, "x"}) == "Row 7, column 3: Days: “x” is not a number");
}

TEST_CASE("a translation with a broken placeholder falls back to English instead of throwing") {
  gl::text::setTranslators([](const char* id) { return std::string(id) == "Hello {name}" ? "你好 {nmae}" : id; }, {});
  CHECK(gl::text::format("Hello {name}", fmt::arg("name", "张三")) == "Hello 张三");
  gl::text::setTranslators({}, {});
}

TEST_CASE("describe fills a gl::Error's named arguments and names other exceptions") {
  gl::Error e(gl::Error::Kind::BadInput, "Cannot read {path}", {{"path", "/a.csv"}});
  CHECK(gl::text::describe(std::make_exception_ptr(e)) == "Cannot read /a.csv");
  CHECK(gl::text::describe(std::make_exception_ptr(std::runtime_error("boom"))) == "Internal error: boom");
}

TEST_CASE("every issue code has its own message id") {
  for (int c = 0; c <= static_cast<int>(IssueCode::BadReference); ++c) {
    std::string id = gl::text::issueMessageId(static_cast<IssueCode>(c));
    CHECK_MESSAGE(id != "Unknown problem", c);
    bool named = id.find("{field}") != std::string::npos || id.find("{detail}") != std::string::npos;
    CHECK(named);
  }
}

TEST_CASE("labels turn stored words into words people use") {
  CHECK(gl::text::fieldLabel("id_number") == "Identity number");
  CHECK(gl::text::codeLabel("home") == "home quarantine");
  CHECK(gl::text::codeLabel("never-seen") == "never-seen");
  // "name" is a person's name unless the table says otherwise.
  CHECK(gl::text::fieldLabel("resident", "name") == "Name");
  CHECK(gl::text::fieldLabel("campaign", "name") == "Campaign name");
  CHECK(gl::text::fieldLabel("grid", "name") == "Grid name");
  CHECK(gl::text::fieldLabel("campaign", "start_on") == "Start date");
}

TEST_CASE("a PC's clock is mentioned only when it is a minute or more off, ahead or behind, in days, hours or minutes") {
  gl::text::setTranslators({}, {});
  const std::int64_t minute = 60000, hour = 60 * minute, day = 24 * hour;
  CHECK(gl::text::clockWarning(0).empty());
  CHECK(gl::text::clockWarning(59 * 1000).empty());
  CHECK(gl::text::clockWarning(-59 * 1000).empty());
  CHECK(gl::text::clockWarning(-(day + 2 * hour)).find("1 d 2 h ahead") != std::string::npos);
  CHECK(gl::text::clockWarning(hour + 5 * minute).find("1 h 5 min behind") != std::string::npos);
  CHECK(gl::text::clockWarning(-3 * minute).find("3 min ahead") != std::string::npos);
}
