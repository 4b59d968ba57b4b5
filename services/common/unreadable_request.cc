#include "services/common/unreadable_request.h"

#include <google/protobuf/descriptor.h>

namespace depot {
namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::ServerRpcInfo;

// "/depot.v1.DepositService/GetDeposit" -> "depot.v1.GetDepositRequest",
// or "" for a method the generated descriptors do not know.
std::string RequestTypeOf(std::string_view method) {
  if (method.starts_with('/')) method.remove_prefix(1);
  std::string dotted(method);
  auto slash = dotted.rfind('/');
  if (slash == std::string::npos) return "";
  dotted[slash] = '.';
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
          dotted);
  return descriptor == nullptr ? "" : descriptor->input_type()->full_name();
}

class UnreadableRequestInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit UnreadableRequestInterceptor(std::string method)
      : method_(std::move(method)) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      unreadable_ = true;
    }
    if (unreadable_ &&
        methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::INTERNAL) {
      methods->ModifySendStatus(
          grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                       UnreadableRequestMessage(method_)));
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  bool unreadable_ = false;
};

}  // namespace

grpc::experimental::Interceptor*
UnreadableRequestInterceptorFactory::CreateServerInterceptor(
    ServerRpcInfo* info) {
  if (info->type() != ServerRpcInfo::Type::UNARY &&
      info->type() != ServerRpcInfo::Type::SERVER_STREAMING) {
    return nullptr;
  }
  return new UnreadableRequestInterceptor(info->method());
}

std::string UnreadableRequestMessage(std::string_view method) {
  std::string type = RequestTypeOf(method);
  if (type.empty()) type = "the request message of " + std::string(method);
  return "the request could not be read as " + type +
         ": its bytes are not a complete protobuf encoding of that message, "
         "or a string field holds invalid UTF-8; send a well-formed " +
         type + " with every text in UTF-8";
}

}  // namespace depot
