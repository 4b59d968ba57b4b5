#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/clock.h"
#include "services/common/date.h"
#include "services/journal/domain/correspondent_identity.h"
#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/word_screening.h"

namespace depot::journal {

/// The most document content one entry may carry; larger documents are
/// kept elsewhere and referenced (content_ref).
constexpr size_t kMaxEntryContentBytes = 3 * 1024 * 1024;

/// A new entry checked field by field, ready to be numbered and stored.
struct CheckedEntry {
  /// Without its case, numbers or sealed identities yet; correspondents
  /// without a role are applicants until SettleRoles.
  JournalEntry entry;
  /// Per correspondent: the identity to seal once the number is known.
  std::vector<std::optional<CheckedIdentity>> identities;
  /// Words to screen in the case's public texts (may be empty).
  ScreenedWords words;
};

/// Checks everything of a new entry that needs no stored data, in the
/// order of its fields: the case number's form, type, titles, screening,
/// dates (none after `today`), words to screen, correspondents (at least
/// one) with their identities, documents (content or a reference, with a
/// matching SHA-256, at most kMaxEntryContentBytes in all). Throws
/// InvalidArgument naming the first field at fault.
CheckedEntry CheckNewEntry(const NewEntry& request, Date today);

/// Gives each correspondent of an entry of `journal_case` its role: one
/// asked for, else an applicant in a job-application case and other
/// elsewhere. FailedPrecondition when an applicant is asked for outside a
/// job-application case.
void SettleRoles(const JournalCase& journal_case,
                 const std::vector<NewCorrespondent>& asked,
                 std::vector<Correspondent>& correspondents);

}  // namespace depot::journal
