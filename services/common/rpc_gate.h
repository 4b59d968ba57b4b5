#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <functional>
#include <string>
#include <string_view>

#include "services/common/auth/caller.h"
#include "services/common/auth/caller_resolver.h"
#include "services/common/server_stream.h"

namespace depot {

/// Process-wide drain switch: once set, every RpcGate answers new calls
/// with UNAVAILABLE while the calls already running finish. Set by
/// DepotServer::Shutdown before the transport goes down, so that no call
/// is cut off half-way (gRPC would report those as CANCELLED).
void BeginDraining();
/// After the server stopped (lets a test process start another server).
void EndDraining();
/// Calls currently inside an RpcGate body.
int CallsInFlight();

/// The handler base every RPC goes through: it establishes the caller,
/// enforces the authorization table (including the own-organisation limit
/// on the request's organization_number), runs the body and maps whatever
/// it throws to a status through ToGrpcStatus. Handlers never authorize or
/// map errors themselves.
class RpcGate {
 public:
  /// service: the full service name, e.g. "depot.v1.DepositService".
  RpcGate(std::string service, CallerResolver& resolver);

  grpc::Status Serve(grpc::ServerContext* context, std::string_view method,
                     const google::protobuf::Message* request,
                     const std::function<void(const Caller&)>& body);

  /// Serve for a server stream: the body also holds one of the caller's
  /// stream places (RESOURCE_EXHAUSTED beyond streams_per_caller) and
  /// writes through a StreamWriter, which ends the call when the client
  /// reads nothing for the stall timeout.
  template <typename Message, typename Body>
  grpc::Status ServeStream(grpc::ServerContext* context,
                           std::string_view method,
                           const google::protobuf::Message* request,
                           grpc::ServerWriter<Message>* writer,
                           const Body& body) {
    StreamWriter<Message> out(context, writer);
    return Serve(context, method, request, [&](const Caller& caller) {
      StreamSlot slot(caller.identity);
      body(caller, out);
    });
  }

 private:
  std::string service_;
  CallerResolver& resolver_;
};

}  // namespace depot
