#include "services/audit/audit_handler.h"

#include "services/audit/audit_proto.h"

namespace depot::audit {

AuditHandler::AuditHandler(AuditLogs& logs, CallerResolver& resolver)
    : gate_(v1::AuditService::service_full_name(), resolver), logs_(logs) {}

grpc::Status AuditHandler::GetTreeHead(grpc::ServerContext* context,
                                       const v1::GetTreeHeadRequest* request,
                                       v1::TreeHead* response) {
  return gate_.Serve(context, "GetTreeHead", request, [&](const Caller&) {
    ToProto(logs_.TreeHead(request->log()), logs_.verifier().key_id(),
            response);
  });
}

grpc::Status AuditHandler::VerifyAudit(grpc::ServerContext* context,
                                       const v1::VerifyAuditRequest* request,
                                       v1::AuditVerification* response) {
  return gate_.Serve(context, "VerifyAudit", request, [&](const Caller&) {
    ToProto(logs_.Verify(request->log()), logs_.verifier().key_id(), response);
  });
}

grpc::Status AuditHandler::ExportAudit(
    grpc::ServerContext* context, const v1::ExportAuditRequest* request,
    grpc::ServerWriter<v1::AuditExportChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportAudit", request, writer,
      [&](const Caller& caller, StreamWriter<v1::AuditExportChunk>& out) {
        ExportChunkWriter sink(out, logs_.verifier().public_key_pem());
        logs_.Export(caller, request->log(), sink);
      });
}

grpc::Status AuditHandler::GetAuditPublicKey(
    grpc::ServerContext* context, const v1::GetAuditPublicKeyRequest* request,
    v1::AuditPublicKey* response) {
  return gate_.Serve(context, "GetAuditPublicKey", request, [&](const Caller&) {
    response->set_public_key_pem(logs_.verifier().public_key_pem());
    response->set_key_id(logs_.verifier().key_id());
  });
}

}  // namespace depot::audit
