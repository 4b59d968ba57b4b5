#include "clients/cli/noark_commands.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "clients/cli/count_option.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/noark_export_commands.h"
#include "clients/cli/noark_import.h"
#include "clients/cli/progress.h"
#include "depot/v1/deposit.grpc.pb.h"

namespace depot::cli {
namespace {

struct ImportArgs {
  NoarkImportOptions options;
  std::string dir;
  std::string report;
  std::string xsd_dir;
  bool no_file_check = false;
};

void PrintImportJson(const NoarkImportOptions& options,
                     const NoarkImportSummary& summary) {
  nlohmann::json out = {
      {"deposit_id", options.deposit_id},
      {"noark_version", summary.noark_version},
      {"bytes", summary.bytes},
      {"mappes", summary.mappes},
      {"accepted", summary.accepted},
      {"rejected", summary.rejected_here + summary.rejected_by_server},
      {"rejected_before_sending", summary.rejected_here},
      {"rejected_by_server", summary.rejected_by_server},
      {"duplicates", summary.transfer.duplicates()},
      {"deviations", summary.deviations},
      {"missing_document_files", summary.missing_files},
      {"transfer_id", summary.transfer_id},
      {"resumed_at", summary.resumed_at},
      {"sent", summary.sent},
      {"report", summary.report.string()}};
  std::cout << out.dump(2) << "\n";
}

void PrintImportSummary(const NoarkImportOptions& options,
                        const NoarkImportSummary& summary) {
  std::cout << "deposit " << options.deposit_id << ": " << summary.mappes
            << " mappes in arkivstruktur.xml (Noark 5 "
            << (summary.noark_version.empty() ? "version unknown"
                                              : summary.noark_version)
            << ", " << summary.bytes << " bytes)\n";
  if (summary.resumed_at > 1) {
    std::cout << "resumed at mappe " << summary.resumed_at << " (transfer \""
              << summary.transfer_id
              << "\"): the server had the ones before it\n";
  }
  std::cout << "accepted " << summary.accepted << ", rejected "
            << summary.rejected_here + summary.rejected_by_server << " ("
            << summary.rejected_here << " before sending, "
            << summary.rejected_by_server << " by the server), duplicates "
            << summary.transfer.duplicates() << "; " << summary.deviations
            << " deviations\n";
  if (summary.missing_files > 0) {
    std::cout << summary.missing_files
              << " document files the metadata names are not in the "
                 "extraction: their checksums were taken as given\n";
  }
  if (options.xsd_dir.empty()) {
    std::cout << "no Noark 5 schemas (--xsd-dir): schema deviations were not "
                 "looked for\n";
  }
  std::cout << "report: " << summary.report.string() << "\n";
}

int RunImport(const Connection& connection, const ImportArgs& args, bool json) {
  NoarkImportOptions options = args.options;
  options.dir = args.dir;
  options.report = args.report;
  options.verify_files = !args.no_file_check;
  options.xsd_dir = NoarkXsdDir(args.xsd_dir);
  auto stub = MakeStub<v1::DepositService::Stub>(connection);
  std::optional<ProgressLine> line;
  ImportProgress progress;
  progress.start = [&](int64_t total) {
    line.emplace(total, StderrIsTerminal(), std::cerr);
  };
  progress.sent = [&](int64_t sent) { line->Update(sent); };
  progress.waiting = [&](int64_t sent) { line->Waiting(sent); };
  progress.finish = [&] { line->Finish(); };
  NoarkImportSummary summary;
  grpc::Status status;
  try {
    status = ImportNoark5(
        *stub, [&] { return connection.NewContext(); }, options, progress,
        &summary);
  } catch (const ExtractionError& error) {
    return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT, error.what());
  }
  if (!status.ok()) {
    int code = ReportFailure(status);
    if (code == kExitUnavailable) {
      std::cerr << "depot: the import broke off after sending " << summary.sent
                << " records; the server keeps every batch it committed. "
                   "Run the same command again to resume."
                << std::endl;
    }
    return code;
  }
  if (json) {
    PrintImportJson(options, summary);
  } else {
    PrintImportSummary(options, summary);
  }
  return kExitOk;
}

void AddImport(CLI::App* group, const Commands& commands) {
  Command<ImportArgs> command(
      group, commands, "import-noark5",
      "Import a Noark 5 extraction (arkivuttrekk) into an open deposit: each "
      "mappe becomes a record, resuming where an earlier run of the same "
      "extraction stopped");
  ImportArgs& args = command.args();
  command->footer(
      std::string(
          "DIR holds arkivstruktur.xml (Noark 5 versions 3.1 to 5.0) and, "
          "when the extraction has it, arkivuttrekk.xml and the document "
          "files. The whole arkivstruktur.xml is read once before anything "
          "is sent: a malformed or truncated file, a DTD or entity, or a text "
          "over 1 MiB stops the import with nothing sent. The transfer is "
          "named noark5:<DIR's name> (--transfer-id) and identified by "
          "arkivstruktur.xml's SHA-256: a run resumes only the very same "
          "extraction. The report (CSV: "
          "position, source_record_id, outcome, field, reason, eligible_from, "
          "line) lists every mappe as accepted or rejected with the reason, "
          "and every deviation from the schema. See docs/cli.md.\n") +
      ExitCodeHelp() + "\n");
  command->add_option("DIR", args.dir, "the extraction's directory")
      ->required()
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("--deposit", args.options.deposit_id,
                   "the open deposit to import into")
      ->required();
  AddCountOption(command.app(), "--batch-size", args.options.batch_size,
                 "records per batch; each batch is committed on arrival",
                 kMaxBatchRecords)
      ->capture_default_str();
  command->add_option("--report", args.report,
                      "where to write the report (default "
                      "noark5-import-DEPOSIT.csv in this directory)");
  command->add_option("--xsd-dir", args.xsd_dir,
                      "directory with the Noark 5 v5.0 arkivstruktur.xsd, to "
                      "report schema deviations (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  command->add_option("--transfer-id", args.options.transfer_id,
                      "the transfer's name in the deposit (default "
                      "noark5:<the directory's name>); give a new one to "
                      "import a changed arkivstruktur.xml as a new source");
  command->add_flag("--no-resume", args.options.no_resume,
                    "send every mappe from the first, also those the server "
                    "has (counted as duplicates); a changed "
                    "arkivstruktur.xml is still refused");
  command->add_flag("--no-file-check", args.no_file_check,
                    "do not hash the document files the extraction holds");
  command.Runs(RunImport);
}

}  // namespace

void AddNoarkCommands(CLI::App* group, const Commands& commands) {
  AddImport(group, commands);
  AddNoarkExportCommands(group, commands);
}

}  // namespace depot::cli
