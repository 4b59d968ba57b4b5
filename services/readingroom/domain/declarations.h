#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "services/readingroom/domain/settings.h"

namespace depot::readingroom {

struct SignRequest {
  int64_t visitor_id = 0;
  int text_version = 0;  ///< 0: the newest text
  std::optional<ScopeKind> scope_kind;
  std::vector<std::string> scope_values;
  std::string valid_from;   ///< RFC 3339 or YYYY-MM-DD; empty: now
  std::string valid_until;  ///< RFC 3339 or YYYY-MM-DD; empty: the default
  std::string signature_scan_sha256;
};

struct Verification {
  int64_t declaration_id = 0;
  DeclarationCheck check;
  TimePoint checked_at;
};

/// Confidentiality declarations: versioned texts, signing (sealed with the
/// depot's Ed25519 key), verification and revocation.
class Declarations {
 public:
  Declarations(ReadingRoomStore& store, const SealKey& seal_key, Clock clock,
               const Settings& settings)
      : store_(store),
        seal_key_(seal_key),
        clock_(std::move(clock)),
        settings_(settings) {}

  std::vector<DeclarationText> Texts(const Caller& caller, bool with_text);
  DeclarationText AddText(const Caller& caller, const std::string& text);

  Declaration Sign(const Caller& caller, const SignRequest& request);
  /// With its text. NotFound when there is none.
  Declaration Get(const Caller& caller, int64_t declaration_id);
  std::vector<Declaration> List(const Caller& caller, int64_t visitor_id);
  Verification Verify(const Caller& caller, int64_t declaration_id);
  /// FailedPrecondition when it is revoked already.
  Declaration Revoke(const Caller& caller, int64_t declaration_id,
                     const std::string& reason);

  const SealVerifier& verifier() const { return seal_key_.verifier(); }

 private:
  ReadingRoomStore& store_;
  const SealKey& seal_key_;
  Clock clock_;
  const Settings& settings_;
};

}  // namespace depot::readingroom
