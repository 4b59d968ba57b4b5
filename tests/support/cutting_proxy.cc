#include "tests/support/cutting_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace depot::testing {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

// Writes all of data; false when the peer is gone.
bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t written = send(fd, data, size, MSG_NOSIGNAL);
    if (written <= 0) return false;
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

// Closes with a reset rather than an orderly shutdown.
void Reset(int fd) {
  linger reset{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset));
  close(fd);
}

constexpr int kPollMs = 20;  // how soon Cut() and the destructor are seen

}  // namespace

CuttingProxy::CuttingProxy(int target_port, size_t hold_after_bytes)
    : target_port_(target_port), hold_after_bytes_(hold_after_bytes) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = Loopback(0);
  if (listener_ < 0 ||
      bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) !=
          0 ||
      listen(listener_, 8) != 0) {
    throw std::runtime_error("CuttingProxy: cannot listen on 127.0.0.1");
  }
  socklen_t length = sizeof(address);
  getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

CuttingProxy::~CuttingProxy() {
  stopping_ = true;
  thread_.join();
  close(listener_);
}

void CuttingProxy::Serve() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (poll(&waiting, 1, kPollMs) <= 0) continue;
    int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    if (cut_) {
      Reset(client);  // the network stays down
      continue;
    }
    Relay(client);
  }
}

void CuttingProxy::Relay(int client) {
  int server = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in target = Loopback(target_port_);
  if (connect(server, reinterpret_cast<sockaddr*>(&target), sizeof(target)) !=
      0) {
    close(server);
    close(client);
    return;
  }
  char buffer[16 * 1024];
  while (!stopping_ && !cut_) {
    // While holding, the client's bytes wait in the kernel, unread.
    pollfd fds[2] = {{server, POLLIN, 0}, {client, POLLIN, 0}};
    if (poll(fds, holding_ ? 1 : 2, kPollMs) <= 0) continue;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t got = recv(server, buffer, sizeof(buffer), 0);
      if (got <= 0 || !WriteAll(client, buffer, static_cast<size_t>(got))) {
        break;
      }
    }
    if (!holding_ && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      size_t room = hold_after_bytes_ - client_bytes_;
      ssize_t got = recv(client, buffer, std::min(sizeof(buffer), room), 0);
      if (got <= 0) break;
      client_bytes_ += static_cast<size_t>(got);
      if (!WriteAll(server, buffer, static_cast<size_t>(got))) break;
      if (client_bytes_ >= hold_after_bytes_) holding_ = true;
    }
  }
  Reset(client);
  Reset(server);
}

}  // namespace depot::testing
