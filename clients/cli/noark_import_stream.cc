#include "clients/cli/noark_import_stream.h"

namespace depot::cli {
namespace {

// By gRPC's default the server takes messages of at most 4 MiB.
constexpr size_t kMaxBatchBytes = 3 << 20;

}  // namespace

RecordStream::RecordStream(v1::DepositService::Stub& stub,
                           const ContextFactory& new_context,
                           const TransferIdentity& identity, int batch_size,
                           NoarkImportSummary* summary)
    : stub_(stub),
      new_context_(new_context),
      identity_(identity),
      batch_size_(batch_size),
      summary_(summary),
      batch_(message_.mutable_batch()) {}

void RecordStream::Add(v1::RecordData* record) {
  batch_bytes_ += record->ByteSizeLong();
  batch_->add_records()->Swap(record);
  if (batch_->records_size() >= batch_size_ || batch_bytes_ >= kMaxBatchBytes) {
    Flush();
  }
}

void RecordStream::Cancel() {
  if (context_) context_->TryCancel();
  if (writer_) writer_->Finish();
}

grpc::Status RecordStream::Finish(const ImportProgress& progress,
                                  int64_t processed) {
  Flush();
  if (!writer_) {
    if (progress.finish) progress.finish();
    return grpc::Status::OK;
  }
  if (open_) {
    if (progress.waiting) progress.waiting(processed);
    writer_->WritesDone();
  }
  grpc::Status status = writer_->Finish();
  if (progress.finish) progress.finish();
  return status;
}

void RecordStream::Flush() {
  if (batch_->records_size() == 0 || !open_) return;
  if (!writer_) {
    context_ = new_context_();
    // --timeout bounds single requests; an import runs as long as the
    // server keeps taking batches.
    context_->set_deadline(std::chrono::system_clock::time_point::max());
    writer_ = stub_.TransferRecords(context_.get(), &summary_->transfer);
    open_ = writer_->Write(StartMessage(identity_));
  }
  if (open_) open_ = writer_->Write(message_);
  if (open_) summary_->sent += batch_->records_size();
  batch_->Clear();
  batch_bytes_ = 0;
}

}  // namespace depot::cli
