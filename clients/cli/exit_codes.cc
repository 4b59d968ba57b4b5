#include "clients/cli/exit_codes.h"

namespace depot::cli {

ExitCode ExitCodeFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return kExitOk;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return kExitBadInput;
    case grpc::StatusCode::FAILED_PRECONDITION:
      return kExitRefused;
    case grpc::StatusCode::NOT_FOUND:
      return kExitNotFound;
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
      return kExitPermission;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:  // busy: retry later
      return kExitUnavailable;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return kExitConflict;
    default:
      return kExitOther;
  }
}

const char* FailureClass(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return "bad input";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "refused";
    case grpc::StatusCode::NOT_FOUND:
      return "not found";
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
      return "permission denied";
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "unavailable";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "busy";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "already exists";
    case grpc::StatusCode::ABORTED:
      return "conflict";
    default:
      return "error";
  }
}

const char* ExitCodeHelp() {
  return "Exit codes: 0 success, 1 other error, 2 bad input, 3 refused by a "
         "rule, 4 not found, 5 permission denied, 6 server or database "
         "unavailable or busy, 7 already exists or conflicting change.";
}

}  // namespace depot::cli
