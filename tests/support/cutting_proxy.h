#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

namespace depot::testing {

/// A TCP relay on 127.0.0.1 to a local port, to cut a stream in the middle
/// at a point given by the bytes sent rather than by timing. Once the
/// client has sent hold_after_bytes it stops passing the client's bytes on
/// (the connection stays up, the server answers as before) until Cut()
/// resets the connection, as a failed network path does; every connection
/// after that is refused. With the default limit it only relays and counts.
class CuttingProxy {
 public:
  explicit CuttingProxy(int target_port,
                        size_t hold_after_bytes = static_cast<size_t>(-1));
  ~CuttingProxy();
  CuttingProxy(const CuttingProxy&) = delete;
  CuttingProxy& operator=(const CuttingProxy&) = delete;

  int port() const { return port_; }
  /// Bytes the clients have sent so far (all connections).
  size_t client_bytes() const { return client_bytes_; }
  /// Whether the client has sent hold_after_bytes.
  bool holding() const { return holding_; }
  /// Resets the connection now (and refuses new ones).
  void Cut() { cut_ = true; }

 private:
  void Serve();
  // Relays one connection until either side closes or Cut().
  void Relay(int client);

  int target_port_;
  size_t hold_after_bytes_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<size_t> client_bytes_{0};
  std::atomic<bool> holding_{false};
  std::atomic<bool> cut_{false};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace depot::testing
