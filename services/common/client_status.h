#pragma once

#include <grpcpp/support/status.h>

#include <string>

#include "services/common/error.h"

namespace depot {

/// Whether a called service's INVALID_ARGUMENT is passed on to our caller:
/// kRelay when the call carried the caller's own input (an item reference
/// they typed), kInternal when whatever we sent is our own doing.
enum class InvalidArgumentFrom { kInternal, kRelay };

/// The depot::Error for a failed call to another depot service (the
/// client side's counterpart of ToGrpcStatus). `what_failed` says which call
/// failed, e.g. "DepositService could not describe item box:1:A"; the
/// called service's message follows it in parentheses. UNAVAILABLE and
/// DEADLINE_EXCEEDED become Unavailable ("; retry shortly"); PERMISSION_DENIED
/// and the like are the depot's configuration, not the caller's fault: an
/// internal error with the code, logged with the details.
Error ErrorFromClientStatus(
    const grpc::Status& status, const std::string& what_failed,
    InvalidArgumentFrom invalid_argument = InvalidArgumentFrom::kInternal);

}  // namespace depot
