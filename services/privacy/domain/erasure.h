#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/crypto/keyring.h"
#include "services/privacy/domain/privacy_store.h"
#include "services/privacy/domain/settings.h"
#include "services/privacy/domain/subject_sources.h"

namespace depot::privacy {

struct ErasureInput {
  std::string national_id;
  std::string name;
  std::string birth_date;
  std::string reason;
};

struct ErasureResult {
  ErasureRecord record;
  std::vector<ErasureOutcome> outcomes;
};

/// Erasure (GDPR art. 17) across services: each erases what it may and
/// names the legal reason for what it keeps; PrivacyService keeps its own
/// access requests until their retention period ends.
class Erasure {
 public:
  Erasure(PrivacyStore& store, SubjectSources& sources, const Keyring& keyring,
          Clock clock, Settings settings);

  ErasureResult Erase(const Caller& caller, const ErasureInput& input);

 private:
  PrivacyStore& store_;
  SubjectSources& sources_;
  const Keyring& keyring_;
  Clock clock_;
  Settings settings_;
};

}  // namespace depot::privacy
