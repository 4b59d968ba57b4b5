#include "services/common/rpc_gate.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>

#include "services/common/auth/authorization.h"
#include "services/common/error.h"
#include "services/common/request_rules.h"
#include "services/common/status_mapping.h"

namespace depot {
namespace {

std::atomic<bool> draining{false};
std::atomic<int> in_flight{0};

// Counts a call as in flight for its whole body.
class InFlight {
 public:
  InFlight() { in_flight.fetch_add(1); }
  ~InFlight() { in_flight.fetch_sub(1); }
};

// The organization_number a request names, if its message has that field.
std::string RequestedOrganisation(const google::protobuf::Message* request) {
  if (request == nullptr) return "";
  const auto* field =
      request->GetDescriptor()->FindFieldByName("organization_number");
  if (field == nullptr || field->is_repeated() ||
      field->type() != google::protobuf::FieldDescriptor::TYPE_STRING) {
    return "";
  }
  return request->GetReflection()->GetString(*request, field);
}

}  // namespace

void BeginDraining() { draining = true; }
void EndDraining() { draining = false; }
int CallsInFlight() { return in_flight; }

RpcGate::RpcGate(std::string service, CallerResolver& resolver)
    : service_(std::move(service)), resolver_(resolver) {}

grpc::Status RpcGate::Serve(grpc::ServerContext* context,
                            std::string_view method,
                            const google::protobuf::Message* request,
                            const std::function<void(const Caller&)>& body) {
  auto started = std::chrono::steady_clock::now();
  std::string full_method = service_ + "/" + std::string(method);
  std::string who = "unknown caller";
  grpc::Status status;
  InFlight counted;
  if (draining) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the server is shutting down; retry shortly");
  }
  try {
    Caller caller = resolver_.Resolve(*context);
    who = caller.identity + " (" + caller.RoleLabel() + ")";
    const RpcPolicy& policy = Authorize(caller, full_method);
    if (policy.own_organisation_only && caller.LimitedToOwnOrganisation()) {
      std::string requested = RequestedOrganisation(request);
      if (!requested.empty()) caller.RequireOrganisation(requested);
    }
    if (request != nullptr) CheckRequest(*request);
    body(caller);
  } catch (...) {
    status = ToGrpcStatus(std::current_exception());
  }
  auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  // Method, caller and outcome only: requests carry personal data.
  if (status.ok()) {
    spdlog::debug("{} by {}: OK in {} ms", full_method, who, elapsed_ms);
  } else {
    spdlog::info("{} by {}: code {} in {} ms", full_method, who,
                 static_cast<int>(status.error_code()), elapsed_ms);
  }
  return status;
}

}  // namespace depot
