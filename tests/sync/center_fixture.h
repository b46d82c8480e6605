// A real gridcenter on loopback for the sync tests and benchmark: a test CA and certificates made with openssl, a
// store in a temporary folder, the server started as its own process (so a test can SIGKILL it), and
// client ledgers that sync with it through the real client. Failures throw (doctest reports them).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../db/temp_ledger.h"
#include "db/ledger.h"
#include "sync/sync_client.h"

namespace gl::test {

// Made once per test process: a county CA with a server certificate for 127.0.0.1 and localhost, and
// a second CA (one the clients do not trust) with its own server certificate.
struct Pki {
  std::filesystem::path dir;
  std::string ca, cert, key;
  std::string rogueCa, rogueCert, rogueKey;
  static const Pki& get();
};

class Center {
 public:
  Center();  // gridcenter init for county 370322, and a county admin "admin" / "Tk4#river-Moss"
  ~Center();
  Center(const Center&) = delete;
  Center& operator=(const Center&) = delete;

  void addUser(const std::string& name, const std::string& role, const std::string& scope,
               const std::string& password);
  // `gridcenter user passwd`: a new password for an existing account.
  void setPassword(const std::string& name, const std::string& password);
  // `gridcenter user disable` or `enable` (the server may be running).
  void setDisabled(const std::string& name, bool disabled);
  // Starts `gridcenter serve` (on the same port as before when restarted) and waits for it to listen.
  void start(const std::vector<std::string>& extra = {}, bool rogueCertificate = false);
  // Sends a signal and waits for the process; returns its exit status (128 + signal when killed).
  int stop(int signal);
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  void setPort(int port) { port_ = port; }  // for the next start (a benchmark's snapshot keeps its address)
  std::string url() const;
  std::string log() const;
  const std::filesystem::path& dir() const { return dir_.path; }
  sync::SyncOptions as(const std::string& user, const std::string& password) const;
  sync::SyncOptions admin() const { return as("admin", "Tk4#river-Moss"); }

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// The system clock in ms since the Unix epoch (what an unskewed ledger stamps with).
std::int64_t nowMs();

struct Client {
  TempDir dir;
  std::unique_ptr<db::Ledger> ledger;
  explicit Client(bool initialize = true);
  sync::SyncResult sync(const sync::SyncOptions& options) { return sync::synchronize(*ledger, options); }
  // Every live row of every synced table with all its cells, sorted: two ledgers that hold the same
  // data give the same text.
  std::string dump() const;
  // A row's cell, "" when empty or absent.
  std::string cell(core::Table table, const std::string& id, const std::string& column) const;
  // The id of some live resident (the first in insertion order, or the n-th).
  std::string resident(std::size_t n = 0) const;
};

// The wall clock of a test's clients: the system's plus what tick() added. "An edit made later" on
// another ledger then needs no sleep (the last edit in time wins, docs/sync-protocol.md).
class SteppedClock {
 public:
  void follow(Client& c) const {
    c.ledger->setWallClock([step = step_] { return nowMs() + step->load(); });
  }
  void tick(std::int64_t ms = 2) const { *step_ += ms; }

 private:
  std::shared_ptr<std::atomic<std::int64_t>> step_ = std::make_shared<std::atomic<std::int64_t>>(0);
};

}  // namespace gl::test
