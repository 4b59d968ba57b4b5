#pragma once

#include "services/common/crypto/keyring.h"
#include "services/deposits/domain/record.h"
#include "services/deposits/domain/record_rules.h"

namespace depot::deposits {

/// Encrypts a checked record's personal fields for storage. Each sealed
/// field is bound to its deposit, record and field name, so a ciphertext
/// moved to another row fails to decrypt.
SealedRecord SealRecord(const RecordInput& record, const CheckedRecord& checked,
                        int64_t deposit_id, const Keyring& keyring);

/// Decrypts a stored record. Throws Error(kInternal) when a field was
/// altered.
RecordView OpenRecord(const SealedRecord& sealed, int64_t deposit_id,
                      const Keyring& keyring);

}  // namespace depot::deposits
