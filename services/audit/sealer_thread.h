#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/audit/domain/sealer.h"

namespace depot::audit {

/// Runs Sealer::SealAll every interval (and at once after Wake) on a thread
/// of its own until destroyed. Failures (database down) are logged and
/// retried on the next tick: sealing later loses nothing, the events wait
/// in their tables.
class SealerThread {
 public:
  SealerThread(Sealer& sealer, std::chrono::milliseconds interval);
  ~SealerThread();
  SealerThread(const SealerThread&) = delete;
  SealerThread& operator=(const SealerThread&) = delete;

  void Wake();

 private:
  void Loop();

  Sealer& sealer_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace depot::audit
