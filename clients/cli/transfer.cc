#include "clients/cli/transfer.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "clients/cli/call.h"
#include "clients/cli/csv.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/output.h"
#include "clients/cli/private_file.h"
#include "clients/cli/progress.h"
#include "clients/cli/record_csv.h"
#include "clients/cli/transfer_identity.h"
#include "services/noark/file_hash.h"

namespace depot::cli {
namespace {

// The server takes at most 10000 records per batch and, by gRPC's default,
// messages of at most 4 MiB: records with many documents end a batch early.
constexpr int kMaxBatchRecords = 10000;
constexpr size_t kMaxBatchBytes = 3 << 20;

// Writes the report: every rejection of the deposit, so that it is complete
// however many runs the transfer took.
bool WriteReport(const std::string& path,
                 const std::vector<v1::Rejection>& rejections) {
  PrivateFile out(path);
  WriteCsvRow(out, {"position", "source_record_id", "field", "reason",
                    "eligible_from"});
  for (const v1::Rejection& r : rejections) {
    WriteCsvRow(out, {std::to_string(r.position()), r.source_record_id(),
                      r.field(), r.reason(), r.eligible_from()});
  }
  out.close();
  return static_cast<bool>(out);
}

struct StreamOutcome {
  grpc::Status status;
  int64_t sent = 0;           ///< records written to the stream
  int64_t last_position = 0;  ///< position of the last record written
};

// Streams the records from position `next` on.
StreamOutcome SendRecords(const Connection& connection,
                          v1::DepositService::Stub& stub,
                          const TransferArgs& args,
                          const TransferIdentity& identity, int64_t total,
                          int64_t next, v1::TransferSummary* summary) {
  StreamOutcome outcome;
  // --timeout bounds single requests; a transfer runs as long as the server
  // keeps taking batches, and a server that goes away breaks the stream.
  auto context = CallTime::Unbounded().NewContext(connection);
  auto writer = stub.TransferRecords(context.get(), summary);

  bool open = writer->Write(StartMessage(identity));

  std::optional<ProgressLine> progress;
  v1::TransferRecordsRequest batch_message;
  v1::RecordBatch* batch = batch_message.mutable_batch();
  size_t batch_bytes = 0;
  auto flush = [&] {
    if (batch->records_size() == 0) return true;
    if (!writer->Write(batch_message)) return false;
    outcome.sent += batch->records_size();
    outcome.last_position =
        batch->records(batch->records_size() - 1).position();
    batch->Clear();
    batch_bytes = 0;
    if (progress) progress->Update(outcome.sent);
    return true;
  };
  try {
    RecordCsvFile file(args.file);
    v1::RecordData record;
    int64_t skipped = 0;
    while (open && file.Next(&record)) {
      if (record.position() < next) {
        ++skipped;
        continue;
      }
      if (!progress)
        progress.emplace(total - skipped, StderrIsTerminal(), std::cerr);
      batch_bytes += record.ByteSizeLong();
      batch->add_records()->Swap(&record);
      if (batch->records_size() >= args.batch_size ||
          batch_bytes >= kMaxBatchBytes) {
        open = flush();
      }
    }
    if (open) open = flush();
  } catch (const std::exception& error) {
    // The file changed after it was checked: stop without a partial batch.
    if (progress) progress->Finish();
    context->TryCancel();
    writer->Finish();
    bool malformed = dynamic_cast<const CsvError*>(&error) != nullptr;
    outcome.status = grpc::Status(
        malformed ? grpc::StatusCode::INVALID_ARGUMENT
                  : grpc::StatusCode::UNKNOWN,
        std::string(error.what()) + " (the file changed during the transfer)");
    return outcome;
  }
  if (open) {
    if (progress) progress->Waiting(outcome.sent);
    writer->WritesDone();
  }
  outcome.status = writer->Finish();
  if (progress) progress->Finish();
  return outcome;
}

// What the check of the whole file found.
struct FileCheck {
  int64_t total = 0;          ///< records
  int64_t last_position = 0;  ///< of the last record
  std::string sha256;
};

// Checks the whole file before anything is sent, one record at a time, and
// takes its SHA-256. Returns the exit code of a failure, else 0.
int CheckFile(const std::string& path, FileCheck* check) {
  try {
    RecordCsvFile file(path);
    v1::RecordData record;
    while (file.Next(&record)) {
      ++check->total;
      check->last_position = record.position();
    }
  } catch (const CsvError& error) {
    return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT, error.what());
  } catch (const std::exception& error) {
    return ReportFailure(kExitOther, error.what());
  }
  std::optional<std::string> digest = noark::Sha256OfFile(path);
  if (!digest) return ReportFailure(kExitOther, "cannot read " + path);
  check->sha256 = *digest;
  return 0;
}

// Says where the transfer resumes, when not at its start.
void TellResumePoint(const TransferArgs& args, const TransferIdentity& identity,
                     const FileCheck& check, int64_t next) {
  if (next > check.last_position && check.total > 0) {
    std::cerr << "depot: the server has every line of " << args.file
              << " already (transfer \"" << identity.transfer_id
              << "\", resuming at line " << next
              << ": nothing to send; --no-resume sends every line)"
              << std::endl;
  } else if (next > 1) {
    std::cerr << "depot: resuming at line " << next << " of " << args.file
              << " (transfer \"" << identity.transfer_id
              << "\"): the server has the lines before it already "
                 "(--no-resume sends every line)"
              << std::endl;
  }
}

int ReportBrokenTransfer(const TransferArgs& args,
                         const StreamOutcome& outcome) {
  int code = ReportFailure(outcome.status);
  if (code == kExitUnavailable) {
    std::cerr << "depot: the transfer broke off after sending " << outcome.sent
              << " records";
    if (outcome.sent > 0) {
      std::cerr << " (up to line " << outcome.last_position << " of "
                << args.file << ")";
    }
    std::cerr << "; the server keeps every batch it committed. Run the "
                 "same command again to resume."
              << std::endl;
  }
  return code;
}

// Writes the report of every rejection of the deposit and says so.
int WriteRejections(const Connection& connection, const TransferArgs& args,
                    bool json) {
  std::vector<v1::Rejection> rejections;
  grpc::Status status =
      ListAllRejections(connection, args.deposit_id, &rejections);
  if (!status.ok()) return ReportFailure(status);
  std::string report =
      args.report.empty() ? args.file + ".rejected.csv" : args.report;
  // With no rejections left (exceptions and corrected records clear them)
  // an earlier report is emptied rather than left to mislead.
  if (rejections.empty() && !std::filesystem::exists(report)) return kExitOk;
  if (!WriteReport(report, rejections)) {
    return ReportFailure(kExitOther,
                         "cannot write the rejection report " + report);
  }
  std::ostream& notes = json ? std::cerr : std::cout;
  if (rejections.empty()) {
    notes << "no rejected records left in deposit " << args.deposit_id
          << "; emptied " << report << "\n";
  } else {
    notes << rejections.size() << " rejected records in deposit "
          << args.deposit_id << ", listed in " << report << "\n"
          << "(a record the 10-year rule rejected can be deposited after an "
             "archivist's `depot record exception`: then transfer again "
             "with --no-resume)\n";
  }
  return kExitOk;
}

}  // namespace

grpc::Status ListAllRejections(const Connection& connection, int64_t deposit_id,
                               std::vector<v1::Rejection>* rejections) {
  v1::ListRejectionsRequest request;
  request.set_deposit_id(deposit_id);
  request.set_page_size(1000);
  return CallPages(
      connection, &v1::DepositService::Stub::ListRejections, request,
      [&](v1::ListRejectionsResponse& page, v1::ListRejectionsRequest&) {
        for (const auto& r : page.rejections()) rejections->push_back(r);
        return true;
      });
}

int RunTransfer(const Connection& connection, const TransferArgs& args,
                bool json) {
  if (args.batch_size < 1 || args.batch_size > kMaxBatchRecords) {
    return ReportFailure(
        grpc::StatusCode::INVALID_ARGUMENT,
        "--batch-size must be 1 to " + std::to_string(kMaxBatchRecords));
  }
  FileCheck check;
  if (int failed = CheckFile(args.file, &check)) return failed;
  TransferIdentity identity{
      args.deposit_id,
      args.transfer_id.empty()
          ? std::filesystem::path(args.file).filename().string()
          : args.transfer_id,
      check.sha256, "the file " + args.file};
  auto stub = MakeStub<v1::DepositService::Stub>(connection);
  // Asked also with --no-resume: a file that changed is refused either way.
  int64_t next = 1;
  grpc::Status status = ResumePoint(
      *stub, [&] { return connection.NewContext(); }, identity, &next);
  if (!status.ok()) {
    int code = ReportFailure(status);
    if (code == kExitUnavailable) {
      std::cerr << "depot: nothing was sent; the server keeps every batch it "
                   "committed before. Run the same command again to resume."
                << std::endl;
    }
    return code;
  }
  if (args.no_resume) {
    next = 1;
  } else {
    TellResumePoint(args, identity, check, next);
  }

  v1::TransferSummary summary;
  StreamOutcome outcome = SendRecords(connection, *stub, args, identity,
                                      check.total, next, &summary);
  if (!outcome.status.ok()) return ReportBrokenTransfer(args, outcome);

  if (json) {
    std::cout << ToJson(summary);
  } else {
    std::cout << "deposit " << summary.deposit_id() << ": received "
              << summary.received() << ", accepted " << summary.accepted()
              << ", rejected " << summary.rejected() << ", duplicates "
              << summary.duplicates() << "\n";
  }
  return WriteRejections(connection, args, json);
}

}  // namespace depot::cli
