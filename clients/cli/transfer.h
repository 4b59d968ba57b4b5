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
  std::string transfer_id;  ///< empty: the file's name
};

/// `depot deposit transfer`: checks the whole CSV file and takes its
/// SHA-256, asks the server where this transfer (the file's name, or
/// --transfer-id) stands, refusing when the deposit has that transfer from
/// another file, streams the records in batches, prints the summary and
/// writes the rejection report. Returns the exit code.
int RunTransfer(const Connection& connection, const TransferArgs& args,
                bool json);

/// Every rejection of a deposit, all pages.
grpc::Status ListAllRejections(const Connection& connection, int64_t deposit_id,
                               std::vector<v1::Rejection>* rejections);

}  // namespace depot::cli
