#pragma once

#include <optional>
#include <string>

#include "services/common/crypto/keyring.h"
#include "services/journal/domain/journal_types.h"

namespace depot::journal {

/// A correspondent's identity after checking: the birth date (from the
/// number when only a number was given) and the normalized number.
struct CheckedIdentity {
  std::string birth_date;   ///< YYYY-MM-DD
  std::string national_id;  ///< digits only; empty when not given
};

/// nullopt when neither birth_date nor national_id is given. InvalidArgument
/// naming `field` + ".birth_date" / ".national_id" when the date is not
/// YYYY-MM-DD or in the future, the number is not valid, or the two
/// disagree. Messages never repeat the values.
std::optional<CheckedIdentity> CheckCorrespondentIdentity(
    const std::string& field, const std::string& birth_date,
    const std::string& national_id, Date today);

/// Seals the identity of the correspondent at `position` of the entry
/// `journal_number` ("2026/000045"): the sealed fields are bound to that
/// place, so a ciphertext moved to another row fails to decrypt. The
/// person index is the one DepositService and ReadingRoomService use for
/// name + birth date, so one query finds the person everywhere.
SealedIdentity SealIdentity(const Keyring& keyring, const std::string& name,
                            const CheckedIdentity& identity,
                            const std::string& journal_number, int position);

/// The birth date of a sealed identity ("" when none). Throws
/// Error(kInternal) when the stored field was altered or moved.
std::string OpenBirthDate(const Keyring& keyring,
                          const SealedIdentity& identity,
                          const std::string& journal_number, int position);

/// The pseudonym that audit events about this correspondent carry: the
/// person's (number, else name + birth date) when the identity is known,
/// else the pseudonym of the name alone.
std::string CorrespondentSubject(const Keyring& keyring,
                                 const Correspondent& correspondent);

}  // namespace depot::journal
