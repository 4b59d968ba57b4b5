#include "services/audit/audit_handler.h"

#include "services/audit/domain/canonical.h"
#include "services/common/error.h"

namespace depot::audit {
namespace {

void ToProto(const std::string& log, const SignedHead& head,
             const std::string& key_id, v1::TreeHead* out) {
  out->set_log(log);
  out->set_present(true);
  out->set_size(head.size);
  out->set_root(ToHex(head.root));
  out->set_signed_at(FormatMicros(head.signed_at_us));
  out->set_signed_at_us(head.signed_at_us);
  out->set_signature(ToHex(head.signature));
  out->set_key_id(key_id);
}

void ToProto(const SealedEvent& e, v1::AuditEventRecord* out) {
  out->set_seq(e.seq);
  out->set_id(e.id);
  out->set_occurred_at_us(e.occurred_at_us);
  out->set_actor(e.actor);
  out->set_actor_role(e.actor_role);
  out->set_action(e.action);
  out->set_object(e.object);
  out->set_subject(e.subject);
  out->set_detail(e.detail);
  out->set_chain_hash(ToHex(e.chain_hash));
}

// Writes chunks to the client as the domain produces them.
class ChunkWriter : public ExportSink {
 public:
  ChunkWriter(StreamWriter<v1::AuditExportChunk>& writer,
              std::string public_key_pem)
      : writer_(writer), public_key_pem_(std::move(public_key_pem)) {}

  void Begin(const std::string& log, bool present) override {
    v1::AuditExportChunk chunk;
    chunk.set_log(log);
    chunk.set_present(present);
    chunk.set_public_key_pem(public_key_pem_);
    Write(chunk);
  }
  void Events(const std::vector<SealedEvent>& events) override {
    v1::AuditExportChunk chunk;
    for (const SealedEvent& e : events) ToProto(e, chunk.add_events());
    Write(chunk);
  }
  void Heads(const std::vector<SignedHead>& heads) override {
    v1::AuditExportChunk chunk;
    for (const SignedHead& h : heads) {
      auto* out = chunk.add_heads();
      out->set_size(h.size);
      out->set_root(ToHex(h.root));
      out->set_signed_at_us(h.signed_at_us);
      out->set_signature(ToHex(h.signature));
    }
    Write(chunk);
  }

 private:
  void Write(const v1::AuditExportChunk& chunk) { writer_.Write(chunk); }
  StreamWriter<v1::AuditExportChunk>& writer_;
  std::string public_key_pem_;
};

}  // namespace

AuditHandler::AuditHandler(AuditLogs& logs, CallerResolver& resolver)
    : gate_(v1::AuditService::service_full_name(), resolver), logs_(logs) {}

grpc::Status AuditHandler::GetTreeHead(grpc::ServerContext* context,
                                       const v1::GetTreeHeadRequest* request,
                                       v1::TreeHead* response) {
  return gate_.Serve(context, "GetTreeHead", request, [&](const Caller&) {
    TreeHeadView view = logs_.TreeHead(request->log());
    if (view.head) {
      ToProto(view.log, *view.head, logs_.verifier().key_id(), response);
    }
    response->set_log(view.log);
    response->set_present(view.present);
    response->set_pending(view.pending);
  });
}

grpc::Status AuditHandler::VerifyAudit(grpc::ServerContext* context,
                                       const v1::VerifyAuditRequest* request,
                                       v1::AuditVerification* response) {
  return gate_.Serve(context, "VerifyAudit", request, [&](const Caller&) {
    VerifyOutcome outcome = logs_.Verify(request->log());
    response->set_log(outcome.log);
    response->set_present(outcome.present);
    response->set_ok(outcome.present && outcome.verification.ok());
    response->set_events_checked(outcome.verification.events_checked);
    response->set_heads_checked(outcome.verification.heads_checked);
    response->set_unsealed(outcome.unsealed);
    if (outcome.latest_head) {
      ToProto(outcome.log, *outcome.latest_head, logs_.verifier().key_id(),
              response->mutable_latest_head());
    }
    if (const auto& bad = outcome.verification.first_bad) {
      auto* out = response->mutable_first_bad();
      out->set_seq(bad->seq);
      out->set_event_id(bad->event_id);
      out->set_what(bad->what);
      out->set_detail(bad->detail);
    }
  });
}

grpc::Status AuditHandler::ExportAudit(
    grpc::ServerContext* context, const v1::ExportAuditRequest* request,
    grpc::ServerWriter<v1::AuditExportChunk>* writer) {
  return gate_.ServeStream(
      context, "ExportAudit", request, writer,
      [&](const Caller& caller, StreamWriter<v1::AuditExportChunk>& out) {
        ChunkWriter sink(out, logs_.verifier().public_key_pem());
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
