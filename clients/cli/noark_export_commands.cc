#include "clients/cli/noark_export_commands.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "clients/cli/exit_codes.h"
#include "clients/cli/private_file.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "services/noark/self_checks.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;

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
  return ReportFailure(
      grpc::StatusCode::FAILED_PRECONDITION,
      "the extraction in " + dir.string() + " fails " + failed);
}

// Runs the self-checks on dir, saying first when there are no schemas.
int CheckExtraction(const fs::path& dir, const std::string& xsd_flag,
                    bool json) {
  fs::path xsd = NoarkXsdDir(xsd_flag);
  if (xsd.empty()) {
    (json ? std::cerr : std::cout)
        << "no Noark 5 schemas (--xsd-dir): N5.03 schema validation is "
           "skipped\n";
  }
  return PrintChecks(noark::RunSelfChecks(dir, xsd), dir, json);
}

struct ExportArgs {
  int64_t deposit_id = 0;
  std::string dir;
  std::string xsd_dir;
};

// The files of an ExportNoark5 stream, written into the export directory
// as they come.
class ExportFiles {
 public:
  explicit ExportFiles(fs::path dir) : dir_(std::move(dir)) {}

  // False to stop: a file the export does not have, or one that cannot be
  // written.
  bool Take(const v1::ExportChunk& chunk) {
    if (chunk.file_name() != current_) {
      if (chunk.file_name() != "arkivstruktur.xml" &&
          chunk.file_name() != "arkivuttrekk.xml") {
        problem_ =
            "the server sent an unexpected file '" + chunk.file_name() + "'";
        return false;
      }
      out_.close();
      if (!out_) return false;  // the file before could not be written
      current_ = chunk.file_name();
      out_.open(dir_ / current_);
      if (!out_) return false;
    }
    out_.write(chunk.data().data(),
               static_cast<std::streamsize>(chunk.data().size()));
    if (!out_) return false;
    sizes_[current_] += static_cast<int64_t>(chunk.data().size());
    return true;
  }

  // The exit code of a failure to write, or 0 once all is written.
  int Close() {
    out_.close();
    if (!problem_.empty()) {
      return ReportFailure(grpc::StatusCode::INTERNAL, problem_);
    }
    if (!out_) {
      return ReportFailure(grpc::StatusCode::UNKNOWN,
                           "cannot write " + (dir_ / current_).string() + ": " +
                               out_.error() +
                               "; export again into a new directory");
    }
    return 0;
  }

  const std::map<std::string, int64_t>& sizes() const { return sizes_; }

 private:
  fs::path dir_;
  std::map<std::string, int64_t> sizes_;
  PrivateFile out_;
  std::string current_;
  std::string problem_;
};

int RunExport(const Connection& connection, const ExportArgs& args, bool json) {
  fs::path dir = args.dir;
  std::error_code error;
  if (fs::exists(dir, error) && !fs::is_empty(dir, error)) {
    return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT,
                         dir.string() + " is not empty; name a new directory");
  }
  error = CreatePrivateDirectories(dir);
  if (error) {
    return ReportFailure(
        grpc::StatusCode::INVALID_ARGUMENT,
        "cannot create " + dir.string() + ": " + error.message());
  }
  v1::ExportNoark5Request request;
  request.set_deposit_id(args.deposit_id);
  ExportFiles files(dir);
  // An export of a large deposit takes as long as it takes.
  grpc::Status status = ReadStream(
      connection, &v1::DepositService::Stub::ExportNoark5, request,
      CallTime::Unbounded(),
      [&](const v1::ExportChunk& chunk) { return files.Take(chunk); });
  if (int failed = files.Close()) return failed;
  if (!status.ok()) {
    int code = ReportFailure(status);
    if (!files.sizes().empty()) {
      std::cerr << "depot: the files in " << dir.string()
                << " are incomplete; export again into a new directory"
                << std::endl;
    }
    return code;
  }
  std::ostream& notes = json ? std::cerr : std::cout;
  notes << "exported deposit " << args.deposit_id << " to " << dir.string()
        << ":";
  for (const auto& [name, size] : files.sizes()) {
    notes << " " << name << " (" << size << " bytes)";
  }
  notes << "\n";
  return CheckExtraction(dir, args.xsd_dir, json);
}

void AddExport(CLI::App* group, const Commands& commands) {
  Command<ExportArgs> command(
      group, commands, "export-noark5",
      "Export a received deposit as a Noark 5 v5.0 extraction "
      "(arkivstruktur.xml, arkivuttrekk.xml) and run the self-checks on it");
  command->footer(
      std::string(
          "Writes DIR/arkivstruktur.xml and DIR/arkivuttrekk.xml, then checks "
          "them like Arkade 5: N5.01 required files, N5.02 checksums, N5.03 "
          "schema (needs --xsd-dir), N5.47 unique systemIDs, N5.59 counts. "
          "A failed check exits with 3. See docs/cli.md.\n") +
      ExitCodeHelp() + "\n");
  command
      ->add_option("DEPOSIT", command.args().deposit_id, "a received deposit")
      ->required();
  command->add_option("DIR", command.args().dir, "a new or empty directory")
      ->required();
  command->add_option("--xsd-dir", command.args().xsd_dir,
                      "directory with the Noark 5 v5.0 schemas (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  command.Runs(RunExport);
}

struct CheckArgs {
  std::string dir;
  std::string xsd_dir;
};

void AddCheck(CLI::App* group, const Commands& commands) {
  Command<CheckArgs> command(
      group, commands, "check-noark5",
      "Run the self-checks (N5.01, N5.02, N5.03, N5.47, N5.59) on any Noark "
      "5 extraction directory; does not contact the server");
  command->add_option("DIR", command.args().dir, "the extraction's directory")
      ->required()
      ->check(CLI::ExistingDirectory);
  command->add_option("--xsd-dir", command.args().xsd_dir,
                      "directory with the Noark 5 v5.0 schemas (default "
                      "$DEPOT_NOARK5_XSD_DIR)");
  // No server and no client certificate needed.
  command.RunsLocally([](const CheckArgs& args, bool json) {
    return CheckExtraction(args.dir, args.xsd_dir, json);
  });
}

}  // namespace

fs::path NoarkXsdDir(const std::string& flag) {
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

void AddNoarkExportCommands(CLI::App* group, const Commands& commands) {
  AddExport(group, commands);
  AddCheck(group, commands);
}

}  // namespace depot::cli
