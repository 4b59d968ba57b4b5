#pragma once

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/sync_stream.h>

#include <cstdint>

#include "depot/v1/deposit.pb.h"
#include "services/common/auth/caller.h"
#include "services/deposits/domain/transfers.h"

namespace depot::deposits {

/// The messages of a TransferRecords stream, read as raw bytes and parsed
/// here. gRPC's sync reader reports a message it cannot parse (invalid
/// UTF-8 in a string, bytes cut short) as the end of the stream, which
/// would end a transfer with OK and drop the rest of it; parsing here lets
/// such a message end the stream with INVALID_ARGUMENT naming it.
class TransferMessages {
 public:
  explicit TransferMessages(
      grpc::ServerReaderInterface<grpc::ByteBuffer>& reader)
      : reader_(reader) {}

  /// The next message; false at the end of the stream. Throws
  /// InvalidArgument naming the message (its number in the stream and its
  /// batch) and what is wrong with it when it cannot be parsed.
  bool Next(v1::TransferRecordsRequest* message);

 private:
  grpc::ServerReaderInterface<grpc::ByteBuffer>& reader_;
  int64_t read_ = 0;
};

/// Receives a TransferRecords stream: the start, then record batches, each
/// checked and stored as it comes (see Transfers), and sums them up.
void ReceiveTransfer(Transfers& transfers, const Caller& caller,
                     TransferMessages& messages, v1::TransferSummary* summary);

}  // namespace depot::deposits
