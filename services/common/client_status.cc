#include "services/common/client_status.h"

namespace depot {

Error ErrorFromClientStatus(const grpc::Status& status,
                            const std::string& what_failed,
                            InvalidArgumentFrom invalid_argument) {
  std::string reason = what_failed + " (" + status.error_message() + ")";
  grpc::StatusCode code = status.error_code();
  if (code == grpc::StatusCode::INVALID_ARGUMENT &&
      invalid_argument == InvalidArgumentFrom::kRelay) {
    return InvalidArgument(reason);
  }
  if (code == grpc::StatusCode::UNAVAILABLE ||
      code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    return Unavailable(reason + "; retry shortly");
  }
  return Error(ErrorCode::kInternal, reason + ", code " + std::to_string(code));
}

}  // namespace depot
