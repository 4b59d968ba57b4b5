#include <iostream>

#include "clients/cli/journal_commands.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::JournalService::Stub;

struct DisposeArgs {
  bool dry_run = false;
  std::string decision;
};

struct SettingsArgs {
  std::string creator_id;
  std::string creator_name;
  int retention_months = 0;
};

void PrintDisposal(const v1::DisposalReport& report) {
  if (report.items_size() > 0) {
    Table table({"DOCUMENT", "ENTRY", "CASE", "DUE", "DESCRIPTION"});
    for (const auto& item : report.items()) {
      table.AddRow({std::to_string(item.document_id()), item.journal_number(),
                    item.case_number(), item.due_date(), item.description()});
    }
    table.Print(std::cout);
  }
  std::cout << (report.dry_run() ? "would dispose of " : "disposed of ")
            << report.items_size() << " application document(s) (retention "
            << report.retention_months() << " months after closing)\n";
}

void AddDispose(CLI::App* journal, const Commands& commands) {
  Command<DisposeArgs> dispose(
      journal, commands, "dispose",
      "Dispose of application documents of closed job-application cases "
      "past their retention period: deletes their content, keeps the "
      "entries");
  dispose->add_flag("--dry-run", dispose.args().dry_run,
                    "only list what would be disposed of");
  dispose->add_option("--decision", dispose.args().decision,
                      "the disposal decision (kassasjonsvedtak) carried out; "
                      "required unless --dry-run");
  dispose.Calls(
      &Stub::RunDisposal,
      [](const DisposeArgs& args, v1::RunDisposalRequest& request) {
        request.set_dry_run(args.dry_run);
        request.set_decision(args.decision);
      },
      PrintDisposal);
}

void PrintSettings(const v1::JournalSettings& settings) {
  Table table({"SETTING", "VALUE"});
  table.AddRow({"archive creator id", settings.archive_creator_id()});
  table.AddRow({"archive creator name", settings.archive_creator_name()});
  table.AddRow({"retention of applications (months)",
                std::to_string(settings.application_retention_months())});
  table.AddRow(
      {"updated", settings.updated_at() + " by " + settings.updated_by()});
  table.Print(std::cout);
}

// Shows the settings, or changes those given.
int Settings(const Connection& connection, const SettingsArgs& args,
             bool json) {
  v1::JournalSettings settings;
  grpc::Status status;
  if (args.creator_id.empty() && args.creator_name.empty() &&
      args.retention_months == 0) {
    status = Call(connection, &Stub::GetJournalSettings,
                  v1::GetJournalSettingsRequest(), &settings);
  } else {
    v1::UpdateJournalSettingsRequest request;
    request.set_archive_creator_id(args.creator_id);
    request.set_archive_creator_name(args.creator_name);
    request.set_application_retention_months(args.retention_months);
    status = Call(connection, &Stub::UpdateJournalSettings, request, &settings);
  }
  if (!status.ok()) return ReportFailure(status);
  PrintAnswer(settings, json, PrintSettings);
  return 0;
}

void AddSettings(CLI::App* journal, const Commands& commands) {
  Command<SettingsArgs> command(
      journal, commands, "settings",
      "Show the journal's settings, or change them with the options");
  command->add_option("--creator-id", command.args().creator_id,
                      "arkivskaperID in Noark 5 exports");
  command->add_option("--creator-name", command.args().creator_name,
                      "arkivskaperNavn in Noark 5 exports");
  command->add_option("--retention-months", command.args().retention_months,
                      "months after closing before application documents "
                      "are disposed of (1-120)");
  command.Runs(Settings);
}

}  // namespace

void AddJournalDisposalCommands(CLI::App* journal, const Commands& commands) {
  AddDispose(journal, commands);
  AddSettings(journal, commands);
}

}  // namespace depot::cli
