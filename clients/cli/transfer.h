#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clients/cli/connection.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {

struct TransferArgs {
  int64_t deposit_id = 0;
  std::string file;
  int batch_size = 1000;
  std::string report;  ///< empty: <file>.rejected.csv
  bool no_resume = false;
};

/// `depot deposit transfer`: checks the whole CSV file, asks the server
/// where to resume, streams the records in batches, prints the summary and
/// writes the rejection report. Returns the exit code.
int RunTransfer(const Connection& connection, const TransferArgs& args,
                bool json);

/// Every rejection of a deposit, all pages.
grpc::Status ListAllRejections(const Connection& connection,
                               v1::DepositService::Stub& stub,
                               int64_t deposit_id,
                               std::vector<v1::Rejection>* rejections);

}  // namespace depot::cli
