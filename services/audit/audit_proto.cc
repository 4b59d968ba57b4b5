#include "services/audit/audit_proto.h"

#include "services/audit/domain/canonical.h"

namespace depot::audit {

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

void ToProto(const TreeHeadView& view, const std::string& key_id,
             v1::TreeHead* out) {
  if (view.head) ToProto(view.log, *view.head, key_id, out);
  out->set_log(view.log);
  out->set_present(view.present);
  out->set_pending(view.pending);
}

void ToProto(const VerifyOutcome& outcome, const std::string& key_id,
             v1::AuditVerification* out) {
  out->set_log(outcome.log);
  out->set_present(outcome.present);
  out->set_ok(outcome.present && outcome.verification.ok());
  out->set_events_checked(outcome.verification.events_checked);
  out->set_heads_checked(outcome.verification.heads_checked);
  out->set_unsealed(outcome.unsealed);
  if (outcome.latest_head) {
    ToProto(outcome.log, *outcome.latest_head, key_id,
            out->mutable_latest_head());
  }
  if (const auto& bad = outcome.verification.first_bad) {
    auto* first_bad = out->mutable_first_bad();
    first_bad->set_seq(bad->seq);
    first_bad->set_event_id(bad->event_id);
    first_bad->set_what(bad->what);
    first_bad->set_detail(bad->detail);
  }
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

void ToProto(const SignedHead& head, v1::SignedTreeHead* out) {
  out->set_size(head.size);
  out->set_root(ToHex(head.root));
  out->set_signed_at_us(head.signed_at_us);
  out->set_signature(ToHex(head.signature));
}

void ExportChunkWriter::Begin(const std::string& log, bool present) {
  v1::AuditExportChunk chunk;
  chunk.set_log(log);
  chunk.set_present(present);
  chunk.set_public_key_pem(public_key_pem_);
  writer_.Write(chunk);
}

void ExportChunkWriter::Events(const std::vector<SealedEvent>& events) {
  v1::AuditExportChunk chunk;
  for (const SealedEvent& e : events) ToProto(e, chunk.add_events());
  writer_.Write(chunk);
}

void ExportChunkWriter::Heads(const std::vector<SignedHead>& heads) {
  v1::AuditExportChunk chunk;
  for (const SignedHead& head : heads) ToProto(head, chunk.add_heads());
  writer_.Write(chunk);
}

}  // namespace depot::audit
