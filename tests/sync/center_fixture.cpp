#include "center_fixture.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace gl::test {

namespace {

void run(const std::string& command) {
  int status = std::system((command + " >/dev/null 2>&1").c_str());
  if (status != 0) throw std::runtime_error(fmt::format("failed: {}", command));
}

std::string quoted(const std::filesystem::path& p) { return fmt::format("'{}'", p.string()); }

void makeCa(const std::filesystem::path& dir, const std::string& name, const std::string& subject) {
  auto f = [&](const char* ext) { return quoted(dir / fmt::format("{}{}", name, ext)); };
  run(fmt::format("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN={}' -keyout {} -out {}", subject,
                  f("-ca.key"), f("-ca.pem")));
  run(fmt::format("openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout {} -out {}", f("-server.key"),
                  f("-server.csr")));
  std::ofstream(dir / "san.cnf") << "subjectAltName=DNS:localhost,IP:127.0.0.1\n";
  run(fmt::format("openssl x509 -req -days 2 -in {} -CA {} -CAkey {} -CAcreateserial -extfile {} -out {}",
                  f("-server.csr"), f("-ca.pem"), f("-ca.key"), quoted(dir / "san.cnf"), f("-server.pem")));
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

const Pki& Pki::get() {
  static TempDir dir;
  static const Pki pki = [] {
    Pki p;
    p.dir = dir.path;
    makeCa(p.dir, "county", "Test County CA");
    makeCa(p.dir, "rogue", "Another County CA");
    p.ca = (p.dir / "county-ca.pem").string();
    p.cert = (p.dir / "county-server.pem").string();
    p.key = (p.dir / "county-server.key").string();
    p.rogueCa = (p.dir / "rogue-ca.pem").string();
    p.rogueCert = (p.dir / "rogue-server.pem").string();
    p.rogueKey = (p.dir / "rogue-server.key").string();
    return p;
  }();
  return pki;
}

Center::Center() {
  run(fmt::format("{} init --data {} --county 370322 --name 高青县", GRIDCENTER, quoted(dir_.path / "store")));
  addUser("admin", "county_admin", "370322", "Tk4#river-Moss");
}

Center::~Center() {
  if (pid_ > 0) stop(SIGKILL);
}

void Center::addUser(const std::string& name, const std::string& role, const std::string& scope,
                     const std::string& password) {
  auto file = dir_.write(fmt::format("password-{}", name), fmt::format("{}\n", password));
  run(fmt::format("{} user add --data {} --name {} --role {} --scope {} --password-file {}", GRIDCENTER,
                  quoted(dir_.path / "store"), name, role, scope, quoted(file)));
}

void Center::setPassword(const std::string& name, const std::string& password) {
  auto file = dir_.write(fmt::format("password-{}", name), fmt::format("{}\n", password));
  run(fmt::format("{} user passwd --data {} --name {} --password-file {}", GRIDCENTER, quoted(dir_.path / "store"),
                  name, quoted(file)));
}

void Center::setDisabled(const std::string& name, bool disabled) {
  run(fmt::format("{} user {} --data {} --name {}", GRIDCENTER, disabled ? "disable" : "enable",
                  quoted(dir_.path / "store"), name));
}

void Center::start(const std::vector<std::string>& extra, bool rogue) {
  if (pid_ > 0) throw std::logic_error("gridcenter is running already");
  const auto& pki = Pki::get();
  auto logFile = dir_.path / "server.log";
  std::string listen = fmt::format("127.0.0.1:{}", port_);
  std::vector<std::string> args = {GRIDCENTER, "serve", "--data", (dir_.path / "store").string(), "--listen", listen,
                                   "--cert", rogue ? pki.rogueCert : pki.cert, "--key", rogue ? pki.rogueKey : pki.key};
  args.insert(args.end(), extra.begin(), extra.end());
  auto before = std::filesystem::exists(logFile) ? std::filesystem::file_size(logFile) : 0;
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int fd = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Wait for the "listening on https://127.0.0.1:PORT" line this start writes.
  for (int i = 0; i < 300; ++i) {
    std::string text = slurp(logFile).substr(before);
    auto at = text.find("listening on https://127.0.0.1:");
    if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
      port_ = std::stoi(text.substr(at + 31));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error(fmt::format("gridcenter did not start: {}", log()));
}

int Center::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string Center::url() const { return fmt::format("https://127.0.0.1:{}", port_); }
std::string Center::log() const { return slurp(dir_.path / "server.log"); }

sync::SyncOptions Center::as(const std::string& user, const std::string& password) const {
  sync::SyncOptions o;
  o.server = url();
  o.user = user;
  o.password = password;
  o.caFile = Pki::get().ca;
  return o;
}

Client::Client(bool initialize) {
  ledger = db::Ledger::open(dir.path / "client.gridledger", db::Ledger::Mode::CreateNew);
  if (initialize) ledger->initialize("370322", "高青县");
}

std::string Client::dump() const {
  std::vector<std::string> lines;
  for (const auto& spec : core::tables()) {
    ledger->forEachRow(spec.table, [&](const db::Row& row) {
      std::string line = fmt::format("{} {}", spec.name, row.id);
      for (const auto& c : row.cells) line += fmt::format(" {}={}", c.column, c.value.value_or("∅"));
      lines.push_back(std::move(line));
    });
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string Client::cell(core::Table table, const std::string& id, const std::string& column) const {
  auto row = ledger->get(table, id);
  return row ? row->text(column) : std::string();
}

std::string Client::resident(std::size_t n) const {
  std::vector<std::string> ids;
  ledger->forEachRow(core::Table::Resident, [&](const db::Row& row) { ids.push_back(row.id); });
  if (ids.size() <= n) throw std::logic_error("not that many residents");
  return ids[n];
}

}  // namespace gl::test
