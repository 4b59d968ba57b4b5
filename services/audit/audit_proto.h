#pragma once

#include <string>

#include "depot/v1/audit.pb.h"
#include "services/audit/domain/audit_logs.h"
#include "services/common/server_stream.h"

namespace depot::audit {

/// Conversions between depot.v1 audit messages and the audit domain.
/// Hashes and signatures go out as lower-case hex.

/// A signed head of `log`, signed with the key `key_id`.
void ToProto(const std::string& log, const SignedHead& head,
             const std::string& key_id, v1::TreeHead* out);
/// The log's latest head (when it has one) and what waits to be sealed.
void ToProto(const TreeHeadView& view, const std::string& key_id,
             v1::TreeHead* out);
void ToProto(const VerifyOutcome& outcome, const std::string& key_id,
             v1::AuditVerification* out);
void ToProto(const SealedEvent& event, v1::AuditEventRecord* out);
void ToProto(const SignedHead& head, v1::SignedTreeHead* out);

/// Writes an export to the client as the domain produces it: a first
/// chunk naming the log (with the public key, informational), then the
/// events batch by batch, then the heads.
class ExportChunkWriter : public ExportSink {
 public:
  ExportChunkWriter(StreamWriter<v1::AuditExportChunk>& writer,
                    std::string public_key_pem)
      : writer_(writer), public_key_pem_(std::move(public_key_pem)) {}

  void Begin(const std::string& log, bool present) override;
  void Events(const std::vector<SealedEvent>& events) override;
  void Heads(const std::vector<SignedHead>& heads) override;

 private:
  StreamWriter<v1::AuditExportChunk>& writer_;
  std::string public_key_pem_;
};

}  // namespace depot::audit
