#pragma once

#include <vector>

#include "services/common/auth/caller.h"
#include "services/privacy/domain/privacy_store.h"
#include "services/privacy/domain/settings.h"
#include "services/privacy/domain/subject_sources.h"

namespace depot::privacy {

/// Retention sweeps: deletes what is past its period, here (closed access
/// requests) and in the reading room (through SubjectSources). Audits
/// counts, never names. Idempotent: a second run finds nothing more.
class Retention {
 public:
  Retention(PrivacyStore& store, SubjectSources& sources, Clock clock,
            Settings settings);

  /// dry_run: counts what would be deleted, deletes nothing.
  std::vector<RetentionCount> Run(const Caller& caller, bool dry_run);

 private:
  PrivacyStore& store_;
  SubjectSources& sources_;
  Clock clock_;
  Settings settings_;
};

}  // namespace depot::privacy
