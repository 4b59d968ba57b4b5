#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "depot/v1/deposit.grpc.pb.h"
#include "tests/support/synthetic_records.h"

namespace depot::testing {

/// `count` synthetic records at positions first_position.., born in the
/// 1950s with valid identity numbers, opened 1970 and last contact on
/// last_contact_date; source ids "src-<position>", names "Test Person <n>".
std::vector<v1::RecordData> MakeRecords(int first_position, int count,
                                        const std::string& last_contact_date);

/// Registers a depositor (if needed) and opens a deposit as `as`.
int64_t CreateDeposit(const std::shared_ptr<grpc::Channel>& channel,
                      const std::string& organisation_number,
                      v1::RegisterCategory category,
                      const std::string& deposit_date);

/// Sends records in one TransferRecords stream, `batch` per message, as
/// the transfer named (anonymous when transfer_id is empty).
grpc::Status Transfer(const std::shared_ptr<grpc::Channel>& channel,
                      int64_t deposit_id,
                      const std::vector<v1::RecordData>& records, int batch,
                      v1::TransferSummary* summary,
                      const std::string& transfer_id = "",
                      const std::string& source_sha256 = "");

}  // namespace depot::testing
