#pragma once

#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/common/crypto/subject_keystore.h"
#include "services/common/subject_data.h"
#include "services/readingroom/domain/reading_room_store.h"

namespace depot::readingroom {

/// Rights requests against the reading room (GDPR access and erasure). A
/// visitor belongs to the person only through the keyed index of their identity
/// number or of name + birth date: visitors registered with a name alone are
/// never matched (a note counts none of them; their names are not compared).
class SubjectVisitors {
 public:
  /// keys may be null (visitors sealed with the keyring only); erasure then
  /// still deletes the rows.
  SubjectVisitors(ReadingRoomStore& store, const Keyring& keyring,
                  SubjectKeyStore* keys, Clock clock)
      : store_(store),
        keyring_(keyring),
        keys_(keys),
        clock_(std::move(clock)) {}

  /// The visitor(s) with visits, loans, declarations, copy agreements and
  /// the audit events about them.
  SubjectData Data(const Caller& caller, const SubjectQuery& query);
  /// Erases every matched visitor who has no material out: destroys their
  /// key (crypto-shredding) and deletes their rows. A visitor with a loan
  /// still out is kept, with the reason.
  std::vector<ErasureOutcome> Erase(const Caller& caller,
                                    const SubjectQuery& query);

 private:
  std::vector<Visitor> Match(ReadingRoomTransaction& tx,
                             const CheckedSubject& subject);

  ReadingRoomStore& store_;
  const Keyring& keyring_;
  SubjectKeyStore* keys_;
  Clock clock_;
};

}  // namespace depot::readingroom
