#include "sync/wire.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "sync/wire_cells.h"

namespace gl::sync {

using nlohmann::json;

namespace {

using wire::malformed;

json parse(std::string_view body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) malformed("not a JSON object");
  return j;
}

const json& field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) malformed(std::string("no \"") + name + "\"");
  return *it;
}

std::string text(const json& j, const char* name) {
  const json& v = field(j, name);
  if (!v.is_string()) malformed(std::string("\"") + name + "\" is not text");
  return v.get<std::string>();
}

std::int64_t number(const json& j, const char* name) {
  const json& v = field(j, name);
  if (!v.is_number_integer()) malformed(std::string("\"") + name + "\" is not a whole number");
  return v.get<std::int64_t>();
}

core::Hlc hlcOf(const json& j, const char* name) {
  const json& v = field(j, name);
  if (v.is_null()) return {};
  if (!v.is_string()) malformed(std::string("\"") + name + "\" is not a clock");
  auto h = core::Hlc::parse(v.get<std::string>());
  if (!h) malformed(std::string("\"") + name + "\" is not a clock");
  return *h;
}

core::Table tableOf(const json& j) {
  auto name = text(j, "t");
  const auto* spec = core::findTable(name);
  if (!spec) malformed("unknown table \"" + name + "\"");
  return spec->table;
}

const json& array(const json& j, const char* name) {
  const json& v = field(j, name);
  if (!v.is_array()) malformed(std::string("\"") + name + "\" is not a list");
  return v;
}

}  // namespace

std::string encode(const LoginRequest& m) { return json{{"name", m.name}, {"password", m.password}}.dump(); }

std::string encode(const LoginResponse& m) {
  return json{{"token", m.token}, {"role", m.role}, {"scope", m.scope}, {"county", m.county},
              {"server_hlc", m.serverClock.text()}}
      .dump();
}

std::string encode(const PushRequest& m) {
  return wire::objectWithCells(json{{"site", m.site}, {"batch", m.batch}}, {{"changes", &m.changes}}, false, true);
}

std::string encode(const PushResponse& m) {
  json refused = json::array();
  for (const auto& r : m.refused)
    refused.push_back({{"t", core::tableSpec(r.table).name}, {"id", r.row}, {"col", r.column}, {"reason", r.reason}});
  json rest{{"batch", m.batch},
            {"accepted", m.accepted},
            {"refused", std::move(refused)},
            {"conflicts", m.conflicts},
            {"server_hlc", m.serverClock.text()}};
  return wire::objectWithCells(rest, {{"lost", &m.lost}, {"current", &m.current}}, true, false);
}

std::string encode(const PullResponse& m) {
  json exits = json::array(), dups = json::array(), digests = json::array();
  for (const auto& [grid, d] : m.digests)
    digests.push_back({{"grid", grid}, {"rows", d.rows}, {"hash", fmt::format("{:016x}", d.hash)}});
  for (const auto& e : m.exits) exits.push_back({{"t", core::tableSpec(e.table).name}, {"id", e.row}});
  for (const auto& [a, b] : m.duplicates) dups.push_back(json::array({a, b}));
  json rest{{"exits", std::move(exits)}, {"duplicates", std::move(dups)}, {"digests", std::move(digests)},
            {"next", m.next},              {"more", m.more},              {"server_hlc", m.serverClock.text()}};
  return wire::objectWithCells(rest, {{"changes", &m.changes}}, true, false);
}

std::string encode(const ErrorBody& m) {
  return json{{"error", m.code}, {"message", m.message}, {"server_hlc", m.serverClock.text()}}.dump();
}

LoginRequest decodeLoginRequest(std::string_view body) {
  json j = parse(body);
  return {text(j, "name"), text(j, "password")};
}

LoginResponse decodeLoginResponse(std::string_view body) {
  json j = parse(body);
  LoginResponse m;
  m.token = text(j, "token");
  m.role = text(j, "role");
  m.county = text(j, "county");
  for (const auto& s : array(j, "scope")) {
    if (!s.is_string()) malformed("a scope code is not text");
    m.scope.push_back(s.get<std::string>());
  }
  m.serverClock = hlcOf(j, "server_hlc");
  return m;
}

PushRequest decodePushRequest(std::string_view body) {
  PushRequest m;
  json j = wire::parseWithCells(body, {{"changes", &m.changes}}, false);
  m.site = text(j, "site");
  m.batch = text(j, "batch");
  if (m.site.empty() || m.batch.empty()) malformed("no site or batch");
  for (auto& c : m.changes) c.site = m.site;
  return m;
}

PushResponse decodePushResponse(std::string_view body) {
  PushResponse m;
  json j = wire::parseWithCells(body, {{"lost", &m.lost}, {"current", &m.current}}, true);
  m.batch = text(j, "batch");
  m.accepted = number(j, "accepted");
  m.conflicts = number(j, "conflicts");
  for (const auto& r : array(j, "refused")) {
    core::Refusal x;
    x.table = tableOf(r);
    x.row = text(r, "id");
    x.column = text(r, "col");
    x.reason = text(r, "reason");
    m.refused.push_back(std::move(x));
  }
  m.serverClock = hlcOf(j, "server_hlc");
  return m;
}

PullResponse decodePullResponse(std::string_view body) {
  PullResponse m;
  json j = wire::parseWithCells(body, {{"changes", &m.changes}}, true);
  for (const auto& e : array(j, "exits")) m.exits.push_back({tableOf(e), text(e, "id")});
  for (const auto& d : array(j, "duplicates")) {
    if (!d.is_array() || d.size() != 2 || !d[0].is_string() || !d[1].is_string()) malformed("a duplicate pair");
    m.duplicates.emplace_back(d[0].get<std::string>(), d[1].get<std::string>());
  }
  if (j.contains("digests"))
    for (const auto& d : array(j, "digests")) {
      core::GridDigest g;
      g.rows = number(d, "rows");
      std::string hex = text(d, "hash");
      if (hex.size() != 16 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) malformed("a digest");
      g.hash = std::stoull(hex, nullptr, 16);
      m.digests.emplace_back(text(d, "grid"), g);
    }
  m.next = number(j, "next");
  const json& more = field(j, "more");
  if (!more.is_boolean()) malformed("\"more\" is not true or false");
  m.more = more.get<bool>();
  m.serverClock = hlcOf(j, "server_hlc");
  return m;
}

ErrorBody decodeError(std::string_view body) {
  ErrorBody e;
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return e;
  if (auto it = j.find("error"); it != j.end() && it->is_string()) e.code = it->get<std::string>();
  if (auto it = j.find("message"); it != j.end() && it->is_string()) e.message = it->get<std::string>();
  if (auto it = j.find("server_hlc"); it != j.end() && it->is_string())
    if (auto h = core::Hlc::parse(it->get<std::string>())) e.serverClock = *h;
  return e;
}

}  // namespace gl::sync
