// The request log cannot be forged or flooded through what a request carries (center/log_line.h).
#include <doctest/doctest.h>

#include <string>

#include "center/log_line.h"

using gl::center::logLine;
using gl::center::logValue;

TEST_CASE("a log value is bare when plain, else quoted with every control byte escaped") {
  CHECK(logValue("li") == "li");
  CHECK(logValue("") == "-");
  CHECK(logValue("wang wu") == "\"wang wu\"");
  CHECK(logValue("王秀英") == "\"王秀英\"");
  CHECK(logValue("a=b") == "\"a=b\"");
  CHECK(logValue("x\n2026-12-07T00:00:00Z admin logged in") == "\"x\\n2026-12-07T00:00:00Z admin logged in\"");
  CHECK(logValue("tab\there\r\"q\"\\") == "\"tab\\there\\r\\\"q\\\"\\\\\"");
  CHECK(logValue(std::string("nul\0bel\x07", 8)) == "\"nul\\x00bel\\x07\"");
  CHECK(logValue("bad\xff\xfe utf8") == "\"bad\\xff\\xfe utf8\"");
  CHECK(logValue("\xe7\x8e") == "\"\\xe7\\x8e\"");  // a cut-off character
}

TEST_CASE("a long value is cut at a character boundary and marked") {
  std::string huge(200 * 1024, 'a');
  auto v = logValue(huge);
  CHECK(v.size() < 80);
  CHECK(v.find("…") != std::string::npos);
  std::string chinese;
  for (int i = 0; i < 40; ++i) chinese += "张";  // 3 bytes each
  auto c = logValue(chinese, 64);
  std::string expected = "\"";
  expected.append(chinese, 0, 63).append("…\"");  // 21 whole characters
  CHECK(c == expected);
}

TEST_CASE("a request line has one line whatever the request held") {
  gl::center::RequestRecord r;
  r.atMs = 1669852800000;
  r.address = "127.0.0.1";
  r.method = "POST";
  r.path = "/v1/login";
  r.status = 401;
  r.bytes = 95;
  r.account = "x\n2022-12-01T00:00:00Z 127.0.0.1 POST /v1/login 200 admin";
  r.elapsedMs = 3;
  auto line = logLine(r);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("at=2022-12-01T00:00:00Z addr=127.0.0.1 method=POST path=/v1/login status=401 bytes=95 account=\"x\\n",
                   0) == 0);
  r.fault = "no such table: cell";
  CHECK(logLine(r).find(" fault=\"no such table: cell\"") != std::string::npos);
}

TEST_CASE("a log value takes strict UTF-8 only and shows what would change how the line reads") {
  CHECK(logValue("\xe0\x80\x8a") == "\"\\xe0\\x80\\x8a\"");          // an overlong newline
  CHECK(logValue("\xed\xa0\x80") == "\"\\xed\\xa0\\x80\"");          // a surrogate
  CHECK(logValue("\xf5\x80\x80\x80") == "\"\\xf5\\x80\\x80\\x80\"");  // past U+10FFFF
  CHECK(logValue("a\xc2\x85z") == "\"a\\u0085z\"");                  // NEL, a C1 control
  CHECK(logValue("a\xe2\x80\xa8z") == "\"a\\u2028z\"");              // the line separator
  CHECK(logValue("li\xe2\x80\xaenimda") == "\"li\\u202enimda\"");    // right-to-left override
  CHECK(logValue("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");     // an emoji stays
}
