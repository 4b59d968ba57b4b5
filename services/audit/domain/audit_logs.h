#pragma once

#include <functional>
#include <optional>
#include <string>

#include "services/audit/domain/audit_store.h"
#include "services/audit/domain/chain_verifier.h"
#include "services/audit/domain/sealer.h"
#include "services/common/auth/caller.h"

namespace depot::audit {

struct TreeHeadView {
  std::string log;
  bool present = false;
  std::optional<SignedHead> head;
  int64_t pending = 0;  ///< committed events not yet sealed
};

struct VerifyOutcome {
  std::string log;
  bool present = false;
  Verification verification;
  std::optional<SignedHead> latest_head;
  int64_t unsealed = 0;
};

/// Receives an export: Begin once, Events in batches in seq order, Heads
/// once at the end.
class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual void Begin(const std::string& log, bool present) = 0;
  virtual void Events(const std::vector<SealedEvent>& events) = 0;
  virtual void Heads(const std::vector<SignedHead>& heads) = 0;
};

/// The audit service's use cases.
class AuditLogs {
 public:
  /// How many of the latest signed heads verification checks and an
  /// export carries (a head is signed at most every few seconds).
  static constexpr int kHeadsChecked = 1000;
  static constexpr size_t kExportBatch = 1000;

  AuditLogs(AuditStore& store, const AuditSigningKey& key, Sealer& sealer);

  /// Seals what is pending, signs a head for the current size if none
  /// exists, returns the latest head.
  TreeHeadView TreeHead(const std::string& log);
  VerifyOutcome Verify(const std::string& log);
  /// Streams the events sealed when it starts, a page per transaction
  /// (sink calls come between transactions), and records who exported it
  /// in the log itself before the first event goes out.
  void Export(const Caller& caller, const std::string& log, ExportSink& sink);
  const HeadVerifier& verifier() const { return key_.verifier(); }

 private:
  AuditStore& store_;
  const AuditSigningKey& key_;
  Sealer& sealer_;
};

}  // namespace depot::audit
