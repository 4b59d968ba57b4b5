#pragma once

#include <grpcpp/client_context.h>

#include <cstdint>
#include <memory>

#include "clients/cli/noark_import.h"
#include "clients/cli/transfer_identity.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {

/// The TransferRecords stream of an import, opened with its first batch
/// (an import with nothing to send makes no call). Records go in batches
/// of batch_size, fewer when their bytes near gRPC's message limit; the
/// server's answer goes to summary->transfer, the records sent are counted
/// in summary->sent.
class RecordStream {
 public:
  RecordStream(v1::DepositService::Stub& stub,
               const ContextFactory& new_context,
               const TransferIdentity& identity, int batch_size,
               NoarkImportSummary* summary);

  /// False once the server stopped taking batches.
  bool open() const { return open_; }
  /// Takes the record; sends the batch when it is full.
  void Add(v1::RecordData* record);
  /// Stops the stream after a failure on this side.
  void Cancel();
  /// Sends the rest and ends the stream: the server's status (OK when
  /// nothing was sent).
  grpc::Status Finish(const ImportProgress& progress, int64_t processed);

 private:
  void Flush();

  v1::DepositService::Stub& stub_;
  const ContextFactory& new_context_;
  const TransferIdentity& identity_;
  int batch_size_;
  NoarkImportSummary* summary_;
  std::unique_ptr<grpc::ClientContext> context_;
  std::unique_ptr<grpc::ClientWriter<v1::TransferRecordsRequest>> writer_;
  bool open_ = true;
  v1::TransferRecordsRequest message_;
  v1::RecordBatch* batch_;
  size_t batch_bytes_ = 0;
};

}  // namespace depot::cli
