#include "services/common/health_probe.h"

#include <spdlog/spdlog.h>

#include "services/common/log_text.h"

namespace depot {

HealthProbe::HealthProbe(grpc::HealthCheckServiceInterface* health,
                         std::vector<std::string> names,
                         std::function<void()> probe,
                         std::chrono::milliseconds interval)
    : health_(health),
      names_(std::move(names)),
      probe_(std::move(probe)),
      interval_(interval) {
  health_->SetServingStatus("", true);
  for (const std::string& name : names_) {
    health_->SetServingStatus(name, true);
  }
  thread_ = std::thread([this] { Loop(); });
}

HealthProbe::~HealthProbe() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HealthProbe::Loop() {
  bool serving = true;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    bool answered = true;
    std::string failure;
    try {
      probe_();
    } catch (const std::exception& error) {
      answered = false;
      failure = LoggableWhat(error);
    }
    lock.lock();
    // Not after Shutdown began: it set NOT_SERVING for good.
    if (stopping_) break;
    if (answered != serving) {
      serving = answered;
      // Every name at once: a client never sees some services down and
      // others up for the same database.
      health_->SetServingStatus(serving);
      if (serving) {
        spdlog::info("health: the database answers again; SERVING");
      } else {
        spdlog::warn("health: NOT_SERVING, the database does not answer: {}",
                     failure);
      }
    }
  }
}

}  // namespace depot
