#pragma once

#include <string>
#include <string_view>

namespace depot {

class Keyring;

/// Canonical text that identifies a data subject, the input of
/// Keyring::Pseudonym. Every service derives it the same way, so that the
/// audit events about one person carry one pseudonym across services.
///   national identity number (digits only):  "nid:<digits>"
///   name and birth date (YYYY-MM-DD):        "nb:<name>|<date>"
///   name only (journal correspondents):      "n:<name>"
/// Names are folded: lower case (including Æ Ø Å), single spaces, trimmed.
std::string SubjectKeyFromNationalId(std::string_view national_id);
std::string SubjectKeyFromNameAndBirthDate(std::string_view name,
                                           std::string_view birth_date);
std::string SubjectKeyFromName(std::string_view name);

/// The folded form of a name used in subject keys and name searches.
std::string FoldName(std::string_view name);

/// The keyed index of a person by name and birth date
/// (Keyring::BlindIndex of SubjectKeyFromNameAndBirthDate). Deposited
/// records, reading-room visitors and journal correspondents store the
/// same index, so one subject access request finds a person in all three.
std::string PersonIndex(const Keyring& keyring, std::string_view name,
                        std::string_view birth_date);

}  // namespace depot
