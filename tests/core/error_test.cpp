#include <doctest/doctest.h>

#include "core/error.h"

using gl::Error;
using gl::formatNamed;

TEST_CASE("named placeholders are replaced and unknown ones kept") {
  CHECK(formatNamed("Row {row}: {field} is empty", {{"row", "7"}, {"field", "姓名"}}) == "Row 7: 姓名 is empty");
  CHECK(formatNamed("{missing} stays", {}) == "{missing} stays");
  CHECK(formatNamed("braces {{row}}", {{"row", "1"}}) == "braces {row}");
}

TEST_CASE("an error carries its kind, message id, arguments and context") {
  Error e(Error::Kind::Environment, "Cannot open {path}", {{"path", "/x.db"}}, "ledger");
  CHECK(e.kind() == Error::Kind::Environment);
  CHECK(e.retryable());
  CHECK(e.msgid() == "Cannot open {path}");
  CHECK(std::string(e.what()) == "Cannot open /x.db (ledger)");
  Error r(Error::Kind::Rejected, "no");
  CHECK_FALSE(r.retryable());
}
