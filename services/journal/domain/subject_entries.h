#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/common/date.h"
#include "services/common/subject_data.h"
#include "services/journal/domain/journal_store.h"

namespace depot::journal {

/// Rights requests against the postjournal (GDPR access and erasure): the
/// entries where the person is a correspondent, and the answer to an erasure
/// request (refused: journal entries are kept, the name is screened in public
/// outputs).
///
/// A correspondent is the person only through the identity journaled with
/// it: the keyed index of the national identity number, or of name + birth
/// date. Correspondents journaled by name alone are never attributed (two
/// people share names); the answer counts those with the same name in a
/// note, without names or titles.
class SubjectEntries {
 public:
  SubjectEntries(JournalStore& store, const Keyring& keyring, Clock clock)
      : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

  SubjectData Data(const Caller& caller, const SubjectQuery& query);
  std::vector<ErasureOutcome> Erase(const Caller& caller,
                                    const SubjectQuery& query);

 private:
  /// An entry and which of its correspondents (positions) are the person.
  struct Found {
    JournalEntry entry;
    std::vector<size_t> positions;
  };
  struct Match {
    std::vector<Found> entries;
    std::vector<std::string> notes;
  };
  Match Find(JournalTransaction& tx, const CheckedSubject& subject);
  CheckedSubject Check(const SubjectQuery& query) const;

  JournalStore& store_;
  const Keyring& keyring_;
  Clock clock_;
};

}  // namespace depot::journal
