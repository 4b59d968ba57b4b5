#pragma once

#include <cstdint>
#include <string>

#include "services/common/crypto/keyring.h"
#include "services/privacy/domain/model.h"

namespace depot::privacy {

/// Validates the way a request identifies its person: exactly one of a
/// national identity number, or name + birth date. Throws InvalidArgument
/// naming the field (never echoing its value). today: YYYY-MM-DD.
SubjectIdentity CheckIdentity(const std::string& national_id,
                              const std::string& name,
                              const std::string& birth_date,
                              const std::string& today);

/// The keyed pseudonym of the person (subject_key.h), as every service
/// writes it into audit events.
std::string PseudonymOf(const Keyring& keyring,
                        const SubjectIdentity& identity);

/// AES-256-GCM sealed identity (base64), bound to the access request id.
std::string SealIdentity(const Keyring& keyring,
                         const SubjectIdentity& identity, int64_t request_id);
SubjectIdentity UnsealIdentity(const Keyring& keyring,
                               const std::string& sealed, int64_t request_id);

}  // namespace depot::privacy
