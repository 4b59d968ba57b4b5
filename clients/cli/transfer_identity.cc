#include "clients/cli/transfer_identity.h"

namespace depot::cli {

grpc::Status ResumePoint(v1::DepositService::Stub& stub,
                         const ContextFactory& new_context,
                         const TransferIdentity& identity, int64_t* next) {
  v1::GetTransferProgressRequest request;
  request.set_deposit_id(identity.deposit_id);
  request.set_transfer_id(identity.transfer_id);
  v1::TransferProgress progress;
  auto context = new_context();
  grpc::Status status =
      stub.GetTransferProgress(context.get(), request, &progress);
  if (!status.ok()) return status;
  if (!progress.source_sha256().empty() &&
      progress.source_sha256() != identity.source_sha256) {
    return grpc::Status(
        grpc::StatusCode::FAILED_PRECONDITION,
        "deposit " + std::to_string(identity.deposit_id) +
            " already has a transfer named \"" + identity.transfer_id +
            "\", started " + progress.started_at() +
            " from a source with SHA-256 " + progress.source_sha256() + "; " +
            identity.describe + " has SHA-256 " + identity.source_sha256 +
            ". It changed since, or it is another source of the same "
            "name: nothing was sent. To send it as a new source, pass "
            "--transfer-id with a new name (it starts at its first record; "
            "records the deposit has already are counted as duplicates)");
  }
  *next = progress.next_position() > 0 ? progress.next_position() : 1;
  return grpc::Status::OK;
}

v1::TransferRecordsRequest StartMessage(const TransferIdentity& identity) {
  v1::TransferRecordsRequest message;
  message.mutable_start()->set_deposit_id(identity.deposit_id);
  message.mutable_start()->set_transfer_id(identity.transfer_id);
  message.mutable_start()->set_source_sha256(identity.source_sha256);
  return message;
}

}  // namespace depot::cli
