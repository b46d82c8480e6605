// The zh_CN catalog: complete, and every translation formats with its message's named arguments
// (a placeholder renamed by a translator would otherwise only show up in front of a user).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>

namespace {

struct Entry {
  std::string msgid, msgstr;
  bool fuzzy = false;
  bool brace = false;
};

std::string unquote(const std::string& line) {
  auto a = line.find('"'), b = line.rfind('"');
  std::string s = line.substr(a + 1, b - a - 1), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Entry> readPo(const std::string& path) {
  std::ifstream in(path);
  std::vector<Entry> entries;
  Entry cur;
  std::string* target = nullptr;
  bool fuzzy = false, brace = false;
  auto flush = [&] {
    if (!cur.msgid.empty()) {
      cur.fuzzy = fuzzy;
      cur.brace = brace;
      entries.push_back(cur);
    }
    cur = Entry{};
    fuzzy = brace = false;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#,", 0) == 0) {
      if (!cur.msgid.empty() || !cur.msgstr.empty()) flush();
      fuzzy |= line.find("fuzzy") != std::string::npos;
      brace |= line.find("python-brace-format") != std::string::npos;
    } else if (line.rfind("msgid ", 0) == 0) {
      if (!cur.msgid.empty()) flush();
      cur.msgid = unquote(line);
      target = &cur.msgid;
    } else if (line.rfind("msgstr", 0) == 0) {
      cur.msgstr = unquote(line);
      target = &cur.msgstr;
    } else if (line.rfind("\"", 0) == 0 && target) {
      *target += unquote(line);
    } else if (line.empty()) {
      flush();
      target = nullptr;
    }
  }
  flush();
  return entries;
}

std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> names;
  static const std::regex re(R"(\{([a-z_]+)(:[^}]*)?\})");
  for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it) names.insert((*it)[1]);
  return names;
}

}  // namespace

TEST_CASE("the zh_CN catalog is complete and has no fuzzy entries") {
  auto entries = readPo(GL_PO_FILE);
  REQUIRE(entries.size() > 50);
  for (const auto& e : entries) {
    CHECK_MESSAGE(!e.msgstr.empty(), e.msgid);
    CHECK_MESSAGE(!e.fuzzy, e.msgid);
  }
}

TEST_CASE("every zh_CN translation formats with its message's named arguments") {
  for (const auto& e : readPo(GL_PO_FILE)) {
    auto names = placeholders(e.msgid);
    if (names.empty()) continue;
    CHECK_MESSAGE(placeholders(e.msgstr) == names, e.msgid);
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& n : names) args.push_back(fmt::arg(n.c_str(), 1.5));
    std::string formatted;
    CHECK_NOTHROW_MESSAGE(formatted = fmt::vformat(e.msgstr, args), e.msgid);
  }
}

TEST_CASE("the compiled catalog is where the programs look for it") {
  CHECK(std::filesystem::exists(std::filesystem::path(GL_LOCALE_DIR) / "zh_CN" / "LC_MESSAGES" / "gridledger.mo"));
}
