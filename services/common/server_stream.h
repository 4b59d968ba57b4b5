#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

#include <chrono>
#include <string>

namespace depot {

/// Bounds on server streams, so that no caller can starve the others.
struct StreamLimits {
  /// Server streams one caller identity may have open at once (per server
  /// process); one more gets RESOURCE_EXHAUSTED.
  int per_caller = 4;
  /// How long one write may wait for a client that reads nothing before
  /// the server ends the call (the client sees CANCELLED).
  std::chrono::milliseconds stall_timeout{30000};
};

/// Process-wide, like the drain switch: DepotServer::Start sets them from
/// the configuration.
void SetStreamLimits(const StreamLimits& limits);
StreamLimits CurrentStreamLimits();

/// One of a caller's places for concurrent server streams, held for the
/// life of the object. Throws ResourceExhausted when the caller has all of
/// them already.
class StreamSlot {
 public:
  explicit StreamSlot(std::string identity);
  ~StreamSlot();
  StreamSlot(const StreamSlot&) = delete;
  StreamSlot& operator=(const StreamSlot&) = delete;

 private:
  std::string identity_;
};

/// Watches one write to a client: if it has not finished within the stall
/// timeout, the call is cancelled (which makes the write return false).
class WriteWatch {
 public:
  explicit WriteWatch(grpc::ServerContext* context);
  /// Stops watching; throws Unavailable when the write failed, saying
  /// whether the client went away or read nothing for too long.
  void Finish(bool written);
  ~WriteWatch();
  WriteWatch(const WriteWatch&) = delete;
  WriteWatch& operator=(const WriteWatch&) = delete;

 private:
  bool Disarm();

  uint64_t ticket_ = 0;
  bool armed_ = false;
  std::chrono::milliseconds timeout_;
};

/// A server stream's writer as handlers use it: every write is bounded by
/// the stall timeout, and a failed write ends the handler with an error
/// (the status no longer reaches a client that is gone, but the log names
/// what happened). Write only outside database transactions: a write may
/// wait for the client as long as the stall timeout.
template <typename Message>
class StreamWriter {
 public:
  StreamWriter(grpc::ServerContext* context,
               grpc::ServerWriter<Message>* writer)
      : context_(context), writer_(writer) {}

  void Write(const Message& message) {
    WriteWatch watch(context_);
    watch.Finish(writer_->Write(message));
  }

 private:
  grpc::ServerContext* context_;
  grpc::ServerWriter<Message>* writer_;
};

}  // namespace depot
