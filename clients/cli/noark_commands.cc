#include "clients/cli/noark_commands.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "clients/cli/count_option.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/noark_import.h"
#include "clients/cli/offline_verify.h"
#include "clients/cli/output.h"
#include "clients/cli/private_file.h"
#include "clients/cli/progress.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "services/noark/self_checks.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;

// --xsd-dir, else $DEPOT_NOARK5_XSD_DIR, else the schemas beside a
// development checkout (../shared/noark5/xsd) when they are there.
fs::path XsdDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DEPOT_NOARK5_XSD_DIR"); env && *env) {
    return env;
  }
#ifdef DEPOT_DEFAULT_NOARK5_XSD_DIR
  fs::path dir = DEPOT_DEFAULT_NOARK5_XSD_DIR;
  std::error_code error;
  if (fs::is_regular_file(dir / "arkivstruktur.xsd", error)) return dir;
#endif
  return {};
}

int Local(grpc::StatusCode code, const std::string& message) {
  return ReportFailure(grpc::Status(code, message));
}

int PrintChecks(const std::vector<noark::CheckResult>& results,
                const fs::path& dir, bool json) {
  if (json) {
    nlohmann::json out = {{"extraction", dir.string()},
                          {"passed", noark::AllPassed(results)},
                          {"checks", nlohmann::json::array()}};
    for (const auto& r : results) {
      out["checks"].push_back({{"id", r.id},
                               {"title", r.title},
                               {"outcome", noark::CheckOutcomeName(r.outcome)},
                               {"detail", r.detail}});
    }
    std::cout << out.dump(2) << "\n";
  } else {
    Table table({"CHECK", "RESULT", "WHAT", "DETAIL"});
    for (const auto& r : results) {
      table.AddRow(
          {r.id, noark::CheckOutcomeName(r.outcome), r.title, r.detail});
    }
    table.Print(std::cout);
  }
  std::string failed;
  for (const auto& r : results) {
    if (r.outcome == noark::CheckOutcome::kFailed) {
      failed += (failed.empty() ? "" : ", ") + r.id;
    }
  }
  if (failed.empty()) return kExitOk;
  return Local(grpc::StatusCode::FAILED_PRECONDITION,
               "the extraction in " + dir.string() + " fails " + failed);
}

struct ImportArgs {
  NoarkImportOptions options;
  std::string dir;
  std::string report;
  std::string xsd_dir;
  bool no_file_check = false;
};

int RunImport(const Connection& connection, const ImportArgs& args, bool json) {
  NoarkImportOptions options = args.options;
  options.dir = args.dir;
  options.report = args.report;
  options.verify_files = !args.no_file_check;
  options.xsd_dir = XsdDir(args.xsd_dir);
  auto stub = v1::DepositService::NewStub(connection.channel());
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
    return Local(grpc::StatusCode::INVALID_ARGUMENT, error.what());
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
  int64_t rejected = summary.rejected_here + summary.rejected_by_server;
  if (json) {
    nlohmann::json out = {{"deposit_id", options.deposit_id},
                          {"noark_version", summary.noark_version},
                          {"bytes", summary.bytes},
                          {"mappes", summary.mappes},
                          {"accepted", summary.accepted},
                          {"rejected", rejected},
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
    return kExitOk;
  }
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
  std::cout << "accepted " << summary.accepted << ", rejected " << rejected
            << " (" << summary.rejected_here << " before sending, "
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
  return kExitOk;
}

void AddImport(CLI::App* group, const ConnectionOptions& options,
               Action* action) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* command = group->add_subcommand(
      "import-noark5",
      "Import a Noark 5 extraction (arkivuttrekk) into an open deposit: each "
      "mappe becomes a record, resuming where an earlier run of the same "
      "extraction stopped");
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
  command->add_option("DIR", args->dir, "the extraction's directory")
      ->required()
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("--deposit", args->options.deposit_id,
                   "the open deposit to import into")
      ->required();
  AddCountOption(command, "--batch-size", args->options.batch_size,
                 "records per batch; each batch is committed on arrival",
                 kMaxBatchRecords)
      ->capture_default_str();
  command->add_option("--report", args->report,
                      "where to write the report (default "
                      "noark5-import-DEPOSIT.csv in this directory)");
  command->add_option("--xsd-dir", args->xsd_dir,
                      "directory with the Noark 5 v5.0 arkivstruktur.xsd, to "
                      "report schema deviations (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  command->add_option("--transfer-id", args->options.transfer_id,
                      "the transfer's name in the deposit (default "
                      "noark5:<the directory's name>); give a new one to "
                      "import a changed arkivstruktur.xml as a new source");
  command->add_flag("--no-resume", args->options.no_resume,
                    "send every mappe from the first, also those the server "
                    "has (counted as duplicates); a changed "
                    "arkivstruktur.xml is still refused");
  command->add_flag("--no-file-check", args->no_file_check,
                    "do not hash the document files the extraction holds");
  command->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      return RunImport(connection, *args, options.json);
    };
  });
}

struct ExportArgs {
  int64_t deposit_id = 0;
  std::string dir;
  std::string xsd_dir;
};

int RunExport(const Connection& connection, const ExportArgs& args, bool json) {
  fs::path dir = args.dir;
  std::error_code error;
  if (fs::exists(dir, error) && !fs::is_empty(dir, error)) {
    return Local(grpc::StatusCode::INVALID_ARGUMENT,
                 dir.string() + " is not empty; name a new directory");
  }
  error = CreatePrivateDirectories(dir);
  if (error) {
    return Local(grpc::StatusCode::INVALID_ARGUMENT,
                 "cannot create " + dir.string() + ": " + error.message());
  }
  auto stub = v1::DepositService::NewStub(connection.channel());
  auto context = connection.NewContext();
  // An export of a large deposit takes as long as it takes.
  context->set_deadline(std::chrono::system_clock::time_point::max());
  v1::ExportNoark5Request request;
  request.set_deposit_id(args.deposit_id);
  auto reader = stub->ExportNoark5(context.get(), request);
  std::map<std::string, int64_t> sizes;
  PrivateFile out;
  std::string current;
  v1::ExportChunk chunk;
  std::string problem;
  while (reader->Read(&chunk)) {
    if (chunk.file_name() != current) {
      if (chunk.file_name() != "arkivstruktur.xml" &&
          chunk.file_name() != "arkivuttrekk.xml") {
        problem =
            "the server sent an unexpected file '" + chunk.file_name() + "'";
        context->TryCancel();
        break;
      }
      out.close();
      if (!out) break;  // the file before could not be written
      current = chunk.file_name();
      out.open(dir / current);
      if (!out) break;
    }
    out.write(chunk.data().data(),
              static_cast<std::streamsize>(chunk.data().size()));
    if (!out) break;
    sizes[current] += static_cast<int64_t>(chunk.data().size());
  }
  out.close();
  bool written = static_cast<bool>(out);
  if (!written) context->TryCancel();
  grpc::Status status = reader->Finish();
  if (!problem.empty()) return Local(grpc::StatusCode::INTERNAL, problem);
  if (!written) {
    return Local(grpc::StatusCode::UNKNOWN,
                 "cannot write " + (dir / current).string() + ": " +
                     out.error() + "; export again into a new directory");
  }
  if (!status.ok()) {
    int code = ReportFailure(status);
    if (!sizes.empty()) {
      std::cerr << "depot: the files in " << dir.string()
                << " are incomplete; export again into a new directory"
                << std::endl;
    }
    return code;
  }
  std::ostream& notes = json ? std::cerr : std::cout;
  notes << "exported deposit " << args.deposit_id << " to " << dir.string()
        << ":";
  for (const auto& [name, size] : sizes)
    notes << " " << name << " (" << size << " bytes)";
  notes << "\n";
  fs::path xsd = XsdDir(args.xsd_dir);
  if (xsd.empty()) {
    notes << "no Noark 5 schemas (--xsd-dir): N5.03 schema validation is "
             "skipped\n";
  }
  return PrintChecks(noark::RunSelfChecks(dir, xsd), dir, json);
}

void AddExport(CLI::App* group, const ConnectionOptions& options,
               Action* action) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = group->add_subcommand(
      "export-noark5",
      "Export a received deposit as a Noark 5 v5.0 extraction "
      "(arkivstruktur.xml, arkivuttrekk.xml) and run the self-checks on it");
  command->footer(
      std::string(
          "Writes DIR/arkivstruktur.xml and DIR/arkivuttrekk.xml, then checks "
          "them like Arkade 5: N5.01 required files, N5.02 checksums, N5.03 "
          "schema (needs --xsd-dir), N5.47 unique systemIDs, N5.59 counts. "
          "A failed check exits with 3. See docs/cli.md.\n") +
      ExitCodeHelp() + "\n");
  command->add_option("DEPOSIT", args->deposit_id, "a received deposit")
      ->required();
  command->add_option("DIR", args->dir, "a new or empty directory")->required();
  command->add_option("--xsd-dir", args->xsd_dir,
                      "directory with the Noark 5 v5.0 schemas (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  command->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      return RunExport(connection, *args, options.json);
    };
  });
}

void AddCheck(CLI::App* group, const ConnectionOptions& options) {
  auto dir = std::make_shared<std::string>();
  auto xsd_dir = std::make_shared<std::string>();
  CLI::App* command = group->add_subcommand(
      "check-noark5",
      "Run the self-checks (N5.01, N5.02, N5.03, N5.47, N5.59) on any Noark "
      "5 extraction directory; does not contact the server");
  command->add_option("DIR", *dir, "the extraction's directory")
      ->required()
      ->check(CLI::ExistingDirectory);
  command->add_option("--xsd-dir", *xsd_dir,
                      "directory with the Noark 5 v5.0 schemas (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  // No server and no client certificate needed.
  command->callback([dir, xsd_dir, &options] {
    RunLocally([&] {
      fs::path xsd = XsdDir(*xsd_dir);
      if (xsd.empty()) {
        (options.json ? std::cerr : std::cout)
            << "no Noark 5 schemas (--xsd-dir): N5.03 schema validation is "
               "skipped\n";
      }
      return PrintChecks(noark::RunSelfChecks(*dir, xsd), *dir, options.json);
    });
  });
}

}  // namespace

void AddNoarkCommands(CLI::App* group, const ConnectionOptions& options,
                      Action* action) {
  AddImport(group, options, action);
  AddExport(group, options, action);
  AddCheck(group, options);
}

}  // namespace depot::cli
