#include "services/deposits/transfer_stream.h"

#include <grpcpp/support/proto_buffer_reader.h>

#include <future>

#include "services/common/error.h"
#include "services/common/wire_problem.h"
#include "services/deposits/deposit_proto.h"

namespace depot::deposits {
namespace {

constexpr int kSummaryRejections = 1000;

std::string Flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

std::string Which(int64_t number) {
  return "message " + std::to_string(number) +
         (number == 1 ? " (the start)"
                      : " (batch " + std::to_string(number - 1) + ")");
}

}  // namespace

bool TransferMessages::Next(v1::TransferRecordsRequest* message) {
  grpc::ByteBuffer buffer;
  if (!reader_.Read(&buffer)) return false;
  ++read_;
  message->Clear();
  grpc::ProtoBufferReader input(&buffer);
  if (message->ParseFromZeroCopyStream(&input)) return true;
  throw InvalidArgument(
      Which(read_) + " is not a valid TransferRecordsRequest: " +
      WireProblem(Flatten(buffer), *v1::TransferRecordsRequest::descriptor()) +
      ". The batches before it are stored; GetTransferProgress tells where "
      "to resume");
}

void ReceiveTransfer(Transfers& transfers, const Caller& caller,
                     TransferMessages& messages, v1::TransferSummary* summary) {
  v1::TransferRecordsRequest message;
  if (!messages.Next(&message) || !message.has_start()) {
    throw InvalidArgument(
        "the first message must be start{deposit_id, transfer_id, "
        "source_sha256}, then record batches");
  }
  const v1::TransferStart& start = message.start();
  OpenTransfer transfer = transfers.Begin(
      caller, {start.deposit_id(), start.transfer_id(), start.source_sha256()});
  summary->set_deposit_id(transfer.deposit.id);
  summary->set_transfer_id(transfer.transfer_id);
  summary->set_next_position(transfer.next_position);
  // Batch N+1 is read, checked and sealed while batch N is written: sealing
  // takes depotd's CPU, writing PostgreSQL's. Writes stay in order, one at
  // a time, so a cut stream keeps a prefix of its batches. When the stream
  // fails, the future of std::async waits in its destructor for a write
  // still running: none is left behind.
  std::future<BatchResult> writing;
  auto count = [&](BatchResult result, size_t received) {
    summary->set_received(summary->received() + received);
    summary->set_accepted(summary->accepted() + result.outcome.accepted);
    summary->set_rejected(summary->rejected() + result.outcome.rejected);
    summary->set_duplicates(summary->duplicates() + result.outcome.duplicates);
    summary->set_next_position(
        std::max(summary->next_position(), result.next_position));
    for (const Rejection& r : result.rejections) {
      if (summary->rejections_size() >= kSummaryRejections) break;
      ToProto(r, summary->add_rejections());
    }
  };
  size_t writing_size = 0;
  std::vector<RecordInput> records;
  while (messages.Next(&message)) {
    if (!message.has_batch()) {
      throw InvalidArgument("after start, send only record batches");
    }
    records.clear();
    records.reserve(message.batch().records_size());
    for (const auto& r : message.batch().records()) {
      records.push_back(FromProto(r));
    }
    PreparedBatch prepared = transfers.Prepare(caller, transfer, records);
    if (writing.valid()) count(writing.get(), writing_size);
    writing_size = records.size();
    writing = std::async(
        std::launch::async,
        [&transfers, &caller](PreparedBatch batch) {
          return transfers.Write(caller, std::move(batch));
        },
        std::move(prepared));
  }
  if (writing.valid()) count(writing.get(), writing_size);
}

}  // namespace depot::deposits
