#pragma once

#include "depot/v1/privacy.grpc.pb.h"
#include "services/common/rpc_gate.h"
#include "services/privacy/domain/access_requests.h"
#include "services/privacy/domain/breaches.h"
#include "services/privacy/domain/erasure.h"
#include "services/privacy/domain/retention.h"

namespace depot::privacy {

/// What the handler works with; owned by the module.
struct PrivacyDomain {
  AccessRequests& requests;
  Erasure& erasure;
  Retention& retention;
  Breaches& breaches;
};

/// PrivacyService over gRPC: its RPC methods, converting through
/// privacy_proto.h. Authorization and error mapping happen in RpcGate.
class PrivacyHandler final : public v1::PrivacyService::Service {
 public:
  PrivacyHandler(PrivacyDomain domain, CallerResolver& resolver);

  grpc::Status OpenAccessRequest(grpc::ServerContext* context,
                                 const v1::OpenAccessRequestRequest* request,
                                 v1::AccessRequest* response) override;
  grpc::Status GetAccessRequest(grpc::ServerContext* context,
                                const v1::GetAccessRequestRequest* request,
                                v1::AccessRequest* response) override;
  grpc::Status ListAccessRequests(
      grpc::ServerContext* context,
      const v1::ListAccessRequestsRequest* request,
      v1::ListAccessRequestsResponse* response) override;
  grpc::Status ExtendAccessRequest(
      grpc::ServerContext* context,
      const v1::ExtendAccessRequestRequest* request,
      v1::AccessRequest* response) override;
  grpc::Status CompileAccessRequest(
      grpc::ServerContext* context,
      const v1::CompileAccessRequestRequest* request,
      v1::AccessExtract* response) override;
  grpc::Status CloseAccessRequest(grpc::ServerContext* context,
                                  const v1::CloseAccessRequestRequest* request,
                                  v1::AccessRequest* response) override;
  grpc::Status EraseSubject(grpc::ServerContext* context,
                            const v1::EraseSubjectRequest* request,
                            v1::EraseSubjectResponse* response) override;
  grpc::Status RunRetention(grpc::ServerContext* context,
                            const v1::RetentionRequest* request,
                            v1::RetentionReport* response) override;
  grpc::Status RegisterBreach(grpc::ServerContext* context,
                              const v1::RegisterBreachRequest* request,
                              v1::Breach* response) override;
  grpc::Status ListBreaches(grpc::ServerContext* context,
                            const v1::ListBreachesRequest* request,
                            v1::ListBreachesResponse* response) override;
  grpc::Status NotifyBreach(grpc::ServerContext* context,
                            const v1::NotifyBreachRequest* request,
                            v1::Breach* response) override;

 private:
  RpcGate gate_;
  PrivacyDomain domain_;
};

}  // namespace depot::privacy
