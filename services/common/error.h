#pragma once

#include <stdexcept>
#include <string>

namespace depot {

/// What went wrong, in the terms of the domain. Mapped to a gRPC status by
/// exactly one function (ToGrpcStatus in status_mapping.h).
enum class ErrorCode {
  kInvalidArgument,     ///< the caller sent something malformed
  kFailedPrecondition,  ///< a rule refused the request
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kConflict,           ///< concurrent change; the caller may retry
  kUnavailable,        ///< a dependency (the database) is down
  kResourceExhausted,  ///< the caller uses all it may at once (streams)
  kInternal,
};

/// The one exception type domain and storage code throw for expected
/// failures. Its message is shown to the caller, so it must say what was
/// wrong and what to do, and must never contain personal data.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

inline Error InvalidArgument(const std::string& m) {
  return Error(ErrorCode::kInvalidArgument, m);
}
inline Error FailedPrecondition(const std::string& m) {
  return Error(ErrorCode::kFailedPrecondition, m);
}
inline Error NotFound(const std::string& m) {
  return Error(ErrorCode::kNotFound, m);
}
inline Error AlreadyExists(const std::string& m) {
  return Error(ErrorCode::kAlreadyExists, m);
}
inline Error PermissionDenied(const std::string& m) {
  return Error(ErrorCode::kPermissionDenied, m);
}
inline Error Conflict(const std::string& m) {
  return Error(ErrorCode::kConflict, m);
}
inline Error Unavailable(const std::string& m) {
  return Error(ErrorCode::kUnavailable, m);
}
inline Error ResourceExhausted(const std::string& m) {
  return Error(ErrorCode::kResourceExhausted, m);
}

/// Raised while starting up (configuration, database, migrations). Its
/// message is the one line depotd prints before exiting.
class StartupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace depot
