#include <iostream>
#include <optional>

#include "clients/cli/exit_codes.h"
#include "clients/cli/journal_commands.h"
#include "clients/cli/journal_output.h"
#include "clients/cli/journal_screening_commands.h"
#include "clients/cli/private_file.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::JournalService::Stub;

// Reports stream for as long as they take; the global --timeout is for
// the answer to begin, not to end.
constexpr std::chrono::seconds kReportTime{3600};

// Output of a report: stdout or --output FILE. A report that did not come
// through whole leaves no file behind.
class ReportOutput {
 public:
  explicit ReportOutput(const std::string& path) : path_(path) {
    if (!path.empty()) {
      file_.open(path);
      if (!file_) {
        throw std::runtime_error("cannot write " + path + ": " + file_.error());
      }
    }
  }
  std::ostream& out() { return file_.is_open() ? file_ : std::cout; }
  // The exit code once the call has ended with status.
  int Finish(const grpc::Status& status) {
    if (!status.ok()) {
      file_.Discard();
      return ReportFailure(status);
    }
    if (!file_.is_open()) {
      std::cout.flush();
      return 0;
    }
    file_.close();
    if (file_) return 0;
    std::string why = file_.error();
    file_.Discard();
    return ReportFailure(kExitOther, "cannot write " + path_ + ": " + why);
  }

 private:
  std::string path_;
  PrivateFile file_;
};

struct RangeArgs {
  std::string from;
  std::string to;
  std::string format = "table";
  std::string output;
  bool preview = false;
};

// A Noark 5 journal, chunk by chunk: offentligJournal.xml, or (internal)
// the unscreened loependeJournal.xml.
int StreamXml(const Connection& connection, const RangeArgs& args,
              bool internal) {
  v1::ExportJournalRequest request;
  request.set_from_date(args.from);
  request.set_to_date(args.to);
  ReportOutput output(args.output);
  grpc::Status status = ReadStream(
      connection,
      internal ? &Stub::ExportLoependeJournal : &Stub::ExportOffentligJournal,
      request, CallTime::AtMost(kReportTime), [&](const v1::XmlChunk& chunk) {
        output.out() << chunk.data();
        return true;
      });
  return output.Finish(status);
}

// The public journal as a table, or as JSON entry by entry: memory does
// not grow with the range.
int StreamPublic(const Connection& connection, const RangeArgs& args,
                 bool json) {
  v1::PublicJournalRequest request;
  request.set_from_date(args.from);
  request.set_to_date(args.to);
  ReportOutput output(args.output);
  std::ostream& out = output.out();
  std::optional<JsonArrayWriter> array;
  if (json) array.emplace(out);
  Table table(
      {"JOURNAL NO", "DATE", "TYPE", "CASE", "TITLE", "CORRESPONDENTS"});
  grpc::Status status = ReadStream(
      connection, &Stub::PublicJournal, request, CallTime::AtMost(kReportTime),
      [&](const v1::PublicJournalEntry& entry) {
        if (array) {
          array->Add(entry);
          return true;
        }
        std::string parties;
        for (const auto& c : entry.correspondents()) {
          if (!parties.empty()) parties += "; ";
          parties += c.name();
        }
        table.AddRow({entry.journal_number(), entry.journal_date(),
                      EntryTypeLetter(entry.entry_type()), entry.case_number(),
                      entry.public_title(), parties});
        return true;
      });
  if (status.ok() && array) {
    array->Close();
  } else if (status.ok()) {
    table.Print(out);
  }
  return output.Finish(status);
}

int Public(const Connection& connection, const RangeArgs& args, bool json) {
  std::string format = json ? "json" : args.format;
  if (args.preview) {
    if (format == "noark5") {
      return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT,
                           "--preview shows a table or JSON, not Noark 5");
    }
    v1::PublicJournalRequest request;
    request.set_from_date(args.from);
    request.set_to_date(args.to);
    ReportOutput output(args.output);
    return PrintPublicPreview(connection, request, format == "json",
                              output.out());
  }
  if (format == "noark5") return StreamXml(connection, args, false);
  return StreamPublic(connection, args, format == "json");
}

void AddPublic(CLI::App* journal, const Commands& commands) {
  Command<RangeArgs> command(
      journal, commands, "public",
      "The public journal for journal dates --from..--to, screened: a table, "
      "JSON, or Noark 5 offentligJournal.xml");
  RangeArgs& args = command.args();
  command->add_option("--from", args.from, "first day YYYY-MM-DD")->required();
  command->add_option("--to", args.to, "last day YYYY-MM-DD")->required();
  command
      ->add_option("--format", args.format,
                   "table, json or noark5 (offentligJournal.xml)")
      ->check(CLI::IsMember({"table", "json", "noark5"}))
      ->capture_default_str();
  command->add_option("--output", args.output,
                      "write to FILE instead of standard output");
  command->add_flag(
      "--preview", args.preview,
      "the archivist's look before publishing (never public): each public "
      "text with what is masked, [******: what it hides], and the words "
      "left that look like part of a screened name (table or --json)");
  command.Runs(Public);
}

void AddInternal(CLI::App* journal, const Commands& commands) {
  Command<RangeArgs> command(
      journal, commands, "internal",
      "The internal, unscreened Noark 5 loependeJournal.xml (archivists "
      "only; audited)");
  RangeArgs& args = command.args();
  command->add_option("--from", args.from, "first day YYYY-MM-DD")->required();
  command->add_option("--to", args.to, "last day YYYY-MM-DD")->required();
  command->add_option("--output", args.output,
                      "write to FILE instead of standard output");
  command.Runs([](const Connection& connection, const RangeArgs& args, bool) {
    return StreamXml(connection, args, true);
  });
}

void PrintApplicants(const v1::ApplicantListResponse& response) {
  std::cout << "case " << response.case_number() << ": "
            << response.case_public_title() << "\n"
            << "applicants: " << response.applicant_count()
            << " (screened: " << response.screened_count() << ")\n";
  for (const auto& name : response.public_names()) {
    std::cout << "  " << name << "\n";
  }
}

void AddApplicants(CLI::App* journal, const Commands& commands) {
  Command<std::string> applicants(
      journal, commands, "applicants",
      "The public applicant list (søkjarliste) of a job-application case");
  applicants->add_option("CASE", applicants.args(), "case number")->required();
  applicants.Calls(
      &Stub::ApplicantList,
      [](const std::string& number, v1::ApplicantListRequest& request) {
        request.set_case_number(number);
      },
      PrintApplicants);
}

}  // namespace

void AddJournalReportCommands(CLI::App* journal, const Commands& commands) {
  AddPublic(journal, commands);
  AddInternal(journal, commands);
  AddApplicants(journal, commands);
}

}  // namespace depot::cli
