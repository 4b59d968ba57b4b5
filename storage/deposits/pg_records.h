#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/deposits/domain/deposit_store.h"

namespace depot::storage {

/// The deposited records of schema `deposits` in one transaction (or
/// Read): searching and reading them (still sealed), and rectifying them.
/// See DepositTransaction for the contract of each method.
class PgRecords {
 public:
  using StoredRecord = deposits::DepositTransaction::StoredRecord;

  explicit PgRecords(pqxx::transaction_base& tx) : tx_(tx) {}

  std::vector<StoredRecord> Search(const deposits::RecordQuery& query,
                                   int64_t after_id, int limit);
  std::optional<StoredRecord> Find(int64_t record_id);
  std::vector<StoredRecord> InBox(int64_t deposit_id, const std::string& box);
  void Update(int64_t record_id, const deposits::SealedRecord& sealed);
  void InsertCorrection(int64_t record_id, const std::string& fields,
                        const std::string& reason,
                        const std::string& corrected_by);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace depot::storage
