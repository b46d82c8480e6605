// The real gridctl binary run on a ledger in a temporary folder, as a script or a user runs it.
#pragma once

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gl::test {

struct Run {
  int exit = -1;
  std::string out;
  std::string err;
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

struct Sandbox {
  std::filesystem::path dir;
  Sandbox() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("gl-cli-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
  }
  ~Sandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string db() const { return (dir / "county.gridledger").string(); }

  Run run(const std::vector<std::string>& args, const std::string& env = "LANG=C.UTF-8 LANGUAGE=") const {
    // Appended piece by piece: GCC 12's -Wrestrict misfires on "literal" + std::string in C++20 mode.
    std::string cmd = "env ";
    cmd.append(env).append(" ").append(quote(GRIDCTL)).append(" --db ").append(quote(db())).append(" --today 2022-11-20");
    for (const auto& a : args) cmd.append(" ").append(quote(a));
    auto errFile = dir / "stderr.txt";
    cmd.append(" 2>").append(quote(errFile.string()));
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(errFile);
    std::ostringstream s;
    s << e.rdbuf();
    r.err = s.str();
    return r;
  }
};

// Files a fixture generator of tests/exchange (make_clerk_rosters.py, make_county_files.py) writes into a
// folder of the sandbox, with Debian's own Python.
inline std::filesystem::path generated(const Sandbox& s, const std::string& script, const std::string& folder) {
  auto dir = s.dir / folder;
  std::string command = std::string(GL_SYSTEM_PYTHON) + " " + GL_EXCHANGE_TEST_DIR + "/" + script + " " + quote(dir.string());
  REQUIRE(std::system(command.c_str()) == 0);
  return dir;
}

inline Sandbox initialized(int households = 0) {
  Sandbox s;
  REQUIRE(s.run({"init", "--county", "370322", "--name", "高青县"}).exit == 0);
  if (households > 0) REQUIRE(s.run({"demo", "--households", std::to_string(households), "--seed", "3"}).exit == 0);
  return s;
}

}  // namespace gl::test
