#pragma once

#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace depot {

/// Keeps the standard health service in step with what the services need
/// (the database): every interval, on a thread of its own, it runs probe;
/// each service name (and "", the whole server) is SERVING while the last
/// probe succeeded and NOT_SERVING after one threw. Watch clients see each
/// change. Starts SERVING: the server checked the database before it
/// started.
class HealthProbe {
 public:
  HealthProbe(grpc::HealthCheckServiceInterface* health,
              std::vector<std::string> names, std::function<void()> probe,
              std::chrono::milliseconds interval);
  /// Stops probing; the statuses stay as they are.
  ~HealthProbe();
  HealthProbe(const HealthProbe&) = delete;
  HealthProbe& operator=(const HealthProbe&) = delete;

 private:
  void Loop();

  grpc::HealthCheckServiceInterface* health_;
  std::vector<std::string> names_;
  std::function<void()> probe_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace depot
