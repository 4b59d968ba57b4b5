#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/privacy/domain/retention.h"

namespace depot::privacy {

/// Runs retention once a day at a local clock time, inside the server, as
/// the `service` identity. Failures are logged and retried the next day
/// (RunRetention on demand covers the gap). Stops with the module.
class DailyRetention {
 public:
  /// minutes_after_midnight: local time of the run.
  DailyRetention(Retention& retention, int minutes_after_midnight);
  ~DailyRetention();

 private:
  void Loop();

  Retention& retention_;
  int minutes_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace depot::privacy
