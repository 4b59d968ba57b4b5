#include "clients/cli/journal_commands.h"

#include <iostream>

#include "clients/cli/journal_output.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::JournalService::Stub;

struct CaseCreateArgs {
  std::string kind = "ordinary";
  std::string title;
  std::string public_title;
  std::string unit;
  std::string officer;
  ScreeningArgs screening;
};

void AddCaseCreate(CLI::App* cases, const Commands& commands) {
  Command<CaseCreateArgs> create(
      cases, commands, "create",
      "Open a case; prints its number (year/sequence)");
  CaseCreateArgs& args = create.args();
  create
      ->add_option("--kind", args.kind,
                   "ordinary, job-application (applicants screened, "
                   "application documents disposed of) or personnel")
      ->check(CLI::IsMember({"ordinary", "job-application", "personnel"}))
      ->capture_default_str();
  create->add_option("--title", args.title, "the case's title")->required();
  create->add_option("--public-title", args.public_title,
                     "title for the public journal (default: the title, "
                     "with screened names replaced)");
  create->add_option("--unit", args.unit, "administrativEnhet");
  create->add_option("--officer", args.officer, "saksansvarlig (case officer)");
  args.screening.AddTo(create.app());
  create.Calls(
      &Stub::CreateCase,
      [](const CaseCreateArgs& args, v1::CreateCaseRequest& request) {
        request.set_kind(args.kind == "job-application"
                             ? v1::CASE_KIND_JOB_APPLICATION
                         : args.kind == "personnel" ? v1::CASE_KIND_PERSONNEL
                                                    : v1::CASE_KIND_ORDINARY);
        request.set_title(args.title);
        request.set_public_title(args.public_title);
        request.set_administrative_unit(args.unit);
        request.set_case_officer(args.officer);
        args.screening.Fill(request.mutable_screening());
      },
      [](const v1::JournalCase& created) {
        std::cout << "created case " << created.case_number() << " ("
                  << CaseKindName(created.kind()) << ")\n";
      });
}

void AddCaseShowClose(CLI::App* cases, const Commands& commands) {
  Command<std::string> show(
      cases, commands, "show",
      "Show a case as recorded, unscreened (archivists only)");
  show->add_option("CASE", show.args(), "case number, e.g. 2026/12")
      ->required();
  show.Calls(
      &Stub::GetCase,
      [](const std::string& number, v1::GetCaseRequest& request) {
        request.set_case_number(number);
      },
      PrintCase);

  Command<std::string> close(
      cases, commands, "close",
      "Close a case (Avsluttet); the disposal period of its application "
      "documents starts");
  close->add_option("CASE", close.args(), "case number, e.g. 2026/12")
      ->required();
  close.Calls(
      &Stub::CloseCase,
      [](const std::string& number, v1::CloseCaseRequest& request) {
        request.set_case_number(number);
      },
      [](const v1::JournalCase& closed) {
        std::cout << "closed case " << closed.case_number() << "\n";
      });
}

}  // namespace

void AddJournalCommands(CLI::App* app, const Commands& commands) {
  CLI::App* journal =
      AddGroup(app, "journal",
               "The postjournal: cases, entries, screening, the public "
               "journal, disposal of application documents");
  CLI::App* cases =
      AddGroup(journal, "case", "Cases (saksmapper): create, show, close");
  AddCaseCreate(cases, commands);
  AddCaseShowClose(cases, commands);
  AddJournalEntryCommands(journal, commands);
  AddScreenWordsCommand(journal, commands);
  AddJournalReportCommands(journal, commands);
  AddJournalDisposalCommands(journal, commands);
}

}  // namespace depot::cli
