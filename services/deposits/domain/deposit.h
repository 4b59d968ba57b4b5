#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "services/common/date.h"
#include "services/deposits/domain/categories.h"

namespace depot::deposits {

/// open -> transferring -> received (closed, immutable), or cancelled
/// before it is received.
enum class DepositState { kOpen, kTransferring, kReceived, kCancelled };

const char* DepositStateName(DepositState state);
DepositState ParseDepositState(const std::string& name);

struct Deposit {
  int64_t id = 0;
  std::string organisation_number;
  RegisterCategory category = RegisterCategory::kOther;
  std::string description;
  Date deposit_date;
  DepositState state = DepositState::kOpen;
  int64_t accepted_records = 0;
  int64_t rejected_records = 0;
  std::chrono::system_clock::time_point created_at;
  std::string created_by;
  std::string cancel_reason;
};

struct NewDeposit {
  std::string organisation_number;
  RegisterCategory category = RegisterCategory::kOther;
  std::string description;
  Date deposit_date;
  std::string created_by;
};

/// One source sent into a deposit under the sender's transfer_id: its
/// digest and how far it came. Anonymous transfers (no id) have none.
struct TransferState {
  std::string transfer_id;
  std::string source_sha256;  ///< lower-case hex
  int64_t next_position = 1;  ///< one more than the highest committed
  int64_t received = 0;
  int64_t accepted = 0;
  int64_t rejected = 0;
  int64_t duplicates = 0;
  std::string started_by;
  std::chrono::system_clock::time_point started_at;
  std::chrono::system_clock::time_point updated_at;
};

/// Which transfer a stored batch belongs to, for its progress.
struct BatchSource {
  std::string transfer_id;  ///< empty: anonymous, no progress is kept
  int64_t next_position = 1;
  int64_t received = 0;  ///< records in the batch
};

/// What storing one batch did.
struct BatchOutcome {
  int64_t accepted = 0;    ///< newly stored records
  int64_t rejected = 0;    ///< newly stored rejections
  int64_t duplicates = 0;  ///< records already decided before
};

struct RecordException {
  int64_t deposit_id = 0;
  std::string source_record_id;
  std::string reason;
  std::string granted_by;
  std::chrono::system_clock::time_point granted_at;
};

/// Search criteria; person criteria are keyed indexes, never clear text.
struct RecordQuery {
  std::string national_id_index;
  std::string person_index;
  std::string organisation_number;
  int category = 0;  ///< RegisterCategory value, 0 = any
  int64_t deposit_id = 0;
  std::string box;
};

}  // namespace depot::deposits
