#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace depot::testing {

/// What a call made with raw bytes came back with.
struct RawCallResult {
  grpc::Status status;
  std::vector<std::string> responses;  ///< serialized response messages
};

/// Calls method ("/depot.v1.DepositService/GetDeposit") of any kind through
/// grpc::GenericStub: sends each of requests as it is (bytes the server
/// must parse itself, however malformed), half-closes, reads every response
/// and returns the final status. A call still running at the deadline ends
/// with DEADLINE_EXCEEDED.
RawCallResult CallRaw(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::vector<std::string>& requests,
    std::chrono::milliseconds deadline = std::chrono::seconds(20));

}  // namespace depot::testing
