// The sync messages' cell lists, written and read without a JSON tree (sync/wire_cells.cpp): what goes
// out comes back the same, whatever the text holds, and malformed input is refused with a reason.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "sync/wire.h"

namespace {

using gl::core::Hlc;
using gl::core::Table;
using gl::core::SyncCell;

const std::string kSite = "0190a000-0000-7000-8000-000000000001";
const std::string kRow = "0190a000-0000-7000-8000-0000000000aa";

SyncCell cell(const std::string& row, const std::string& column, gl::core::Value value, std::int64_t ms,
              std::int64_t baseMs = 0) {
  SyncCell c{Table::Resident, row, column, std::move(value), Hlc{ms, 0}, kSite, {}};
  if (baseMs) c.base = Hlc{baseMs, 1};
  return c;
}

std::string dump(const std::vector<SyncCell>& cells) {
  std::string out;
  for (const auto& c : cells)
    out += static_cast<char>('0' + static_cast<int>(c.table)) + ("|" + c.row + "|" + c.column + "|" +
           c.value.value_or("∅") + "|" + c.hlc.text() + "|" + c.site + "|" + c.base.text() + "\n");
  return out;
}

// What the decoder says of a malformed body.
std::string refusal(const std::string& body, bool push) {
  try {
    if (push) gl::sync::decodePushRequest(body);
    else gl::sync::decodePullResponse(body);
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::BadInput);
    return e.args().empty() ? std::string() : e.args().front().value;
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a push's cells come back as they went, whatever their text holds") {
  gl::sync::PushRequest m{kSite, "batch-1", {}};
  m.changes = {cell(kRow, "name", "王\"小\\明\"", 1000, 900), cell(kRow, "notes", "第一行\n第二行\t\x01", 1000, 900),
               cell(kRow, "phone", std::nullopt, 1000, 900),
               // the same column again (a later edit in the same batch) starts a new group
               cell(kRow, "notes", "後来", 1000, 900), cell("other-row", "notes", "", 2000)};
  std::string body = gl::sync::encode(m);
  CHECK(nlohmann::json::parse(body)["changes"].size() == 3);
  auto back = gl::sync::decodePushRequest(body);
  CHECK(back.site == kSite);
  CHECK(back.batch == "batch-1");
  CHECK(dump(back.changes) == dump(m.changes));
}

TEST_CASE("a pull page's cells keep their sites, and the members around them are read as before") {
  gl::sync::PullResponse m;
  m.changes = {cell(kRow, "name", "李四", 5000), cell(kRow, "sex", "女", 5000)};
  m.changes[1].site = "another-site";
  m.exits = {{Table::Household, "gone"}};
  m.duplicates = {{"a", "b"}};
  m.digests = {{"370322001001-1", gl::core::GridDigest{3, 0xabcdef}}};
  m.next = 42;
  m.more = true;
  m.serverClock = Hlc{6000, 2};
  auto back = gl::sync::decodePullResponse(gl::sync::encode(m));
  CHECK(dump(back.changes) == dump(m.changes));
  REQUIRE(back.exits.size() == 1);
  CHECK(back.exits[0].row == "gone");
  CHECK(back.duplicates == m.duplicates);
  REQUIRE(back.digests.size() == 1);
  CHECK(back.digests[0].second == m.digests[0].second);
  CHECK(back.next == 42);
  CHECK(back.more);
  CHECK(back.serverClock == m.serverClock);

  // Members in any order (a group's "cells" before its "t", "changes" last), as another writer may send them.
  std::string reordered = R"({"next":7,"more":false,"exits":[],"duplicates":[],"server_hlc":null,)"
                          R"("changes":[{"cells":{"name":"张三","notes":null},"site":"s1","id":"r1","t":"resident",)"
                          R"("hlc":"0000000001000-0000"}]})";
  auto page = gl::sync::decodePullResponse(reordered);
  REQUIRE(page.changes.size() == 2);
  CHECK(page.changes[0].column == "name");
  CHECK(page.changes[0].value == "张三");
  CHECK(page.changes[1].value == std::nullopt);
  CHECK(page.changes[1].site == "s1");
  CHECK(page.next == 7);
}

TEST_CASE("a push response's lost and current cells travel both ways") {
  gl::sync::PushResponse m;
  m.batch = "b";
  m.accepted = 2;
  m.refused = {{Table::Resident, kRow, "notes", "outside_scope", {}, {}}};
  m.lost = {cell(kRow, "phone", "13800000000", 7000)};
  m.current = {cell(kRow, "notes", "县里的值", 8000)};
  auto back = gl::sync::decodePushResponse(gl::sync::encode(m));
  CHECK(back.accepted == 2);
  REQUIRE(back.refused.size() == 1);
  CHECK(back.refused[0].reason == "outside_scope");
  CHECK(dump(back.lost) == dump(m.lost));
  CHECK(dump(back.current) == dump(m.current));
}

TEST_CASE("malformed cell lists are refused with what is wrong") {
  const std::string head = R"({"site":"s","batch":"b","changes":)";
  CHECK(refusal("not json", true) == "not a JSON object");
  CHECK(refusal("[1, 2]", true) == "not a JSON object");
  CHECK(refusal(R"({"site":"s","batch":"b"})", true) == R"(no "changes")");
  CHECK(refusal(head + "{}}", true) == "a list of changes is not a list of change objects");
  CHECK(refusal(head + "[[1]]}", true) == "a list of changes is not a list of change objects");
  CHECK(refusal(head + R"([{"id":"r","hlc":null,"cells":{}}]})", true) == R"(no "t")");
  CHECK(refusal(head + R"([{"t":"nonsense","id":"r","hlc":null,"cells":{}}]})", true) == R"(unknown table "nonsense")");
  CHECK(refusal(head + R"([{"t":"resident","hlc":null,"cells":{}}]})", true) == R"(no "id")");
  CHECK(refusal(head + R"([{"t":"resident","id":"","hlc":null,"cells":{}}]})", true) == "a row id is empty or too long");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","cells":{}}]})", true) == R"(no "hlc")");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":"soon","cells":{}}]})", true) == R"("hlc" is not a clock)");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":null}]})", true) == R"(no "cells")");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":null,"cells":"x"}]})", true) == R"("cells" is not an object)");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":null,"cells":{"name":3}}]})", true) ==
        "a value is neither text nor null");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":null,"cells":{"name":"x"}}]})", true) == "accepted");
  CHECK(refusal(head + R"([{"t":"resident","id":"r","hlc":null,"cells":{"name":"x"})", true) == "not a JSON object");
  // A pull page's groups name their site.
  CHECK(refusal(R"({"changes":[{"t":"resident","id":"r","hlc":null,"cells":{}}],"exits":[],"duplicates":[],)"
                R"("next":1,"more":false,"server_hlc":null})",
                false) == R"(no "site")");
}

TEST_CASE("a change's fields this version does not know are skipped, and names given twice are settled") {
  std::string page = R"({"changes":[{"t":"resident","id":"r1","site":"s","hlc":null,"later":{"x":[1,{"y":2}]},)"
                     R"("cells":{"name":"甲","name":"乙"},"also":3}],"exits":[],"duplicates":[],"next":1,"more":false,)"
                     R"("server_hlc":null})";
  auto m = gl::sync::decodePullResponse(page);
  REQUIRE(m.changes.size() == 1);
  CHECK(m.changes[0].value == "乙");  // the last value of a column named twice, as any JSON reader
  CHECK(refusal(R"({"site":"s","batch":"b","changes":[],"changes":[]})", true) == R"("changes" twice)");
  CHECK(refusal(R"({"site":"s","batch":"b","changes":[{"t":"resident","id":"r","hlc":null,"cells":{},"cells":{}}]})",
                true) == R"("cells" twice in a change)");
}

TEST_CASE("text that is not UTF-8 is not sent") {
  gl::sync::PushRequest m{kSite, "b", {cell(kRow, "notes", std::string("\xff\xfe"), 1000)}};
  try {
    gl::sync::encode(m);
    FAIL("encoded");
  } catch (const gl::Error& e) {
    CHECK(e.kind() == gl::Error::Kind::Internal);  // the ledger holds UTF-8 only: a bug, not bad input
  }
}
