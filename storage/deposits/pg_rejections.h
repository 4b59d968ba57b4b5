#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/deposits/domain/deposit.h"
#include "services/deposits/domain/record.h"

namespace depot::storage {

/// The records the 10-year rule rejected, and the archivist's exceptions
/// from it, in one transaction (or Read). See DepositTransaction for the
/// contract of each method.
class PgRejections {
 public:
  explicit PgRejections(pqxx::transaction_base& tx) : tx_(tx) {}

  std::optional<deposits::Rejection> Find(int64_t deposit_id,
                                          const std::string& source_record_id);
  std::vector<deposits::Rejection> List(int64_t deposit_id,
                                        int64_t after_position,
                                        int64_t after_id, int limit);
  void InsertException(const deposits::RecordException& exception);
  std::vector<std::string> ExceptionsAmong(
      int64_t deposit_id, const std::vector<std::string>& source_ids);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace depot::storage
