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
  const std::string good = "Vc5#amber-Pine";
  CHECK(refusal([&] { accounts.put("li", "admin", "370322", good, "pw.txt"); }).find("not a role") !=
        std::string::npos);
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "", good, "pw.txt"); }).find("needs a scope") !=
        std::string::npos);
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "370323001001-1", good, "pw.txt"); })
            .find("of county") != std::string::npos);  // another county's grid
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "37032200100-1", good, "pw.txt"); })
            .find("of county") != std::string::npos);  // not a code's shape
  CHECK(refusal([&] { accounts.put("li", "grid_worker", "370322001001-1", "short", "pw.txt"); })
            .find("shorter than 10") != std::string::npos);
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

TEST_CASE("a password is at least 10 characters of three classes, not the account's name, not a word or a common one") {
  gl::test::TempStore t;
  gl::center::Accounts accounts(*t.store);
  auto put = [&](const std::string& name, const std::string& password) {
    return refusal([&] { accounts.put(name, "grid_worker", "370322001001-1", password, "pw.txt"); });
  };
  CHECK(put("li", "12345678").find("shorter than 10") != std::string::npos);
  CHECK(put("li", "Ab1#xyz").find("shorter than 10") != std::string::npos);
  CHECK(put("li", "abcdefghijklmn").find("three of") != std::string::npos);
  CHECK(put("li", "qwertyuiop12").find("three of") != std::string::npos);
  CHECK(put("zhangwei", "Zhangwei-2026").find("account name") != std::string::npos);
  CHECK(put("zhangwei", "2026-iewgnahZ").find("account name") != std::string::npos);  // reversed
  for (const char* common : {"Butterfly1!", "Football#12", "Qwerty123456!", "Admin@123456"}) {
    CAPTURE(std::string(common));
    CHECK(put("li", common).find("dictionary word or a common password") != std::string::npos);
  }
  CHECK_FALSE(t.store->account("li"));
  CHECK_FALSE(t.store->account("zhangwei"));
  for (const char* fine : {"Vc5#amber-Pine", "网格员2026-Qk!x", "k8M!t2pR9zLq"}) {
    CAPTURE(std::string(fine));
    CHECK_NOTHROW(accounts.put("li", "grid_worker", "370322001001-1", fine, "pw.txt"));
  }
}

TEST_CASE("a new password replaces the old one, restarts its age and signs the account's devices out") {
  gl::test::TempStore t;
  gl::center::Accounts accounts(*t.store);
  accounts.put("li", "grid_worker", "370322001001-1", "Vc5#amber-Pine", "pw.txt");
  t.store->addToken("token-hash", "li", 1LL << 50);
  REQUIRE(t.store->tokenAccount("token-hash", 0));
  CHECK(refusal([&] { accounts.setPassword("li", "short", "new.txt"); }).find("shorter than 10") != std::string::npos);
  CHECK(refusal([&] { accounts.setPassword("nobody", "Hx6#maple-Dune", "new.txt"); }).find("no account") !=
        std::string::npos);
  auto a = accounts.setPassword("li", "Hx6#maple-Dune", "new.txt");
  CHECK(a.role == gl::core::Role::GridWorker);  // role and scope stay
  auto back = t.store->account("li");
  REQUIRE(back);
  CHECK(gl::center::verifyPassword(back->passwordHash, "Hx6#maple-Dune"));
  CHECK(back->passwordSetMs > 1669852800000);
  CHECK_FALSE(t.store->tokenAccount("token-hash", 0));
}
