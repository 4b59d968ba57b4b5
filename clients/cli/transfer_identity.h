#pragma once

#include <grpcpp/client_context.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {

using ContextFactory = std::function<std::unique_ptr<grpc::ClientContext>()>;

/// A source as a transfer names it: the id the deposit keeps its progress
/// under and the SHA-256 of the whole source.
struct TransferIdentity {
  int64_t deposit_id = 0;
  std::string transfer_id;
  std::string source_sha256;
  /// What the source is, for messages: "the file elever.csv",
  /// "arkivstruktur.xml of uttrekk".
  std::string describe;
};

/// Where the transfer continues: its next position on the server (1 for a
/// transfer the deposit does not know yet). FAILED_PRECONDITION, sending
/// nothing, when the deposit knows the transfer_id from another source
/// (another digest): the message says what differs and to pass
/// --transfer-id for a new source.
grpc::Status ResumePoint(v1::DepositService::Stub& stub,
                         const ContextFactory& new_context,
                         const TransferIdentity& identity, int64_t* next);

/// The first message of a TransferRecords stream for the transfer.
v1::TransferRecordsRequest StartMessage(const TransferIdentity& identity);

}  // namespace depot::cli
