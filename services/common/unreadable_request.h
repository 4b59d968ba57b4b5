#pragma once

#include <grpcpp/support/server_interceptor.h>

#include <string>
#include <string_view>

namespace depot {

/// gRPC parses a unary or server-streaming request before any handler runs;
/// when the bytes are not a valid encoding of the request message
/// (truncated, malformed, a string field in invalid UTF-8) it ends the call
/// itself with INTERNAL and an empty message. This factory's interceptors
/// see that parse fail (POST_RECV_MESSAGE without a message) and replace
/// that status by INVALID_ARGUMENT naming the request type. Client-streaming
/// calls read their messages in the handler, which answers for them.
class UnreadableRequestInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

/// The message for a request of method ("/depot.v1.DepositService/GetDeposit")
/// that could not be parsed: names the request type and what to send.
std::string UnreadableRequestMessage(std::string_view method);

}  // namespace depot
