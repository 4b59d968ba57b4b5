#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/common/date.h"
#include "services/journal/domain/journal_store.h"

namespace depot::journal {

struct DisposalItem {
  int64_t document_id = 0;
  std::string journal_number;
  std::string case_number;
  std::string description;
  TimePoint case_closed_at;
  Date due;
};

struct DisposalReport {
  bool dry_run = false;
  std::string decision;
  int retention_months = 0;
  TimePoint run_at;
  std::string run_by;
  std::vector<DisposalItem> items;
};

/// Kassasjon of application documents: in closed job-application cases,
/// application documents are due once the retention period (settings,
/// default 12 months) has passed since the case was closed. A run deletes
/// their content, records the disposal and keeps the entries (still
/// screened). Personnel cases and other documents are never touched.
class Disposal {
 public:
  Disposal(JournalStore& store, const Keyring& keyring, Clock clock);

  /// dry_run: lists what would go and changes nothing.
  DisposalReport Run(const Caller& caller, bool dry_run,
                     const std::string& decision);

 private:
  JournalStore& store_;
  const Keyring& keyring_;
  Clock clock_;
};

}  // namespace depot::journal
