#include "services/audit/sealer_thread.h"

#include <spdlog/spdlog.h>

#include "services/common/log_text.h"

namespace depot::audit {

SealerThread::SealerThread(Sealer& sealer, std::chrono::milliseconds interval)
    : sealer_(sealer), interval_(interval), thread_([this] { Loop(); }) {}

SealerThread::~SealerThread() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SealerThread::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void SealerThread::Loop() {
  bool failing = false;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, interval_, [this] { return stop_ || woken_; });
      if (stop_) return;
      woken_ = false;
    }
    try {
      sealer_.SealAll();
      if (failing) spdlog::info("audit sealer: sealing again");
      failing = false;
    } catch (const std::exception& error) {
      // Once per outage, not every 200 ms.
      if (!failing) spdlog::warn("audit sealer: {}", LoggableWhat(error));
      failing = true;
    }
  }
}

}  // namespace depot::audit
