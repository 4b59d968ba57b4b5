#include "services/common/status_mapping.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <string>

#include "services/common/error.h"
#include "services/common/log_text.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

constexpr size_t kMaxMessageBytes = 1024;

grpc::StatusCode CodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return grpc::StatusCode::INVALID_ARGUMENT;
    case ErrorCode::kFailedPrecondition:
      return grpc::StatusCode::FAILED_PRECONDITION;
    case ErrorCode::kNotFound:
      return grpc::StatusCode::NOT_FOUND;
    case ErrorCode::kAlreadyExists:
      return grpc::StatusCode::ALREADY_EXISTS;
    case ErrorCode::kPermissionDenied:
      return grpc::StatusCode::PERMISSION_DENIED;
    case ErrorCode::kConflict:
      return grpc::StatusCode::ABORTED;
    case ErrorCode::kUnavailable:
      return grpc::StatusCode::UNAVAILABLE;
    case ErrorCode::kResourceExhausted:
      return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case ErrorCode::kInternal:
      return grpc::StatusCode::INTERNAL;
  }
  return grpc::StatusCode::INTERNAL;
}

std::string NextIncidentId() {
  static std::atomic<unsigned> counter{0};
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  return std::to_string(now) + "-" + std::to_string(++counter);
}

grpc::Status Internal(const std::string& what) {
  std::string incident = NextIncidentId();
  // Our own messages, or a library's through LoggableWhat: they name
  // tables and statements, never values; they go to the log only.
  spdlog::error("internal error (incident {}): {}", incident, what);
  return grpc::Status(grpc::StatusCode::INTERNAL,
                      "internal error; the operator can find incident " +
                          incident + " in the depotd log");
}

}  // namespace

grpc::Status ToGrpcStatus(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kInternal) return Internal(error.what());
    // A message never grows with the input: status messages travel in
    // metadata, which clients limit (8 KiB by default).
    return grpc::Status(CodeFor(error.code()),
                        TruncateUtf8(error.what(), kMaxMessageBytes));
  } catch (const std::exception& other) {
    return Internal(LoggableWhat(other));
  } catch (...) {
    return Internal("unknown exception");
  }
}

}  // namespace depot
