#include "services/common/server_stream.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "services/common/error.h"

namespace depot {
namespace {

using Clock = std::chrono::steady_clock;

std::mutex limits_mutex;
StreamLimits limits;

std::mutex open_streams_mutex;
std::unordered_map<std::string, int> open_streams;

// One thread for every write in flight: it cancels the calls whose write
// outlives its deadline. ServerContext::TryCancel may be called from any
// thread; a context is alive while its write is watched, since the writer
// unregisters under the same lock before it returns.
class StallWatchdog {
 public:
  static StallWatchdog& Instance() {
    static StallWatchdog watchdog;
    return watchdog;
  }

  uint64_t Arm(grpc::ServerContext* context, Clock::time_point deadline) {
    std::lock_guard lock(mutex_);
    uint64_t ticket = ++last_ticket_;
    watches_[ticket] = {deadline, context, false};
    if (deadline < wake_at_) changed_.notify_one();
    return ticket;
  }

  // True when the watch had fired: the call was cancelled for stalling.
  bool Disarm(uint64_t ticket) {
    std::lock_guard lock(mutex_);
    auto found = watches_.find(ticket);
    if (found == watches_.end()) return false;
    bool fired = found->second.fired;
    watches_.erase(found);
    return fired;
  }

  ~StallWatchdog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_one();
    thread_.join();
  }

 private:
  struct Watch {
    Clock::time_point deadline;
    grpc::ServerContext* context;
    bool fired;
  };

  StallWatchdog() : thread_([this] { Loop(); }) {}

  void Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      Clock::time_point now = Clock::now();
      wake_at_ = Clock::time_point::max();
      for (auto& [ticket, watch] : watches_) {
        if (watch.fired) continue;
        if (watch.deadline <= now) {
          watch.fired = true;
          watch.context->TryCancel();
        } else {
          wake_at_ = std::min(wake_at_, watch.deadline);
        }
      }
      if (wake_at_ == Clock::time_point::max()) {
        changed_.wait(lock);
      } else {
        changed_.wait_until(lock, wake_at_);
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<uint64_t, Watch> watches_;
  uint64_t last_ticket_ = 0;
  Clock::time_point wake_at_ = Clock::time_point::max();
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

void SetStreamLimits(const StreamLimits& new_limits) {
  std::lock_guard lock(limits_mutex);
  limits = new_limits;
}

StreamLimits CurrentStreamLimits() {
  std::lock_guard lock(limits_mutex);
  return limits;
}

StreamSlot::StreamSlot(std::string identity) : identity_(std::move(identity)) {
  int most = CurrentStreamLimits().per_caller;
  std::lock_guard lock(open_streams_mutex);
  int& open = open_streams[identity_];
  if (open >= most) {
    if (open == 0) open_streams.erase(identity_);
    throw ResourceExhausted(
        "this caller already has " + std::to_string(most) +
        " streams open, the most one caller may have at once "
        "(streams_per_caller): let one finish or cancel it, then retry");
  }
  ++open;
}

StreamSlot::~StreamSlot() {
  std::lock_guard lock(open_streams_mutex);
  auto found = open_streams.find(identity_);
  if (found != open_streams.end() && --found->second <= 0) {
    open_streams.erase(found);
  }
}

WriteWatch::WriteWatch(grpc::ServerContext* context)
    : timeout_(CurrentStreamLimits().stall_timeout) {
  ticket_ = StallWatchdog::Instance().Arm(context, Clock::now() + timeout_);
  armed_ = true;
}

bool WriteWatch::Disarm() {
  if (!armed_) return false;
  armed_ = false;
  return StallWatchdog::Instance().Disarm(ticket_);
}

void WriteWatch::Finish(bool written) {
  bool stalled = Disarm();
  if (written) return;
  if (stalled) {
    spdlog::warn(
        "a server stream was ended: its client read nothing for {} ms "
        "(stream_stall_timeout_ms)",
        timeout_.count());
    throw Unavailable("the client read nothing for " +
                      std::to_string(timeout_.count()) +
                      " ms, so the server ended the stream: read it "
                      "steadily, then run it again");
  }
  throw Unavailable("the client stopped reading the stream");
}

WriteWatch::~WriteWatch() { Disarm(); }

}  // namespace depot
