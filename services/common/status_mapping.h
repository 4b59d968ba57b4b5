#pragma once

#include <grpcpp/support/status.h>

#include <exception>

namespace depot {

/// The single mapping from failures to gRPC status. depot::Error codes map
/// one to one; anything else becomes INTERNAL, with the details logged under
/// an incident id and only that id returned.
grpc::Status ToGrpcStatus(std::exception_ptr failure);

}  // namespace depot
