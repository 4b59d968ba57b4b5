#pragma once

#include "depot/v1/audit.grpc.pb.h"
#include "services/audit/domain/audit_logs.h"
#include "services/common/rpc_gate.h"

namespace depot::audit {

/// AuditService over gRPC: its RPC methods, converting through audit_proto.h.
/// Authorization and error mapping happen in RpcGate.
class AuditHandler final : public depot::v1::AuditService::Service {
 public:
  AuditHandler(AuditLogs& logs, CallerResolver& resolver);

  grpc::Status GetTreeHead(grpc::ServerContext* context,
                           const v1::GetTreeHeadRequest* request,
                           v1::TreeHead* response) override;
  grpc::Status VerifyAudit(grpc::ServerContext* context,
                           const v1::VerifyAuditRequest* request,
                           v1::AuditVerification* response) override;
  grpc::Status ExportAudit(
      grpc::ServerContext* context, const v1::ExportAuditRequest* request,
      grpc::ServerWriter<v1::AuditExportChunk>* writer) override;
  grpc::Status GetAuditPublicKey(grpc::ServerContext* context,
                                 const v1::GetAuditPublicKeyRequest* request,
                                 v1::AuditPublicKey* response) override;

 private:
  RpcGate gate_;
  AuditLogs& logs_;
};

}  // namespace depot::audit
