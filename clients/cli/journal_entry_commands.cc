#include <functional>
#include <iostream>

#include "clients/cli/journal_commands.h"
#include "clients/cli/journal_output.h"
#include "clients/cli/read_file.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::JournalService::Stub;

struct AddArgs {
  std::string case_number;
  std::string type;
  std::string status = "J";
  std::string title;
  std::string public_title;
  std::string document_date;
  std::string journal_date;
  std::vector<std::string> senders;
  std::vector<std::string> recipients;
  std::vector<std::string> copies;
  std::vector<std::string> internal_senders;
  std::vector<std::string> internal_recipients;
  std::vector<std::string> documents;
  std::vector<std::string> applications;
  // NAME=VALUE: the identity of the correspondent of that name.
  std::vector<std::string> birth_dates;
  std::vector<std::string> national_ids;
  ScreeningArgs screening;
  std::vector<std::string> screened_words;
  std::string word_authority;
};

struct ReleaseArgs {
  std::string case_number;
  std::string name;
  std::string reason;
};

// "NAME=VALUE" split at the last '=' (names do not hold one; values never).
std::pair<std::string, std::string> SplitAssignment(const std::string& text) {
  size_t at = text.rfind('=');
  return {text.substr(0, at), text.substr(at + 1)};
}

// Puts each NAME=VALUE of `given` on the correspondents named NAME; a name
// that is not among them is an error (a typo would silently drop the
// identity otherwise).
grpc::Status ApplyIdentity(
    const std::vector<std::string>& given, const char* option,
    v1::RecordEntryRequest* request,
    const std::function<void(v1::Correspondent&, const std::string&)>& set) {
  for (const std::string& text : given) {
    auto [name, value] = SplitAssignment(text);
    bool found = false;
    for (v1::Correspondent& c : *request->mutable_correspondents()) {
      if (c.name() == name) {
        set(c, value);
        found = true;
      }
    }
    if (!found) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          std::string(option) +
                              ": NAME must be given exactly as in --sender, "
                              "--recipient, --copy or --internal-*");
    }
  }
  return grpc::Status::OK;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void AddParties(const std::vector<std::string>& names,
                v1::CorrespondentKind kind, v1::PartyRole role,
                v1::RecordEntryRequest& request) {
  for (const auto& name : names) {
    v1::Correspondent* c = request.add_correspondents();
    c->set_name(name);
    c->set_kind(kind);
    c->set_role(role);
  }
}

void AddDocuments(const std::vector<std::string>& paths, v1::DocumentRole role,
                  v1::RecordEntryRequest& request) {
  for (const auto& path : paths) {
    v1::Document* d = request.add_documents();
    d->set_description(BaseName(path));
    d->set_content(ReadUserFile(path));
    d->set_role(role);
  }
}

grpc::Status FillEntry(const AddArgs& args, v1::RecordEntryRequest& request) {
  request.set_case_number(args.case_number);
  request.set_entry_type(EntryTypeByLetter(args.type));
  request.set_status(EntryStatusByLetter(args.status));
  request.set_title(args.title);
  request.set_public_title(args.public_title);
  request.set_document_date(args.document_date);
  request.set_journal_date(args.journal_date);
  args.screening.Fill(request.mutable_screening());
  for (const auto& word : args.screened_words) {
    request.mutable_screened_words()->add_words(word);
  }
  request.mutable_screened_words()->set_authority(args.word_authority);
  AddParties(args.senders, v1::CORRESPONDENT_KIND_SENDER,
             v1::PARTY_ROLE_UNSPECIFIED, request);
  AddParties(args.recipients, v1::CORRESPONDENT_KIND_RECIPIENT,
             v1::PARTY_ROLE_UNSPECIFIED, request);
  AddParties(args.copies, v1::CORRESPONDENT_KIND_COPY_RECIPIENT,
             v1::PARTY_ROLE_UNSPECIFIED, request);
  AddParties(args.internal_senders, v1::CORRESPONDENT_KIND_SENDER,
             v1::PARTY_ROLE_OTHER, request);
  AddParties(args.internal_recipients, v1::CORRESPONDENT_KIND_RECIPIENT,
             v1::PARTY_ROLE_OTHER, request);
  grpc::Status identity = ApplyIdentity(
      args.birth_dates, "--birth-date", &request,
      [](v1::Correspondent& c, const std::string& v) { c.set_birth_date(v); });
  if (identity.ok()) {
    identity = ApplyIdentity(args.national_ids, "--national-id", &request,
                             [](v1::Correspondent& c, const std::string& v) {
                               c.set_national_id(v);
                             });
  }
  if (!identity.ok()) return identity;
  AddDocuments(args.documents, v1::DOCUMENT_ROLE_OTHER, request);
  AddDocuments(args.applications, v1::DOCUMENT_ROLE_APPLICATION, request);
  return grpc::Status::OK;
}

void AddPartyOptions(CLI::App* add, AddArgs& args) {
  add->add_option("--sender", args.senders, "sender (repeatable)");
  add->add_option("--recipient", args.recipients, "recipient (repeatable)");
  add->add_option("--copy", args.copies, "copy recipient (repeatable)");
  add->add_option("--internal-sender", args.internal_senders,
                  "sender who is not an applicant (repeatable)");
  add->add_option("--internal-recipient", args.internal_recipients,
                  "recipient who is not an applicant (repeatable)");
  add->add_option("--document", args.documents,
                  "a document FILE kept with the entry (repeatable)");
  add->add_option("--application", args.applications,
                  "an application document FILE (application, CV, "
                  "certificates): disposed of after the retention period "
                  "(repeatable)");
  auto assignment = CLI::Validator(
      [](std::string& text) {
        size_t at = text.rfind('=');
        return at == std::string::npos || at == 0 || at + 1 == text.size()
                   ? std::string("expected NAME=VALUE")
                   : std::string();
      },
      "NAME=VALUE");
  add->add_option("--birth-date", args.birth_dates,
                  "NAME=YYYY-MM-DD: the birth date of the correspondent NAME, "
                  "so that the person's access request finds the entry "
                  "(stored encrypted, never public; repeatable)")
      ->check(assignment);
  add->add_option("--national-id", args.national_ids,
                  "NAME=NUMBER: the national identity number of the "
                  "correspondent NAME (stored encrypted, never public or "
                  "shown again; repeatable)")
      ->check(assignment);
}

void AddAdd(CLI::App* journal, const Commands& commands) {
  Command<AddArgs> add(journal, commands, "add",
                       "Journal an entry in a case; prints its journal number");
  AddArgs& args = add.args();
  add->footer(
      "In a job-application case, --sender/--recipient/--copy are applicants "
      "(screened under offentleglova § 25); the employer's own people go in "
      "--internal-sender/--internal-recipient.");
  add->add_option("CASE", args.case_number, "case number, e.g. 2026/12")
      ->required();
  add->add_option("--type", args.type,
                  "journalposttype: I incoming, U outgoing, N/X internal, S "
                  "case presentation")
      ->check(CLI::IsMember({"I", "U", "N", "X", "S"}))
      ->required();
  add->add_option("--title", args.title, "the entry's title")->required();
  add->add_option("--public-title", args.public_title,
                  "title for the public journal (required with --screen TRO)");
  add->add_option("--status", args.status,
                  "journalstatus: J journalført, E ekspedert, A arkivert, U "
                  "utgår")
      ->check(CLI::IsMember({"J", "E", "A", "U"}))
      ->capture_default_str();
  add->add_option("--document-date", args.document_date,
                  "dokumentetsDato YYYY-MM-DD");
  add->add_option("--journal-date", args.journal_date,
                  "journaldato YYYY-MM-DD (default today)");
  AddPartyOptions(add.app(), args);
  args.screening.AddTo(add.app());
  add->add_option("--screen-word", args.screened_words,
                  "a word of the title, descriptions or correspondents to "
                  "screen in every public text of the case (repeatable; "
                  "needs --word-authority)");
  add->add_option("--word-authority", args.word_authority,
                  "skjermingshjemmel of --screen-word, e.g. \"offentleglova "
                  "§ 13\"");
  add.Calls(&Stub::RecordEntry, FillEntry, [](const v1::JournalEntry& entry) {
    std::cout << "journaled " << entry.journal_number() << " ("
              << entry.registry_id() << ")\n";
  });
}

void AddShow(CLI::App* journal, const Commands& commands) {
  Command<std::string> show(
      journal, commands, "show",
      "Show a journal entry as recorded, unscreened (archivists only; the "
      "read is audited)");
  show->add_option("ENTRY", show.args(), "journal number, e.g. 2026/000045")
      ->required();
  show.Calls(
      &Stub::GetEntry,
      [](const std::string& number, v1::GetEntryRequest& request) {
        request.set_journal_number(number);
      },
      PrintEntry);
}

void PrintRelease(const v1::ReleaseNameResponse& response) {
  std::cout << "released the name in case " << response.case_number() << " ("
            << response.correspondents_released() << " correspondent(s)";
  if (response.still_screened() > 0) {
    std::cout << ", " << response.still_screened()
              << " still screened on other grounds";
  }
  std::cout << ")\n";
}

void AddRelease(CLI::App* journal, const Commands& commands) {
  Command<ReleaseArgs> release(
      journal, commands, "release-name",
      "Make an applicant's name public in a job-application case (the "
      "applicant did not ask to be screened); audited");
  release->add_option("CASE", release.args().case_number, "case number")
      ->required();
  release
      ->add_option("--name", release.args().name,
                   "the applicant's name as journaled")
      ->required();
  release
      ->add_option("--reason", release.args().reason,
                   "why the name may be public")
      ->required();
  release.Calls(
      &Stub::ReleaseName,
      [](const ReleaseArgs& args, v1::ReleaseNameRequest& request) {
        request.set_case_number(args.case_number);
        request.set_name(args.name);
        request.set_reason(args.reason);
      },
      PrintRelease);
}

}  // namespace

void AddJournalEntryCommands(CLI::App* journal, const Commands& commands) {
  AddAdd(journal, commands);
  AddShow(journal, commands);
  AddRelease(journal, commands);
}

}  // namespace depot::cli
