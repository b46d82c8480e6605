#include "cut_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace gl::test {

namespace {
sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}
}  // namespace

CutProxy::CutProxy(int targetPort) : target_(targetPort) {
  listen_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  auto a = loopback(0);
  bind(listen_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  listen(listen_, 16);
  socklen_t n = sizeof a;
  getsockname(listen_, reinterpret_cast<sockaddr*>(&a), &n);
  port_ = ntohs(a.sin_port);
  thread_ = std::thread([this] { serve(); });
}

CutProxy::~CutProxy() {
  stop_ = true;
  thread_.join();
  close(listen_);
}

void CutProxy::serve() {
  std::vector<std::thread> relays;
  while (!stop_) {
    pollfd p{listen_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    int client = accept(listen_, nullptr, nullptr);
    if (client >= 0) relays.emplace_back([this, client] { relay(client); });
  }
  for (auto& t : relays) t.join();
}

void CutProxy::relay(int client) {
  int server = socket(AF_INET, SOCK_STREAM, 0);
  auto a = loopback(target_);
  if (connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(client);
    close(server);
    return;
  }
  long cutRequest = cutRequest_, dropResponse = dropResponse_;
  long fromClient = 0;
  char buf[16384];
  bool open = true;
  while (open && !stop_) {
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (poll(p, 2, 100) <= 0) continue;
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = read(client, buf, sizeof buf);
      if (n <= 0) break;
      long take = n;
      if (cutRequest >= 0 && fromClient + n >= cutRequest) {
        take = cutRequest - fromClient;
        open = false;
        ++cuts_;
      }
      if (take > 0 && write(server, buf, static_cast<size_t>(take)) != take) break;
      fromClient += take;
    }
    if (open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t n = read(server, buf, sizeof buf);
      if (n <= 0) break;
      if (dropResponse >= 0 && fromClient > dropResponse) {
        ++cuts_;
        break;  // the answer is lost on the way
      }
      if (write(client, buf, static_cast<size_t>(n)) != n) break;
    }
  }
  close(client);
  close(server);
}

}  // namespace gl::test
