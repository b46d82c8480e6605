// The account rules of the data center (center/accounts.h), in one place for every way accounts are
// written.
#include <doctest/doctest.h>

#include "center/accounts.h"
#include "center/secrets.h"
#include "core/error.h"
#include "temp_store.h"

namespace {
std::string refusal(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::BadInput);
    return e.msgid();
  }
  FAIL("not refused");
  return {};
}
}  // namespace

TEST_CASE("an account is written only with a known role, a scope of the county and a long enough password") {
  gl::test::TempStore t;
  gl::center::Accounts accounts(*t.store);
  const std::string good = "correct horse";
  CHECK(refusal([&] { accounts.put("li", "admin", "370322", good, "pw.txt"); }).find("not a role") !=
        std::string::npos);
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "", good, "pw.txt"); }).find("needs a scope") !=
        std::string::npos);
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "370323001001-1", good, "pw.txt"); })
            .find("of county") != std::string::npos);  // another county's grid
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "37032200100-1", good, "pw.txt"); })
            .find("of county") != std::string::npos);  // not a code's shape
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "370322001001-1", "short", "pw.txt"); })
            .find("shorter than 8") != std::string::npos);
  CHECK(refusal([&] { accounts.put("", "grid_worker", "370322001001-1", good, "pw.txt"); }).find("name") !=
        std::string::npos);
  CHECK_FALSE(t.store->account("li"));  // nothing written by a refusal

  auto a = accounts.put("li", "township_officer", "370322001,370322002001-3", good, "pw.txt");
  auto back = t.store->account("li");
  REQUIRE(back);
  CHECK(back->role == gl::core::Role::TownshipOfficer);
  CHECK(back->scope == std::vector<std::string>{"370322001", "370322002001-3"});
  CHECK(back->passwordHash != good);
  CHECK(gl::center::verifyPassword(back->passwordHash, good));
  CHECK_FALSE(gl::center::verifyPassword(back->passwordHash, "wrong password"));
  CHECK(back->access("370322").reads(std::string("370322001007-1")));
  CHECK_FALSE(back->access("370322").reads(std::string("370322003001-1")));
}
