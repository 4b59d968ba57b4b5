#include "clients/cli/noark_import.h"

#include <optional>

#include "clients/cli/noark_import_first_pass.h"
#include "clients/cli/noark_import_report.h"
#include "clients/cli/noark_import_second_pass.h"
#include "clients/cli/noark_import_stream.h"
#include "services/common/date.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;
using noark::Deviation;

// The server takes at most 10000 records per batch.
constexpr int kMaxBatchRecords = 10000;

// The transfer of the extraction: named after its directory unless the
// options name it, identified by arkivstruktur.xml's SHA-256.
TransferIdentity IdentityOf(const NoarkImportOptions& options,
                            const std::string& sha256) {
  TransferIdentity identity{options.deposit_id, options.transfer_id, sha256,
                            "arkivstruktur.xml of " + options.dir.string()};
  if (identity.transfer_id.empty()) {
    // "dir/" has an empty file name: name it after the directory itself.
    fs::path normal = fs::absolute(options.dir).lexically_normal();
    if (!normal.has_filename()) normal = normal.parent_path();
    identity.transfer_id = "noark5:" + normal.filename().string();
  }
  return identity;
}

// Sends the mappes from position `next` on; the work file gets every
// mappe's entry. Not OK: the work file is to be thrown away.
grpc::Status SendMappes(v1::DepositService::Stub& stub,
                        const ContextFactory& new_context,
                        const NoarkImportOptions& options, ImportStart& start,
                        const ImportProgress& progress, ImportWorkFile& work,
                        NoarkImportSummary* summary) {
  RecordStream stream(stub, new_context, start.identity, options.batch_size,
                      summary);
  SecondPass pass(options, start, work, stream, summary);
  if (progress.start) {
    progress.start(std::max<int64_t>(start.first.mappes - start.next + 1, 0));
  }
  try {
    pass.Run(progress);
  } catch (const noark::XmlError& e) {
    // Read to the end once already: the file changed since.
    stream.Cancel();
    if (progress.finish) progress.finish();
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "arkivstruktur.xml changed during the import (" +
                            std::string(e.what()) +
                            "); the batches sent before are kept");
  }
  grpc::Status status = stream.Finish(progress, pass.processed());
  if (!status.ok()) return status;
  if (pass.sha256() != start.first.sha256) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "arkivstruktur.xml changed during the import; the "
                        "batches sent are kept: run the import again");
  }
  return grpc::Status::OK;
}

}  // namespace

grpc::Status ImportNoark5(v1::DepositService::Stub& stub,
                          const ContextFactory& new_context,
                          const NoarkImportOptions& options,
                          const ImportProgress& progress,
                          NoarkImportSummary* summary) {
  *summary = NoarkImportSummary{};
  ImportStart start;
  start.structure = StructureFile(options.dir);
  if (options.batch_size < 1 || options.batch_size > kMaxBatchRecords) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        "--batch-size must be 1 to " + std::to_string(kMaxBatchRecords));
  }
  summary->report = options.report.empty()
                        ? fs::path("noark5-import-" +
                                   std::to_string(options.deposit_id) + ".csv")
                        : options.report;
  start.today = options.today.empty()
                    ? FormatDate(DateOf(std::chrono::system_clock::now()))
                    : options.today;
  std::optional<noark::AddmlInfo> addml = AddmlOf(options.dir);
  start.first = ReadThrough(start.structure, start.ids);
  summary->mappes = start.first.mappes;
  summary->bytes = start.first.bytes;
  std::vector<Deviation> extraction_deviations =
      CheckAgainstAddml(addml, start.first, &summary->noark_version);

  start.identity = IdentityOf(options, start.first.sha256);
  summary->transfer_id = start.identity.transfer_id;
  // Asked also with --no-resume: a changed extraction is refused either way.
  grpc::Status resume =
      ResumePoint(stub, new_context, start.identity, &start.next);
  if (!resume.ok()) return resume;
  if (options.no_resume) start.next = 1;
  summary->resumed_at = start.next;

  ImportWorkFile work(summary->report.string() + ".partial");
  work.Row(ImportReportRow({"position", "source_record_id", "outcome", "field",
                            "reason", "eligible_from", "line"}));
  for (const Deviation& d : extraction_deviations) work.Deviation(0, d);
  grpc::Status sent =
      SendMappes(stub, new_context, options, start, progress, work, summary);
  std::error_code error;
  if (!sent.ok()) {
    work.Close();
    fs::remove(work.path(), error);
    return sent;
  }
  summary->deviations = work.deviations();
  if (!work.Close()) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        "cannot write " + work.path().string());
  }
  ImportOutcomes outcomes;
  grpc::Status written =
      WriteImportReport(stub, new_context, options.deposit_id, work.path(),
                        summary->report, &outcomes);
  summary->accepted = outcomes.accepted;
  summary->rejected_by_server = outcomes.rejected_by_server;
  return written;
}

}  // namespace depot::cli
