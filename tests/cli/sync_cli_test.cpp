// gridctl sync and gridcenter as a person runs them: the real binaries, a real data center on loopback TLS.
#include <doctest/doctest.h>

#include <fstream>

#include <fmt/format.h>

#include "../sync/center_fixture.h"
#include "sandbox.h"

using gl::test::Sandbox;

TEST_CASE("gridctl sync signs in with a password file, reports in JSON, and later syncs with the kept token") {
  gl::test::Center center;
  center.start();
  Sandbox s = gl::test::initialized(12);
  auto pw = s.dir / "admin.pw";
  std::ofstream(pw) << "Tk4#river-Moss\n";
  const auto& ca = gl::test::Pki::get().ca;
  auto r = s.run({"--json", "sync", "--server", center.url(), "--user", "admin", "--password-file", pw.string(),
                  "--ca-file", ca});
  REQUIRE_MESSAGE(r.exit == 0, r.err);
  auto j = r.json();
  for (auto key : {"pushed", "pulled", "refused", "duplicates", "cursor"}) CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["pushed"].get<long>() > 0);
  CHECK(j["refused"] == 0);
  CHECK(j["pending"] == 0);
  // Later: no address, user or password — the ledger keeps the address and a token.
  auto again = s.run({"--json", "sync", "--ca-file", ca});
  REQUIRE_MESSAGE(again.exit == 0, again.err);
  CHECK(again.json()["pushed"] == 0);
  // In Chinese, as a person reads it.
  auto human = s.run({"sync", "--ca-file", ca}, "LANG=zh_CN.UTF-8 LANGUAGE=");
  CHECK(human.exit == 0);
  CHECK(human.out.find("已与") != std::string::npos);

  // Refusals: exit 1 and a clear message on stderr, nothing on stdout.
  Sandbox other = gl::test::initialized();
  auto wrong = other.dir / "wrong.pw";
  std::ofstream(wrong) << "not-the-password\n";
  auto denied = other.run({"sync", "--server", center.url(), "--user", "admin", "--password-file", wrong.string(),
                           "--ca-file", ca});
  CHECK(denied.exit == 1);
  CHECK(denied.err.find("did not accept the user name admin") != std::string::npos);
  auto plain = other.run({"sync", "--server", fmt::format("http://127.0.0.1:{}", center.port()), "--user", "admin",
                          "--password-file", pw.string()});
  CHECK(plain.exit == 1);
  CHECK(plain.err.find("https://") != std::string::npos);
  auto untrusted = other.run({"sync", "--server", center.url(), "--user", "admin", "--password-file", pw.string()});
  CHECK(untrusted.exit == 1);
  CHECK(untrusted.err.find("could not be verified") != std::string::npos);
  auto never = other.run({"sync"});
  CHECK(never.exit == 1);
  CHECK(never.err.find("--server") != std::string::npos);
}
